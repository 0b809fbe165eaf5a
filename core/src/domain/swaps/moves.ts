import { decide, type SwapAction } from "./rules.js";
import type { SwapView } from "./types.js";

/** What a person can do to a swap from a message or a page; the clock's moves (expire) are not offered. */
export type SwapMove = Extract<SwapAction, "accept" | "decline" | "cancel">;

const offered: readonly SwapMove[] = ["accept", "decline", "cancel"];

/**
 * The moves the state machine allows the participant `handle` right now, for doors to show as buttons. The
 * use cases still decide each move when it is made: this only keeps doors from offering what would be refused.
 */
export function swapMovesFor(
  swap: Pick<SwapView, "kind" | "status" | "participants" | "expiresAt">,
  handle: string,
  now: Date,
): SwapMove[] {
  const me = swap.participants.find((p) => p.handle === handle);
  if (me === undefined) return [];
  const others = swap.participants.filter((p) => p !== me);
  const facts = {
    kind: swap.kind,
    status: swap.status,
    othersAccepted: others.filter((p) => p.accepted).length,
    participants: swap.participants.length,
    othersCompleted: others.filter((p) => p.saidComplete).length,
    expired: now.getTime() >= swap.expiresAt.getTime(),
    actorAccepted: me.accepted,
    actorCompleted: me.saidComplete,
  };
  return offered.filter((move) => decide(move, me.role, facts).ok);
}
