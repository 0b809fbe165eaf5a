import { reviewRefusal } from "../reviews/rules.js";
import { decide } from "./rules.js";
import { swapMoves, type SwapMove, type SwapParticipantView, type SwapView } from "./types.js";

export type { SwapMove };

/** What the viewer's moves depend on besides the state machine's facts. */
export interface SwapMoveFacts extends Pick<SwapView, "kind" | "status" | "participants" | "expiresAt"> {
  /** A session of the swap was completed, or the swap itself: reviews open then. */
  readonly somethingHappened: boolean;
  /** How many of the viewer's partners they have already reviewed for this swap. */
  readonly partnersReviewed: number;
}

/**
 * The moves the rules allow the participant `me` right now, carried by the swap's view so doors offer only
 * what would be taken. The use cases still decide each move when it is made.
 */
export function swapMovesFor(swap: SwapMoveFacts, me: SwapParticipantView, now: Date): SwapMove[] {
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
  const allowed: Record<SwapMove, boolean> = {
    accept: decide("accept", me.role, facts).ok,
    decline: decide("decline", me.role, facts).ok,
    cancel: decide("cancel", me.role, facts).ok,
    // Saying "complete" twice is harmless to the state machine, but there is nothing left to offer.
    complete: !me.saidComplete && decide("complete", me.role, facts).ok,
    schedule: swap.status === "accepted",
    review:
      reviewRefusal({
        authorTakesPart: true,
        subjectTakesPart: others.length > 0,
        aboutSelf: false,
        somethingHappened: swap.somethingHappened,
        alreadyReviewed: swap.partnersReviewed >= others.length,
      }) === null,
  };
  return swapMoves.filter((move) => allowed[move]);
}
