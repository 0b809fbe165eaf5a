import { describe, expect, it } from "vitest";
import { decide, type SwapAction, type SwapActor, type SwapFacts, type SwapRefusal } from "./rules.js";
import { refusal } from "./service.js";
import type { SwapStatus } from "./types.js";

const statuses: SwapStatus[] = ["pending", "accepted", "declined", "cancelled", "expired", "completed"];
const actions: SwapAction[] = ["accept", "decline", "cancel", "expire", "complete"];
const actors: SwapActor[] = ["requester", "recipient", "outsider", "system"];

/** A two-person swap: the requester counts as accepted, nobody has said complete, the deadline is ahead. */
const pair = (status: SwapStatus): SwapFacts => ({
  kind: "pair",
  status,
  othersAccepted: 1,
  participants: 2,
  othersCompleted: 0,
  expired: false,
  actorAccepted: false,
  actorCompleted: false,
});

/**
 * Every move on a two-person swap, written out: the new status, or why it is refused. Columns are the
 * requester, the recipient, an outsider and the scheduler.
 */
const expected: Record<SwapStatus, Record<SwapAction, [string, string, string, string]>> = {
  pending: {
    accept: ["not_yours_to_answer", "accepted", "not_participant", "not_participant"],
    decline: ["not_yours_to_answer", "declined", "not_participant", "not_participant"],
    cancel: ["cancelled", "not_yours_to_cancel", "not_participant", "not_participant"],
    expire: ["not_participant", "not_participant", "not_participant", "not_due"],
    complete: ["not_accepted_yet", "not_accepted_yet", "not_participant", "not_participant"],
  },
  accepted: {
    accept: ["already_answered", "already_answered", "not_participant", "not_participant"],
    decline: ["already_answered", "already_answered", "not_participant", "not_participant"],
    cancel: ["cancelled", "cancelled", "not_participant", "not_participant"],
    expire: ["not_participant", "not_participant", "not_participant", "already_closed"],
    complete: ["accepted", "accepted", "not_participant", "not_participant"],
  },
  declined: closedRow(),
  cancelled: closedRow(),
  expired: closedRow(),
  completed: closedRow(),
};

function closedRow(): Record<SwapAction, [string, string, string, string]> {
  const participantsRefused: [string, string, string, string] = [
    "already_closed",
    "already_closed",
    "not_participant",
    "not_participant",
  ];
  return {
    accept: participantsRefused,
    decline: participantsRefused,
    cancel: participantsRefused,
    expire: ["not_participant", "not_participant", "not_participant", "already_closed"],
    complete: participantsRefused,
  };
}

const outcomeOf = (action: SwapAction, actor: SwapActor, facts: SwapFacts) => {
  const outcome = decide(action, actor, facts);
  return outcome.ok ? outcome.status : outcome.reason;
};

describe("the swap state machine", () => {
  for (const status of statuses)
    for (const action of actions)
      actors.forEach((actor, column) => {
        const want = expected[status][action][column];
        it(`${status}: ${action} by the ${actor} → ${want ?? "?"}`, () => {
          expect(outcomeOf(action, actor, pair(status))).toBe(want);
        });
      });

  it("lets the scheduler expire a pending request only once its two weeks are up", () => {
    expect(outcomeOf("expire", "system", { ...pair("pending"), expired: true })).toBe("expired");
    expect(outcomeOf("expire", "system", pair("pending"))).toBe("not_due");
  });

  it("refuses an answer to a lapsed request even before the scheduler has marked it", () => {
    expect(outcomeOf("accept", "recipient", { ...pair("pending"), expired: true })).toBe("lapsed");
    expect(outcomeOf("decline", "recipient", { ...pair("pending"), expired: true })).toBe("lapsed");
    expect(outcomeOf("cancel", "requester", { ...pair("pending"), expired: true })).toBe("cancelled");
  });

  it("completes a swap when the last participant says so, and saying it twice changes nothing", () => {
    expect(outcomeOf("complete", "recipient", { ...pair("accepted"), othersCompleted: 1 })).toBe("completed");
    expect(outcomeOf("complete", "requester", { ...pair("accepted"), actorCompleted: true })).toBe("accepted");
  });

  it("activates a three-person cycle only when all three have accepted; one refusal declines it", () => {
    const cycle: SwapFacts = { ...pair("pending"), kind: "cycle", participants: 3, othersAccepted: 1 };
    expect(outcomeOf("accept", "recipient", cycle)).toBe("pending");
    expect(outcomeOf("accept", "recipient", { ...cycle, othersAccepted: 2 })).toBe("accepted");
    expect(outcomeOf("accept", "recipient", { ...cycle, actorAccepted: true })).toBe("already_answered");
    expect(outcomeOf("decline", "recipient", { ...cycle, othersAccepted: 2 })).toBe("declined");
    expect(outcomeOf("complete", "recipient", { ...cycle, status: "accepted", othersCompleted: 1 })).toBe("accepted");
    expect(outcomeOf("complete", "recipient", { ...cycle, status: "accepted", othersCompleted: 2 })).toBe("completed");
  });
});

describe("what each refusal tells the person", () => {
  const expectedErrors: Record<SwapRefusal, [string, string]> = {
    not_participant: ["not_found", "SWAP.NOT_FOUND"],
    not_yours_to_answer: ["forbidden", "SWAP.NOT_YOURS_TO_ANSWER"],
    not_yours_to_cancel: ["forbidden", "SWAP.NOT_YOURS_TO_CANCEL"],
    already_answered: ["conflict", "SWAP.ALREADY_ANSWERED"],
    already_closed: ["conflict", "SWAP.CLOSED"],
    not_accepted_yet: ["conflict", "SWAP.NOT_ACCEPTED"],
    not_due: ["conflict", "SWAP.NOT_DUE"],
    lapsed: ["conflict", "SWAP.LAPSED"],
  };
  for (const [reason, [kind, code]] of Object.entries(expectedErrors))
    it(`${reason} → ${kind} ${code}`, () => {
      expect(refusal(reason as SwapRefusal, "declined")).toMatchObject({ kind, code });
    });

  it("names the state a closed swap is in", () => {
    expect(refusal("already_closed", "expired").params).toMatchObject({ status: "expired" });
  });
});
