import { describe, expect, it } from "vitest";
import {
  decideSession,
  sessionMovesFor,
  type SessionAction,
  type SessionFacts,
  type SessionRefusal,
  type SessionStatus,
} from "./rules.js";
import { refusal } from "./service.js";

const facts = (status: SessionStatus, more: Partial<SessionFacts> = {}): SessionFacts => ({
  status,
  participant: true,
  ended: true,
  participants: 2,
  othersConfirmed: 0,
  actorConfirmed: false,
  confirmedLongAgo: false,
  ...more,
});
const outcome = (action: SessionAction, f: SessionFacts) => {
  const o = decideSession(action, f);
  return o.ok ? o.status : o.reason;
};

/** Every move by a participant on a session that has ended, nobody having confirmed yet. */
const expected: Record<SessionStatus, Record<Exclude<SessionAction, "autoComplete">, string>> = {
  scheduled: { reschedule: "scheduled", cancel: "cancelled", confirm: "scheduled", dispute: "disputed" },
  disputed: { reschedule: "closed", cancel: "cancelled", confirm: "disputed", dispute: "disputed" },
  completed: { reschedule: "closed", cancel: "closed", confirm: "closed", dispute: "closed" },
  cancelled: { reschedule: "closed", cancel: "closed", confirm: "closed", dispute: "closed" },
};

describe("the session state machine", () => {
  for (const [status, row] of Object.entries(expected) as Array<[SessionStatus, Record<string, string>]>)
    for (const [action, want] of Object.entries(row))
      it(`${status}: ${action} by a participant → ${want}`, () => {
        expect(outcome(action as SessionAction, facts(status))).toBe(want);
      });

  it("lets nobody else touch a session", () => {
    for (const action of ["reschedule", "cancel", "confirm", "dispute"] as const)
      expect(outcome(action, facts("scheduled", { participant: false }))).toBe("not_participant");
  });

  it("completes when the last participant confirms, and confirming twice changes nothing", () => {
    expect(outcome("confirm", facts("scheduled", { othersConfirmed: 1 }))).toBe("completed");
    expect(outcome("confirm", facts("disputed", { othersConfirmed: 1 }))).toBe("completed");
    expect(outcome("confirm", facts("scheduled", { actorConfirmed: true }))).toBe("scheduled");
  });

  it("cannot be confirmed or disputed before it has ended, but can be moved or called off", () => {
    expect(outcome("confirm", facts("scheduled", { ended: false }))).toBe("not_ended");
    expect(outcome("dispute", facts("scheduled", { ended: false }))).toBe("not_ended");
    expect(outcome("reschedule", facts("scheduled", { ended: false }))).toBe("scheduled");
    expect(outcome("cancel", facts("scheduled", { ended: false }))).toBe("cancelled");
  });

  it("completes by itself 72 hours after one confirmation nobody disputed", () => {
    expect(outcome("autoComplete", facts("scheduled", { confirmedLongAgo: true }))).toBe("completed");
    expect(outcome("autoComplete", facts("scheduled"))).toBe("not_due");
    expect(outcome("autoComplete", facts("disputed", { confirmedLongAgo: true }))).toBe("closed");
    expect(outcome("autoComplete", facts("cancelled", { confirmedLongAgo: true }))).toBe("closed");
  });
});

describe("the moves a session's page offers", () => {
  it("offers moving or calling off before it ends, then confirming or disputing", () => {
    expect(sessionMovesFor(facts("scheduled", { ended: false }))).toEqual(["reschedule", "cancel"]);
    expect(sessionMovesFor(facts("scheduled"))).toEqual(["reschedule", "cancel", "confirm", "dispute"]);
  });

  it("stops offering a confirmation already given, and offers nothing on a closed session or to outsiders", () => {
    expect(sessionMovesFor(facts("scheduled", { actorConfirmed: true }))).not.toContain("confirm");
    expect(sessionMovesFor(facts("completed"))).toEqual([]);
    expect(sessionMovesFor(facts("scheduled", { participant: false }))).toEqual([]);
  });
});

describe("what each session refusal tells the person", () => {
  const expectedErrors: Record<SessionRefusal, [string, string]> = {
    not_participant: ["not_found", "SESSION.NOT_FOUND"],
    closed: ["conflict", "SESSION.CLOSED"],
    not_ended: ["conflict", "SESSION.NOT_ENDED"],
    not_due: ["conflict", "SESSION.NOT_DUE"],
  };
  for (const [reason, [kind, code]] of Object.entries(expectedErrors))
    it(`${reason} → ${kind} ${code}`, () => {
      expect(refusal(reason as SessionRefusal)).toMatchObject({ kind, code });
    });
});
