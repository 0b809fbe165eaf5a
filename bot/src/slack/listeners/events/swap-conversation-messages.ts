import type { App } from "@slack/bolt";
import type { ChatCore } from "../../../chat/context.js";
import { personSpeakingIn, speakerOf, textFromSlack } from "./person-message.js";
import { personEditIn, storeSlackEdit } from "./swap-conversation-edits.js";

export interface SlackConversationDeps {
  readonly core: ChatCore;
}

/** Where a swap's Slack conversation lives: the group DM the relay opened, or a DM for a lone Slack participant. */
const swapChannelTypes: ReadonlySet<string> = new Set(["im", "mpim"]);
const personSpeaking = personSpeakingIn(swapChannelTypes);
const personEdit = personEditIn(swapChannelTypes);

/**
 * What people write in a swap's Slack conversation becomes a message of that conversation, stored under
 * `<channel>:<ts>` (Slack's id of a message), so an event delivered twice is stored once even when it gets
 * past the receiver's claim of its event id. An edit (`message_changed`) changes the message stored under that
 * id, when there is one (see swap-conversation-edits.ts). A person without a SkillSwap account in this
 * workspace, or a channel that carries no open swap, is not SkillSwap's to store.
 * Events are acknowledged before this runs, so a failure here is logged by the receiver, not retried by Slack.
 */
export function registerSlackConversationListeners(app: App, { core }: SlackConversationDeps): void {
  const { conversations } = core.services;
  app.event("message", async ({ event, body, context }) => {
    const edit = personEdit(event);
    if (edit !== null) return storeSlackEdit(core, { body, context }, edit);
    if (!personSpeaking(event)) return;
    const conversationId = await conversations.forChannel("slack", event.channel);
    if (conversationId === null) return;
    const speaker = await speakerOf(core, { body, context }, event.user);
    if (speaker === null) return;
    await conversations.post(speaker, conversationId, {
      text: textFromSlack(event.text ?? ""),
      source: "slack",
      externalId: `${event.channel}:${event.ts}`,
    });
  });
}
