import type { types, ViewStateValue } from "@slack/bolt";
import type { CommandDefinition, OptionDefinition } from "../../commands/definitions.js";
import type { ChatForm, CommandFormLink, FormChoiceGroup, FormField } from "../../chat/reply.js";
import {
  commandFormCallbackIdOf,
  commandMetadataOf,
  fieldBlockIdOf,
  formCallbackId,
  formLinkActionIdOf,
  formMetadataOf,
  suggestionActionIdOf,
  textActionId,
} from "../translation/action-ids.js";

// Slack's limits on a modal: title 24 characters, submit and close 24, a label 2000, a placeholder 150.
const clip = (text: string, limit: number) => (text.length > limit ? `${text.slice(0, limit - 1)}…` : text);
const plain = (text: string, limit: number): types.PlainTextElement => ({
  type: "plain_text",
  text: clip(text, limit),
});

function modal(title: string, callbackId: string, metadata: string, blocks: types.KnownBlock[]): types.ModalView {
  return {
    type: "modal",
    callback_id: callbackId,
    private_metadata: metadata,
    title: plain(title, 24),
    submit: plain("Submit", 24),
    close: plain("Cancel", 24),
    blocks,
  };
}

function textInputOf(field: FormField): types.PlainTextInput {
  return {
    type: "plain_text_input",
    action_id: textActionId,
    multiline: field.long === true,
    max_length: field.maxLength,
    ...(field.minLength === undefined ? {} : { min_length: field.minLength }),
    ...(field.placeholder === undefined ? {} : { placeholder: plain(field.placeholder, 150) }),
    // Slack refuses an empty initial value as it refuses an empty text; a field without one starts empty.
    ...(field.initial === undefined || field.initial === "" ? {} : { initial_value: field.initial }),
  };
}

// Slack's limits on a select: 100 options or groups, option texts of 75 characters, values of 150.
const optionOf = (choice: { readonly label: string; readonly value: string }): types.PlainTextOption => ({
  text: plain(choice.label, 75),
  value: choice.value,
});

/** Choices as a select: one heading is no heading, several become Slack's option groups. */
function selectOf(field: FormField, groups: readonly FormChoiceGroup[]): types.StaticSelect {
  const fitting = groups.map((g) => ({ ...g, choices: g.choices.filter((c) => c.value.length <= 150).slice(0, 100) }));
  const initial = fitting.flatMap((g) => g.choices).find((c) => c.value === field.initial);
  const only = fitting.length === 1 ? fitting[0] : undefined;
  return {
    type: "static_select",
    action_id: textActionId,
    ...(only === undefined
      ? {
          option_groups: fitting
            .slice(0, 100)
            .map((g) => ({ label: plain(g.label, 75), options: g.choices.map(optionOf) })),
        }
      : { options: only.choices.map(optionOf) }),
    ...(field.placeholder === undefined ? {} : { placeholder: plain(field.placeholder, 150) }),
    ...(initial === undefined ? {} : { initial_option: optionOf(initial) }),
  };
}

function elementOf(field: FormField): types.InputBlock["element"] {
  if (field.choices !== undefined && field.choices.length > 0) return selectOf(field, field.choices);
  if (field.suggest === undefined) return textInputOf(field);
  return {
    type: "external_select",
    action_id: suggestionActionIdOf(field.suggest),
    min_query_length: 1,
    ...(field.placeholder === undefined ? {} : { placeholder: plain(field.placeholder, 150) }),
  };
}

/** A field as an input block named by the field; a field that moves the form on tells Slack to say when picked. */
function fieldInputOf(field: FormField): types.InputBlock {
  return {
    type: "input",
    block_id: fieldBlockIdOf(field.name),
    label: plain(field.label, 2000),
    optional: !field.required,
    ...(field.advances === true ? { dispatch_action: true } : {}),
    element: elementOf(field),
  };
}

function linksOf(links: readonly CommandFormLink[]): types.ActionsBlock {
  return {
    type: "actions",
    elements: links.map((link): types.Button => ({
      type: "button",
      text: plain(link.label, 75),
      action_id: formLinkActionIdOf(link.command),
    })),
  };
}

/**
 * A chat form as a Slack modal: its intro, one input per field, named by the field, then buttons opening related
 * forms on top; the submission travels in private_metadata.
 */
export function modalOf(form: ChatForm): types.ModalView {
  const intro: types.KnownBlock[] =
    form.intro === undefined ? [] : [{ type: "section", text: { type: "mrkdwn", text: clip(form.intro, 3000) } }];
  const links = form.links === undefined || form.links.length === 0 ? [] : [linksOf(form.links)];
  return modal(form.title, formCallbackId, formMetadataOf(form.submit), [
    ...intro,
    ...form.fields.map(fieldInputOf),
    ...links,
  ]);
}

