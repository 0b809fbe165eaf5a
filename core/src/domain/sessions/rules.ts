/** A session inside an accepted swap: scheduled, then completed, cancelled, or disputed by a participant. */
export const sessionStatuses = ["scheduled", "completed", "cancelled", "disputed"] as const;
export type SessionStatus = (typeof sessionStatuses)[number];
/** How a session meets: a link when online, an address when in person. */
export const sessionModes = ["online", "in_person"] as const;
export type SessionMode = (typeof sessionModes)[number];
export type SessionAction = "reschedule" | "cancel" | "confirm" | "dispute" | "autoComplete";

/** Participants hear about a session this long before it starts (once). */
export const reminderLeadMs = 24 * 60 * 60 * 1000;

/** How long the other participant has to dispute a session someone confirmed before it counts as done. */
export const disputeWindowMs = 72 * 60 * 60 * 1000;

export interface SessionFacts {
  readonly status: SessionStatus;
  readonly participant: boolean;
  /** The session's end (start + duration) has passed. */
  readonly ended: boolean;
  readonly participants: number;
  /** Participants other than the actor who confirmed it. */
  readonly othersConfirmed: number;
  readonly actorConfirmed: boolean;
  /** For the job: someone confirmed more than 72 hours ago and nobody disputed. */
  readonly confirmedLongAgo: boolean;
}

export type SessionRefusal = "not_participant" | "closed" | "not_ended" | "not_due";
export type SessionOutcome =
  { readonly ok: true; readonly status: SessionStatus } | { readonly ok: false; readonly reason: SessionRefusal };

/**
 * Participants reschedule or cancel a session until it is over; after it ends each confirms it took place (or
 * disputes it). It completes when all confirm, or when one confirmed and nobody disputed within 72 hours (the
 * scheduled job). A dispute stops the clock; confirming afterwards by everyone still completes it.
 */
export function decideSession(action: SessionAction, facts: SessionFacts): SessionOutcome {
  const refuse = (reason: SessionRefusal): SessionOutcome => ({ ok: false, reason });
  if (action === "autoComplete") {
    if (facts.status !== "scheduled") return refuse("closed");
    return facts.confirmedLongAgo ? { ok: true, status: "completed" } : refuse("not_due");
  }
  if (!facts.participant) return refuse("not_participant");
  if (facts.status === "completed" || facts.status === "cancelled") return refuse("closed");
  switch (action) {
    case "reschedule":
      return facts.status === "scheduled" ? { ok: true, status: "scheduled" } : refuse("closed");
    case "cancel":
      return { ok: true, status: "cancelled" };
    case "confirm":
      if (!facts.ended) return refuse("not_ended");
      if (facts.actorConfirmed) return { ok: true, status: facts.status };
      return {
        ok: true,
        status: facts.othersConfirmed + 1 === facts.participants ? "completed" : facts.status,
      };
    case "dispute":
      if (!facts.ended) return refuse("not_ended");
      return { ok: true, status: "disputed" };
  }
}

/** The moves a participant may offer on a session's page; each is still decided when it is made. */
export const sessionMoves = ["reschedule", "cancel", "confirm", "dispute"] as const;
export type SessionMove = (typeof sessionMoves)[number];

export function sessionMovesFor(facts: SessionFacts): SessionMove[] {
  // Confirming twice changes nothing: once confirmed, it is no longer offered.
  return sessionMoves.filter((move) => decideSession(move, facts).ok && !(move === "confirm" && facts.actorConfirmed));
}
