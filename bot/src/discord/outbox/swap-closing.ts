import { Routes } from "discord.js";
import type { OutboxHandler, OutboxMessage } from "@skillswap/core";
import { swapClosingMessage } from "../renderers/relay-swap.js";
import { unlessRefused } from "./discord-refusals.js";
import { postOnce } from "./post-once.js";
import type { RelayContext } from "./relay-context.js";

const closingEvents = ["swap.completed", "swap.cancelled", "swap.declined", "swap.expired"] as const;
type ClosingEvent = (typeof closingEvents)[number];

/**
 * A swap that ended closes its Discord conversation: its private thread is archived and locked (still
 * readable, no new messages), and each DM gets a closing line. The bindings are archived in core too, so
 * relays stop and a DM goes back to carrying the person's next swap. Only accepted swaps have a
 * conversation, so a declined or expired request has nothing to close. Archiving twice is harmless.
 */
export function swapClosingHandler(context: RelayContext): OutboxHandler<ClosingEvent> {
  const { core, rest, logger } = context;
  return {
    name: "discord.swap-closing",
    types: closingEvents,
    async handle(event: OutboxMessage<ClosingEvent>) {
      const conversationId = await core.services.relays.conversationOfSwap(event.payload.swapId);
      if (conversationId === null) return;
      const channels = await core.services.conversations.channelsOf(conversationId);
      const outcome = event.type === "swap.completed" ? "completed" : "cancelled";
      for (const channel of channels.filter((c) => c.platform === "discord")) {
        const closing = () =>
          channel.userId === null
            ? rest.patch(Routes.channel(channel.externalChannelId), { body: { archived: true, locked: true } })
            : postOnce(context, channel.externalChannelId, swapClosingMessage(outcome, event.id));
        await unlessRefused(closing, (error) => logger.error(`cannot close ${channel.externalChannelId}`, error));
        await core.services.relays.archiveChannel({
          conversationId,
          platform: "discord",
          externalChannelId: channel.externalChannelId,
        });
      }
    },
  };
}
