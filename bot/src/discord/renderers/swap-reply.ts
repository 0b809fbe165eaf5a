import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIInteractionResponseCallbackData,
} from "discord.js";
import { swapMovesFor, translate, type MessageKey, type SwapMove, type SwapView } from "@skillswap/core";
import { customId } from "../interactions/custom-id.js";
import { message, say, update, type Reply } from "../interactions/replies.js";

/** The swap as core shows it to a participant; only what the bot renders. */
export type SwapLike = Pick<SwapView, "id" | "kind" | "status" | "participants" | "expiresAt">;

/** The custom_id routes of the swap buttons, shared by the renderers that draw them and the area that answers. */
export const swapButtons = { accept: "swap.accept", decline: "swap.decline", cancel: "swap.cancel" } as const;
export type { SwapMove };

// Discord allows five rows of components on a message.
const maxRows = 5;
// How many swaps a list shows; Discord caps a message at 2000 characters.
const maxListed = 15;

const participantOf = (swap: SwapLike, handle: string) => swap.participants.find((p) => p.handle === handle);

/** "@bea" or "@bea, @cy": the other people in the swap. */
export function partnersOf(swap: SwapLike, handle: string): string {
  const others = swap.participants.filter((p) => p.handle !== handle);
  return others.map((p) => `@${p.handle}`).join(", ");
}

/** "Guitar ↔ Spanish": what the person teaches, then what they learn. */
export function skillsOf(swap: SwapLike, handle: string): string {
  const me = participantOf(swap, handle);
  const names = [me?.teaches?.name, me?.learns?.name].filter((n): n is string => n !== undefined);
  return names.join(" ↔ ");
}

/** "with @bea: Guitar ↔ Spanish (accepted)". */
export function swapLine(swap: SwapLike, handle: string): string {
  return translate("bot.swap_line", {
    who: partnersOf(swap, handle),
    skills: skillsOf(swap, handle),
    status: swap.status,
  });
}

/** The moves the person can make on the swap from a message: core's state machine says which. */
export function movesFor(swap: SwapLike, handle: string, now = new Date()): SwapMove[] {
  return swapMovesFor(swap, handle, now);
}

const labels: Record<SwapMove, MessageKey> = {
  accept: "bot.swap_accept",
  decline: "bot.swap_decline",
  cancel: "bot.swap_cancel",
};
const styles: Record<SwapMove, ButtonStyle.Success | ButtonStyle.Danger | ButtonStyle.Secondary> = {
  accept: ButtonStyle.Success,
  decline: ButtonStyle.Danger,
  cancel: ButtonStyle.Secondary,
};

/** One row of buttons for a swap; `number` tells apart the swaps of a list ("Accept #2"). */
export function swapButtonRow(
  swapId: string,
  moves: readonly SwapMove[],
  number?: number,
): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: moves.map((move) => ({
      type: ComponentType.Button,
      style: styles[move],
      label: number === undefined ? translate(labels[move]) : `${translate(labels[move])} #${number}`,
      custom_id: customId(swapButtons[move], swapId),
    })),
  };
}

/** The person's swaps, numbered, with buttons for the ones waiting on them (five rows at most). */
export function swapListReply(swaps: readonly SwapLike[], handle: string): Reply {
  if (swaps.length === 0) return say(translate("bot.swaps_empty"));
  const shown = swaps.slice(0, maxListed);
  const lines = shown.map((swap, i) => `${i + 1}. ${swapLine(swap, handle)}`);
  const rows = shown
    .map((swap, i) => ({ swap, number: i + 1, moves: movesFor(swap, handle) }))
    .filter((entry) => entry.moves.length > 0)
    .slice(0, maxRows)
    .map((entry) => swapButtonRow(entry.swap.id, entry.moves, entry.number));
  return message({ content: `**${translate("bot.swaps_title")}**\n${lines.join("\n")}`, components: rows });
}

const outcomeKeys: Record<SwapMove, MessageKey> = {
  accept: "bot.swap_you_accepted",
  decline: "bot.swap_you_declined",
  cancel: "bot.swap_you_cancelled",
};

/** The clicked message rewritten to what just happened, its buttons gone so nobody clicks twice. */
export function swapOutcomeUpdate(move: SwapMove, swap: SwapLike, handle: string): Reply {
  // A three-person swap is accepted by each recipient in turn; it only starts with the last one.
  const key = move === "accept" && swap.status === "pending" ? "bot.swap_you_accepted_waiting" : outcomeKeys[move];
  const data: APIInteractionResponseCallbackData = {
    content: translate(key, { who: partnersOf(swap, handle), skills: skillsOf(swap, handle) }),
    components: [],
  };
  return update(data);
}
