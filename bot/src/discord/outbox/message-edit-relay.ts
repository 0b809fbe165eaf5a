import { Routes, type RESTPostAPIChannelMessageJSONBody } from "discord.js";
import type { OutboxHandler, OutboxMessage, RelayedMessage } from "@skillswap/core";
import { relayedLines, relayedMessage } from "../renderers/relay-message.js";
import { unlessRefused } from "./discord-refusals.js";
import { postOnce, postedMessageKey } from "./post-once.js";
import type { RelayContext } from "./relay-context.js";

/** The id of the copy posted under this nonce in a channel, if the relay posted it. */
async function copyOf(context: RelayContext, channelId: string, nonce: string): Promise<string | null> {
  const earlier = await context.core.services.sends.lookup("discord", postedMessageKey(channelId, nonce));
  return earlier?.status === "sent" ? earlier.externalId : null;
}

/** The nonce of a message's `index`th piece, as relayedLines gives it. */
const pieceNonce = (messageId: string, index: number): string =>
  String(relayedMessage("", index === 0 ? messageId : `${messageId}.${index}`).nonce);

/** What a copy is changed to: new content, still pinging nobody (a PATCH takes no nonce). */
const editOf = ({ content }: RESTPostAPIChannelMessageJSONBody) => ({ content, allowed_mentions: { parse: [] } });

/**
 * Makes one channel's copy say what the message says now. A long message was relayed in pieces, and the edit
 * may need more or fewer: the pieces there are changed in place, more are posted after them, and those left
 * over are deleted. A channel where the first piece was never posted is left alone: the relay has not reached
 * it yet (it will post the message as it then reads), or it is where the message was written.
 */
async function updateCopies(context: RelayContext, channelId: string, message: RelayedMessage): Promise<void> {
  const { rest } = context;
  if ((await copyOf(context, channelId, pieceNonce(message.id, 0))) === null) return;
  const pieces = relayedLines(message.authorName, message.text, message.id);
  for (const piece of pieces) {
    const copy = await copyOf(context, channelId, String(piece.nonce));
    if (copy === null) await postOnce(context, channelId, piece);
    else await rest.patch(Routes.channelMessage(channelId, copy), { body: editOf(piece) });
  }
  for (let index = pieces.length; ; index++) {
    const leftOver = await copyOf(context, channelId, pieceNonce(message.id, index));
    if (leftOver === null) return;
    await rest.delete(Routes.channelMessage(channelId, leftOver));
  }
}

/**
 * message.edited: the copies the relay posted of that message in Discord channels say what it says now. The
 * text is read when this runs, so a late retry of an older edit puts back nothing older, and changing a copy
 * to what it already says is harmless, so a retried event changes nothing twice. A channel Discord refuses
 * (a thread or copy deleted since) is skipped; other failures retry the event.
 */
export function messageEditRelayHandler(context: RelayContext): OutboxHandler<"message.edited"> {
  const { core, logger } = context;
  return {
    name: "discord.message-edit-relay",
    types: ["message.edited"],
    async handle(event: OutboxMessage<"message.edited">) {
      const message = await core.services.relays.message(event.payload.messageId);
      if (message === null) return;
      const channels = await core.services.conversations.channelsOf(message.conversationId);
      for (const channel of channels) {
        if (channel.platform !== "discord") continue;
        await unlessRefused(
          () => updateCopies(context, channel.externalChannelId, message),
          (error) => logger.error(`cannot update the copy in ${channel.externalChannelId}`, error),
        );
      }
    },
  };
}