/** An option of the command table as a form input: options with a suggestion source suggest as one types. */
function optionInputOf(option: OptionDefinition): types.InputBlock {
  const placeholder = plain(option.description, 150);
  const element: types.InputBlock["element"] =
    option.suggest === undefined
      ? { type: "plain_text_input", action_id: textActionId, placeholder }
      : { type: "external_select", action_id: suggestionActionIdOf(option.suggest), min_query_length: 1, placeholder };
  return {
    type: "input",
    block_id: fieldBlockIdOf(option.name),
    label: plain(option.name, 2000),
    optional: !option.required,
    element,
  };
}

/**
 * A command as a form: its options as inputs, except the `fixed` ones already known (the person a shortcut was
 * used on), which travel in private_metadata as the words a person would type after the command.
 */
export function commandModalOf(
  form: { readonly title: string; readonly about: string },
  definition: CommandDefinition,
  fixed: Readonly<Record<string, string>>,
): types.ModalView {
  const inputs = definition.options.filter((o) => !(o.name in fixed) && o.kind !== "user" && o.kind !== "channel");
  const about: types.SectionBlock = { type: "section", text: { type: "mrkdwn", text: clip(form.about, 3000) } };
  return modal(form.title, commandFormCallbackIdOf(definition.path.join(" ")), commandMetadataOf(fixed), [
    about,
    ...inputs.map(optionInputOf),
  ]);
}

/** What a person typed or picked in a submitted view, by field name; "" when left empty. */
export function submittedFieldsOf(
  values: Readonly<Record<string, Readonly<Record<string, ViewStateValue | undefined>>>>,
): (name: string) => string {
  return (name) => {
    const elements = Object.values(values[fieldBlockIdOf(name)] ?? {});
    const element = elements[0];
    return element?.value ?? element?.selected_option?.value ?? "";
  };
}

/**
 * `response_action: "errors"`: each error on the block of the field it is about. Errors about a field the form
 * does not show are left out; null when none is left, so the caller says the sentence another way.
 */
export function fieldErrorsOf(
  errors: readonly { readonly name: string; readonly message: string }[],
  shown: ReadonlySet<string>,
): { response_action: "errors"; errors: Record<string, string> } | null {
  const onFields = errors.filter((e) => shown.has(e.name));
  if (onFields.length === 0) return null;
  return {
    response_action: "errors",
    errors: Object.fromEntries(onFields.map((e) => [fieldBlockIdOf(e.name), e.message])),
  };
}

/** The fields a submitted view shows, by name: its blocks, and the inputs Slack sent the state of. */
export const shownFieldsOf = (view: {
  readonly blocks: readonly { readonly block_id?: string }[];
  readonly state: { readonly values: Readonly<Record<string, unknown>> };
}): ReadonlySet<string> =>
  new Set([
    ...view.blocks.flatMap((b) => (b.block_id === undefined ? [] : [b.block_id])),
    ...Object.keys(view.state.values),
  ]);

/** The form replaced by what went wrong, when it is not about one of its fields. */
export function noticeModalOf(title: string, sentence: string): types.ModalView {
  return {
    type: "modal",
    title: plain(title, 24),
    close: plain("Close", 24),
    blocks: [{ type: "section", text: { type: "mrkdwn", text: clip(sentence, 3000) } }],
  };
}

/** The block saying, above a form, why it did not move on; replaced rather than piled up. */
const noticeBlockId = "skillswap.notice";

/**
 * The form as it is, with a sentence above its fields: what a pick that moves a form on says when it cannot
 * (block_actions have no `response_action: "errors"`), so the person picks again.
 */
export function withNoticeOf(
  view: {
    readonly title: types.PlainTextElement;
    readonly submit?: types.PlainTextElement | null;
    readonly close?: types.PlainTextElement | null;
    readonly callback_id: string;
    readonly private_metadata: string;
    readonly blocks: readonly (types.KnownBlock | types.Block)[];
  },
  sentence: string,
): types.ModalView {
  const notice: types.ContextBlock = {
    type: "context",
    block_id: noticeBlockId,
    elements: [{ type: "mrkdwn", text: clip(sentence, 3000) }],
  };
  return {
    type: "modal",
    callback_id: view.callback_id,
    private_metadata: view.private_metadata,
    title: view.title,
    ...(view.submit == null ? {} : { submit: view.submit }),
    ...(view.close == null ? {} : { close: view.close }),
    blocks: [notice, ...view.blocks.filter((b) => b.block_id !== noticeBlockId)],
  };
}
