import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIInteractionResponseCallbackData,
} from "discord.js";
import { translate, type MessageKey, type SwapView } from "@skillswap/core";
import { customId } from "../interactions/custom-id.js";
import { message, say, update, type Reply } from "../interactions/replies.js";

/** The swap as core shows it to the person it is rendered for; only what the bot renders. */
export type SwapLike = Pick<SwapView, "id" | "status" | "you" | "partners" | "moves">;

/** The custom_id routes of the swap buttons, shared by the renderers that draw them and the area that answers. */
export const swapButtons = { accept: "swap.accept", decline: "swap.decline", cancel: "swap.cancel" } as const;
/** The moves a swap message offers as buttons; the others (complete, schedule, review) have commands. */
export type SwapMove = keyof typeof swapButtons;

// Discord allows five rows of components on a message.
const maxRows = 5;
// How many swaps a list shows; Discord caps a message at 2000 characters.
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

/** The moves core offers the person that a message can carry as buttons. */
export function buttonMovesOf(swap: Pick<SwapLike, "moves">): SwapMove[] {
  return swap.moves.filter((move): move is SwapMove => move in swapButtons);
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
export function swapListReply(swaps: readonly SwapLike[]): Reply {
  if (swaps.length === 0) return say(translate("bot.swaps_empty"));
  const shown = swaps.slice(0, maxListed);
  const lines = shown.map((swap, i) => `${i + 1}. ${swapLine(swap)}`);
  const rows = shown
    .map((swap, i) => ({ swap, number: i + 1, moves: buttonMovesOf(swap) }))
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
export function swapOutcomeUpdate(move: SwapMove, swap: SwapLike): Reply {
  // A three-person swap is accepted by each recipient in turn; it only starts with the last one.
  const key = move === "accept" && swap.status === "pending" ? "bot.swap_you_accepted_waiting" : outcomeKeys[move];
  const data: APIInteractionResponseCallbackData = {
    content: translate(key, { who: partnersOf(swap), skills: skillsOf(swap) }),
    components: [],
  };
  return update(data);
}
