import type { types } from "@slack/bolt";
import type { ChatCore } from "../../../chat/context.js";
import { speakerOf, textFromSlack, type SlackEventOrigin } from "./person-message.js";

/** A person's edit of their words in one of `channelTypes`: the message as it now reads, and who changed it. */
interface PersonEdit {
  readonly channel: string;
  readonly ts: string;
  readonly text: string;
  readonly editor: string;
}

/**
 * Slack's `message_changed` for a person's message. Slack also sends it when one of ours changes (the relay
 * updating a copy: bot_id) and when a file share or notice changes: those are not people's words. The event's
 * own ts is the change's; the message keeps the ts it was first posted with, which is what it is stored under.
 */
export function personEditIn(channelTypes: ReadonlySet<string>) {
  return (event: types.MessageEvent): PersonEdit | null => {
    if (event.subtype !== "message_changed" || !channelTypes.has(event.channel_type)) return null;
    const { message } = event;
    if (message.subtype !== undefined || message.bot_id !== undefined) return null;
    const text = message.text ?? "";
    if (text.trim() === "") return null;
    // Slack names who edited when it was not the author (a workspace admin may): core then refuses it.
    const editor = message.edited?.user ?? message.user;
    return { channel: event.channel, ts: message.ts, text, editor };
  };
}

/**
 * Carries an edit into the conversation: the stored message (`<channel>:<ts>`, as the message listener stored
 * it) takes the new text. As for new messages, a channel that carries no open swap is not SkillSwap's, nor is
 * a person it does not know; a message from before the swap was never stored, and core leaves it alone.
 */
export async function storeSlackEdit(core: ChatCore, origin: SlackEventOrigin, edit: PersonEdit): Promise<void> {
  if ((await core.services.conversations.forChannel("slack", edit.channel)) === null) return;
  const editor = await speakerOf(core, origin, edit.editor);
  if (editor === null) return;
  await core.services.conversations.edit(editor, {
    source: "slack",
    externalId: `${edit.channel}:${edit.ts}`,
    text: textFromSlack(edit.text),
  });
}
