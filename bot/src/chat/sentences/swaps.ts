import { translate, type MessageKey, type SwapView } from "@skillswap/core";
import { swapButtonMoves, type SwapMove } from "../actions.js";
import type { ButtonTone, ChatButton, ChatMessage } from "../reply.js";
import { say } from "../reply.js";

/** The swap as core shows it to the person it is said to; only what is said about it. */
export type SwapLike = Pick<SwapView, "id" | "status" | "you" | "partners" | "moves">;

// How many swaps a list shows: a chat message is short (2000 characters on Discord).
const maxListed = 15;

/** "@bea" or "@bea, @cy": the other people in the swap. */
export function partnersOf(swap: Pick<SwapLike, "partners">): string {
  return swap.partners.map((p) => `@${p.handle}`).join(", ");
}

/** "Guitar ↔ Spanish": what the person teaches, then what they learn. */
export function skillsOf(swap: Pick<SwapLike, "you">): string {
  const names = [swap.you.teaches?.name, swap.you.learns?.name].filter((n): n is string => n !== undefined);
  return names.join(" ↔ ");
}

/** "with @bea: Guitar ↔ Spanish (accepted)". */
export function swapLine(swap: SwapLike): string {
  return translate("bot.swap_line", { who: partnersOf(swap), skills: skillsOf(swap), status: swap.status });
}

const isButtonMove = (move: string): move is SwapMove => (swapButtonMoves as readonly string[]).includes(move);

/** The moves core offers the person that a message can carry as buttons. */
export function buttonMovesOf(swap: Pick<SwapLike, "moves">): SwapMove[] {
  return swap.moves.filter(isButtonMove);
}

const labels: Record<SwapMove, MessageKey> = {
  accept: "bot.swap_accept",
  decline: "bot.swap_decline",
  cancel: "bot.swap_cancel",
};
const tones: Record<SwapMove, ButtonTone> = { accept: "positive", decline: "danger", cancel: "secondary" };

/** One row of buttons for a swap; `number` tells apart the swaps of a list ("Accept #2"). */
export function swapButtons(swapId: string, moves: readonly SwapMove[], number?: number): ChatButton[] {
  return moves.map((move) => ({
    label: number === undefined ? translate(labels[move]) : `${translate(labels[move])} #${number}`,
    action: { kind: "swap.move", move, swapId },
    tone: tones[move],
  }));
}

/** The person's swaps, numbered, with buttons for the ones waiting on them. */
export function swapListMessage(swaps: readonly SwapLike[]): ChatMessage {
  if (swaps.length === 0) return say(translate("bot.swaps_empty"));
  const shown = swaps.slice(0, maxListed);
  const lines = shown.map((swap, i) => `${i + 1}. ${swapLine(swap)}`);
  const buttons = shown
    .map((swap, i) => ({ swap, number: i + 1, moves: buttonMovesOf(swap) }))
    .filter((entry) => entry.moves.length > 0)
    .map((entry) => swapButtons(entry.swap.id, entry.moves, entry.number));
  return { kind: "message", title: translate("bot.swaps_title"), text: lines.join("\n"), buttons };
}

const outcomeKeys: Record<SwapMove, MessageKey> = {
  accept: "bot.swap_you_accepted",
  decline: "bot.swap_you_declined",
  cancel: "bot.swap_you_cancelled",
};

/** The clicked message rewritten to what just happened, its buttons gone so nobody clicks twice. */
export function swapOutcomeUpdate(move: SwapMove, swap: SwapLike): ChatMessage {
  // A three-person swap is accepted by each recipient in turn; it only starts with the last one.
  const key = move === "accept" && swap.status === "pending" ? "bot.swap_you_accepted_waiting" : outcomeKeys[move];
  return { kind: "update", text: translate(key, { who: partnersOf(swap), skills: skillsOf(swap) }) };
}
