import { randomBytes } from "node:crypto";
import { triggerId } from "./signed-requests.js";

/**
 * The `payload` JSON of Slack's interactivity and options requests, shaped as docs.slack.dev documents them
 * (reference/interaction-payloads), for `interaction(payload)`. Only the fields Bolt and the bot read vary;
 * the rest is filled as Slack fills it, so a listener reading one more field finds it where Slack puts it.
 */

/** Who acted, and in which workspace. */
export interface SlackActor {
  readonly userId: string;
  readonly teamId: string;
  readonly userName?: string;
  readonly teamDomain?: string;
  readonly apiAppId?: string;
}

/** What a person typed or picked in a form: block id → action id → the element's state. */
export type ViewStateValues = Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, unknown>>>>>>;

const TOKEN = "deprecated-verification-token";
const actionTs = () => (Date.now() / 1000).toFixed(6);
const viewHash = () => `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString("hex")}`;

function common(actor: SlackActor) {
  const userName = actor.userName ?? "maya.k";
  return {
    token: TOKEN,
    api_app_id: actor.apiAppId ?? "A0SKILLSWAP",
    team: { id: actor.teamId, domain: actor.teamDomain ?? "skillswap-friends" },
    user: { id: actor.userId, username: userName, name: userName, team_id: actor.teamId },
    is_enterprise_install: false,
    enterprise: null,
  };
}

export interface ModalFields {
  readonly callbackId: string;
  readonly values?: ViewStateValues;
  readonly viewId?: string;
  readonly hash?: string;
  readonly privateMetadata?: string;
  /** The view's blocks as the app last sent them (a payload carries the whole view). */
  readonly blocks?: readonly unknown[];
}

function modal(actor: SlackActor, fields: ModalFields) {
  const id = fields.viewId ?? `V0${randomBytes(4).toString("hex").toUpperCase()}`;
  return {
    id,
    team_id: actor.teamId,
    type: "modal",
    blocks: fields.blocks ?? [],
    private_metadata: fields.privateMetadata ?? "",
    callback_id: fields.callbackId,
    state: { values: fields.values ?? {} },
    hash: fields.hash ?? viewHash(),
    title: { type: "plain_text", text: "SkillSwap" },
    clear_on_close: false,
    notify_on_close: true,
    close: { type: "plain_text", text: "Cancel" },
    submit: { type: "plain_text", text: "Save" },
    previous_view_id: null,
    root_view_id: id,
    app_id: actor.apiAppId ?? "A0SKILLSWAP",
    external_id: "",
    app_installed_team_id: actor.teamId,
    bot_id: "B0SKILLBOT",
  };
}

export interface BlockActionFields {
  readonly actionId: string;
  readonly value?: string;
  readonly blockId?: string;
  readonly triggerId?: string;
  /** The message the button is on; a button in a form has `view` instead. */
  readonly channelId?: string;
  readonly messageTs?: string;
  readonly view?: ModalFields;
  /** What the person picked in a select (an external select with `dispatch_action`), instead of a click. */
  readonly selected?: { readonly value: string; readonly text: string };
}

/** The action of a block_actions payload: a button clicked, or an option picked in an external select. */
function actionOf(fields: BlockActionFields) {
  const common = { action_id: fields.actionId, block_id: fields.blockId ?? "actions", action_ts: actionTs() };
  if (fields.selected !== undefined)
    return {
      type: "external_select",
      ...common,
      selected_option: {
        text: { type: "plain_text", text: fields.selected.text, emoji: true },
        value: fields.selected.value,
      },
    };
  return {
    type: "button",
    ...common,
    text: { type: "plain_text", text: "OK", emoji: true },
    value: fields.value ?? "",
  };
}

/** A person clicking a button or picking an option (`block_actions`), on a message or in a form. */
export function blockActions(actor: SlackActor, fields: BlockActionFields) {
  const channelId = fields.channelId ?? "C0SWAPS001";
  const messageTs = fields.messageTs ?? actionTs();
  const view = fields.view === undefined ? undefined : modal(actor, fields.view);
  const where =
    view === undefined
      ? {
          container: { type: "message", message_ts: messageTs, channel_id: channelId, is_ephemeral: false },
          channel: { id: channelId, name: "general" },
          message: { type: "message", ts: messageTs, text: "", user: "U0SKILLBOT", blocks: [] },
          response_url: `https://hooks.slack.com/actions/${actor.teamId}/1/${randomBytes(12).toString("hex")}`,
        }
      : { container: { type: "view", view_id: view.id }, view };
  return {
    type: "block_actions",
    ...common(actor),
    trigger_id: fields.triggerId ?? triggerId(),
    ...where,
    actions: [actionOf(fields)],
  };
}

/** A person submitting a form (`view_submission`); the app answers with `ack()` or `response_action`. */
export function viewSubmission(actor: SlackActor, fields: ModalFields & { readonly triggerId?: string }) {
  return {
    type: "view_submission",
    ...common(actor),
    trigger_id: fields.triggerId ?? triggerId(),
    view: modal(actor, fields),
    response_urls: [],
  };
}

/** A person closing a form with "Cancel" (`view_closed`, sent when the form asked to be notified). */
export function viewClosed(actor: SlackActor, fields: ModalFields) {
  return { type: "view_closed", ...common(actor), view: modal(actor, fields), is_cleared: false };
}

export interface BlockSuggestionFields {
  readonly actionId: string;
  /** What the person has typed so far. */
  readonly value: string;
  readonly blockId?: string;
  readonly view?: ModalFields;
}

/** An external select asking for options as a person types (`block_suggestion`); answered with the options. */
export function blockSuggestion(actor: SlackActor, fields: BlockSuggestionFields) {
  const view = modal(actor, fields.view ?? { callbackId: "form" });
  return {
    type: "block_suggestion",
    ...common(actor),
    container: { type: "view", view_id: view.id },
    view,
    action_id: fields.actionId,
    block_id: fields.blockId ?? "field",
    value: fields.value,
  };
}

/** A global shortcut from the ⚡ menu (`shortcut`). */
export function globalShortcut(
  actor: SlackActor,
  fields: { readonly callbackId: string; readonly triggerId?: string },
) {
  return {
    type: "shortcut",
    ...common(actor),
    callback_id: fields.callbackId,
    trigger_id: fields.triggerId ?? triggerId(),
    action_ts: actionTs(),
  };
}

export interface MessageShortcutFields {
  readonly callbackId: string;
  readonly channelId?: string;
  readonly message?: { readonly ts: string; readonly text: string; readonly user: string };
  readonly triggerId?: string;
}

/** A shortcut on a message's "⋯" menu (`message_action`). */
export function messageShortcut(actor: SlackActor, fields: MessageShortcutFields) {
  const message = fields.message ?? { ts: actionTs(), text: "Anyone up for a Spanish swap?", user: actor.userId };
  const channelId = fields.channelId ?? "C0SWAPS001";
  return {
    type: "message_action",
    ...common(actor),
    callback_id: fields.callbackId,
    trigger_id: fields.triggerId ?? triggerId(),
    response_url: `https://hooks.slack.com/app/${actor.teamId}/1/${randomBytes(12).toString("hex")}`,
    channel: { id: channelId, name: "general" },
    message: { type: "message", ...message },
    message_ts: message.ts,
    action_ts: actionTs(),
  };
}
