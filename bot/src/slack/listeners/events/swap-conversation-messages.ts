import type { App, types } from "@slack/bolt";
import { slackTenantOf } from "@skillswap/core";
import type { ChatCore } from "../../../chat/context.js";

export interface SlackConversationDeps {
  readonly core: ChatCore;
}

/** Where a swap's Slack conversation lives: the group DM the relay opened, or a DM for a lone Slack participant. */
const directChannelTypes: ReadonlySet<string> = new Set(["im", "mpim"]);

/**
 * A person's words in a DM or group DM: a plain message (or one with files), not an app's post (ours
 * included: Bolt drops those from this app, and bot_id catches any other), nor an edit, deletion or notice.
 */
function personSpeaking(event: types.MessageEvent): event is types.GenericMessageEvent {
  return (
    event.subtype === undefined &&
    event.bot_id === undefined &&
    directChannelTypes.has(event.channel_type) &&
    (event.text ?? "").trim() !== ""
  );
}

/**
 * What Slack sends is its markup: `&`, `<` and `>` arrive escaped. Stored as the person typed it, so the
 * dashboard and Discord show it as they wrote it (and the Slack relay escapes it again on the way back).
 */
export function textFromSlack(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/**
 * What people write in a swap's Slack conversation becomes a message of that conversation, stored under
 * `<channel>:<ts>` (Slack's id of a message), so an event delivered twice is stored once even when it gets
 * past the receiver's claim of its event id. Slack's edits (`message_changed`) are not carried: core has no
 * use case for editing a message yet, so the conversation keeps what was first said. A person without a
 * SkillSwap account in this workspace, or a channel that carries no open swap, is not SkillSwap's to store.
 * Events are acknowledged before this runs, so a failure here is logged by the receiver, not retried by Slack.
 */
export function registerSlackConversationListeners(app: App, { core }: SlackConversationDeps): void {
  const { accounts, conversations } = core.services;
  app.event("message", async ({ event, body, context }) => {
    if (!personSpeaking(event)) return;
    const conversationId = await conversations.forChannel("slack", event.channel);
    if (conversationId === null) return;
    const tenant = slackTenantOf({
      teamId: body.team_id,
      enterpriseId: body.enterprise_id,
      isEnterpriseInstall: context.isEnterpriseInstall,
    });
    const account = tenant === null ? null : await accounts.findByIdentity("slack", tenant, event.user);
    if (account === null) return;
    await conversations.post({ userId: account.userId }, conversationId, {
      text: textFromSlack(event.text ?? ""),
      source: "slack",
      externalId: `${event.channel}:${event.ts}`,
    });
  });
}
