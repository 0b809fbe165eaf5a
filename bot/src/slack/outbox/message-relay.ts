import type { OutboxHandler, OutboxMessage, RelayedMessage } from "@skillswap/core";
import { relayedLine } from "../renderers/relay-messages.js";
import { postOnce } from "./post-once.js";
import { workspaceOf, type SlackRelayContext } from "./slack-relay-context.js";
import { unlessRefused } from "./slack-refusals.js";

interface BoundChannel {
  readonly userId: string | null;
  readonly externalChannelId: string;
  readonly tenantId: string | null;
}

/**
 * Whether a message from Slack was written in this channel, as for Discord: the relay binds each Slack
 * participant to one channel — their own DM when they are the swap's only Slack participant, else the shared
 * group DM. Everyone there has already read it, so it is not echoed back.
 */
function cameFrom(message: RelayedMessage, channel: BoundChannel, channels: readonly BoundChannel[]): boolean {
  if (message.source !== "slack") return false;
  const hasDm = channels.some((c) => c.userId !== null && c.userId === message.authorId);
  return hasDm ? channel.userId === message.authorId : channel.userId === null;
}

/**
 * message.posted: what someone said on the dashboard, on Discord or elsewhere appears in the conversation's
 * Slack channel as "*Maya* (on Discord): text", pinging nobody. A channel Slack refuses (archived, gone) is
 * skipped; other failures retry the event, which posts nothing twice where it already went.
 */
export function messageRelayHandler(context: SlackRelayContext): OutboxHandler<"message.posted"> {
  const { core, clients, logger } = context;
  return {
    name: "slack.message-relay",
    types: ["message.posted"],
    async handle(event: OutboxMessage<"message.posted">) {
      const message = await core.services.relays.message(event.payload.messageId);
      if (message === null) return;
      const channels = (await core.services.conversations.channelsOf(message.conversationId)).filter(
        (c) => c.platform === "slack",
      );
      for (const channel of channels) {
        if (cameFrom(message, channel, channels)) continue;
        await unlessRefused(
          () =>
            clients.withClient(workspaceOf(channel), (client) =>
              postOnce({ core, client }, channel.externalChannelId, `relay/${message.id}`, relayedLine(message)),
            ),
          (error) => logger.error(`cannot relay to ${channel.externalChannelId}`, error),
        );
      }
    },
  };
}
