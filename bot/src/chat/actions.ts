import type { FindQuery } from "./find-query.js";

/** The moves a swap message offers as buttons; the others (complete, schedule, review) have commands. */
export const swapButtonMoves = ["accept", "decline", "cancel"] as const;
export type SwapMove = (typeof swapButtonMoves)[number];

/** "Request swap" from a recommendation: the partner, what they teach you, what you teach them. */
export interface AskedSwap {
  readonly to: string;
  readonly want: string;
  readonly offer: string;
}

/** A three-way swap in cycle order: you teach `next`, who teaches `after`, who teaches you. */
export interface ProposedCycle {
  readonly next: string;
  readonly after: string;
  readonly youTeach: string;
  readonly nextTeaches: string;
  readonly afterTeaches: string;
}

/**
 * What a button does, with everything it acts on: a click needs no state kept by the bot, so it works after a
 * restart or in another process. Each platform carries it in its own ids (Discord's custom_id, Slack's
 * action_id and value), through one table per platform.
 */
export type ChatAction =
  | { readonly kind: "swap.move"; readonly move: SwapMove; readonly swapId: string }
  | { readonly kind: "find.page"; readonly query: FindQuery; readonly page: number }
  | { readonly kind: "match.ask"; readonly swap: AskedSwap }
  | { readonly kind: "match.cycle"; readonly cycle: ProposedCycle };

/** What submitting a form does, with what it acts on. */
export type FormAction =
  | { readonly kind: "profile.edit" }
  | { readonly kind: "review.submit"; readonly swapId: string }
  | { readonly kind: "match.ask"; readonly swap: AskedSwap }
  /** A swap request's first step: whom to ask. Its answer is the second step. */
  | { readonly kind: "swap.partner" }
  /** A swap request's second step, the person chosen: which of their skills, which of yours, a note. */
  | { readonly kind: "swap.skills"; readonly to: string };
