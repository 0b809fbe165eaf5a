import type { OutboxHandler, OutboxMessage, RelayedMessage } from "@skillswap/core";
import { relayedLines } from "../renderers/relay-message.js";
import { unlessRefused } from "./discord-refusals.js";
import { postOnce } from "./post-once.js";
import type { RelayContext } from "./relay-context.js";

interface BoundChannel {
  readonly userId: string | null;
  readonly externalChannelId: string;
}

/**
 * Whether a message from Discord was written in this channel. The relay binds each Discord participant to
 * exactly one channel: their own DM, or else the shared thread. So the author wrote in their DM when they
 * have one, and in the shared thread otherwise — the places everyone there has already read it.
 */
function cameFrom(message: RelayedMessage, channel: BoundChannel, channels: readonly BoundChannel[]): boolean {
  if (message.source !== "discord") return false;
  const hasDm = channels.some((c) => c.userId !== null && c.userId === message.authorId);
  return hasDm ? channel.userId === message.authorId : channel.userId === null;
}

/**
 * message.posted: what someone said on any surface appears in the conversation's other Discord channels as
 * "**Maya:** text", pinging nobody. A channel Discord refuses (deleted thread, closed DMs) is skipped; other
 * failures retry the event, which posts nothing twice where it already went, however late it comes.
 */
export function messageRelayHandler(context: RelayContext): OutboxHandler<"message.posted"> {
  const { core, logger } = context;
  return {
    name: "discord.message-relay",
    types: ["message.posted"],
    async handle(event: OutboxMessage<"message.posted">) {
      const message = await core.services.relays.message(event.payload.messageId);
      if (message === null) return;
      const channels = (await core.services.conversations.channelsOf(message.conversationId)).filter(
        (c) => c.platform === "discord",
      );
      for (const channel of channels) {
        if (cameFrom(message, channel, channels)) continue;
        for (const body of relayedLines(message.authorName, message.text, message.id))
          await unlessRefused(
            () => postOnce(context, channel.externalChannelId, body),
            (error) => logger.error(`cannot relay to ${channel.externalChannelId}`, error),
          );
      }
    },
  };
}
