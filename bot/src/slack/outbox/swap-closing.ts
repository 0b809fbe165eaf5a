import type { OutboxHandler, OutboxMessage } from "@skillswap/core";
import { swapClosingText } from "../renderers/relay-messages.js";
import { postOnce } from "./post-once.js";
import { workspaceOf, type SlackRelayContext } from "./slack-relay-context.js";
import { unlessRefused } from "./slack-refusals.js";

const closingEvents = ["swap.completed", "swap.cancelled", "swap.declined", "swap.expired"] as const;
type ClosingEvent = (typeof closingEvents)[number];

/**
 * A swap that ended closes its Slack conversation with a last message. A group DM cannot be archived, and the
 * same people may swap again in it, so it stays; its binding is archived in core instead, so relays stop and
 * what is written there afterwards reaches no swap. Only accepted swaps have a conversation.
 */
export function swapClosingHandler(context: SlackRelayContext): OutboxHandler<ClosingEvent> {
  const { core, clients, logger } = context;
  return {
    name: "slack.swap-closing",
    types: closingEvents,
    async handle(event: OutboxMessage<ClosingEvent>) {
      const conversationId = await core.services.relays.conversationOfSwap(event.payload.swapId);
      if (conversationId === null) return;
      const channels = await core.services.conversations.channelsOf(conversationId);
      const outcome = event.type === "swap.completed" ? "completed" : "cancelled";
      for (const channel of channels.filter((c) => c.platform === "slack")) {
        const { externalChannelId } = channel;
        await unlessRefused(
          () =>
            clients.withClient(workspaceOf(channel), (client) =>
              postOnce({ core, client }, externalChannelId, `closing/${event.id}`, swapClosingText(outcome)),
            ),
          (error) => logger.error(`cannot close ${externalChannelId}`, error),
        );
        await core.services.relays.archiveChannel({ conversationId, platform: "slack", externalChannelId });
      }
    },
  };
}
