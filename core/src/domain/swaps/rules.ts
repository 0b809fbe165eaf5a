import type { SwapKind, SwapRole, SwapStatus } from "./types.js";

/** Everything that can happen to a swap, by a participant or by the clock. */
export type SwapAction = "accept" | "decline" | "cancel" | "expire" | "complete";

/** Who attempts the action: a participant in a role, someone else, or the scheduler. */
export type SwapActor = SwapRole | "outsider" | "system";

export interface SwapFacts {
  readonly kind: SwapKind;
  readonly status: SwapStatus;
  /** Participants who have accepted, this actor excluded (the requester of a cycle counts as accepted). */
  readonly othersAccepted: number;
  readonly participants: number;
  /** Participants who have said the swap is complete, this actor excluded. */
  readonly othersCompleted: number;
  readonly expired: boolean;
  /** Whether this actor already accepted (a cycle member cannot accept twice) or said complete. */
  readonly actorAccepted: boolean;
  readonly actorCompleted: boolean;
}

export type SwapOutcome =
  { readonly ok: true; readonly status: SwapStatus } | { readonly ok: false; readonly reason: SwapRefusal };

export type SwapRefusal =
  | "not_participant"
  | "not_yours_to_answer"
  | "not_yours_to_cancel"
  | "already_answered"
  | "already_closed"
  | "not_accepted_yet"
  | "not_due"
  | "lapsed";

const closed: readonly SwapStatus[] = ["declined", "cancelled", "expired", "completed"];

/**
 * The swap state machine: pending → accepted | declined | cancelled | expired; accepted → completed |
 * cancelled. The requester cancels a pending request, the recipient(s) accept or decline it; after acceptance
 * either side may cancel, and the swap completes when every participant has said so. A three-person cycle
 * becomes accepted only when all three have accepted; one refusal declines it for everyone.
 */
export function decide(action: SwapAction, actor: SwapActor, facts: SwapFacts): SwapOutcome {
  const refuse = (reason: SwapRefusal): SwapOutcome => ({ ok: false, reason });
  if (action === "expire") {
    if (actor !== "system") return refuse("not_participant");
    if (facts.status !== "pending") return refuse("already_closed");
    return facts.expired ? { ok: true, status: "expired" } : refuse("not_due");
  }
  if (actor === "outsider" || actor === "system") return refuse("not_participant");
  if (closed.includes(facts.status)) return refuse("already_closed");
  switch (action) {
    case "accept":
    case "decline":
      if (facts.status !== "pending") return refuse("already_answered");
      if (actor !== "recipient") return refuse("not_yours_to_answer");
      if (facts.actorAccepted) return refuse("already_answered");
      // An answer after the deadline changes nothing: the request has lapsed, whether or not the job ran.
      if (facts.expired) return refuse("lapsed");
      if (action === "decline") return { ok: true, status: "declined" };
      return { ok: true, status: facts.othersAccepted + 1 === facts.participants ? "accepted" : "pending" };
    case "cancel":
      if (facts.status === "pending" && actor !== "requester") return refuse("not_yours_to_cancel");
      return { ok: true, status: "cancelled" };
    case "complete":
      if (facts.status !== "accepted") return refuse("not_accepted_yet");
      if (facts.actorCompleted) return { ok: true, status: "accepted" };
      return { ok: true, status: facts.othersCompleted + 1 === facts.participants ? "completed" : "accepted" };
  }
}
