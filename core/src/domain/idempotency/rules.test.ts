import { describe, expect, it } from "vitest";
import {
  IDEMPOTENCY_RETENTION_MS,
  IN_FLIGHT_LEASE_MS,
  fingerprintOf,
  judgeEarlierAttempt,
  keepsAnswer,
  type EarlierAttempt,
} from "./rules.js";

const startedAt = new Date("2026-12-07T10:00:00.000Z");
const later = (ms: number) => new Date(startedAt.getTime() + ms);
const fingerprint = fingerprintOf({ body: { name: "Night owls" } });
const answered: EarlierAttempt = { fingerprint, startedAt, answer: { status: 201, response: '{"id":"g1"}' } };
const running: EarlierAttempt = { fingerprint, startedAt, answer: null };

describe("a request meeting an earlier one with the same key", () => {
  it("replays the earlier answer when it asks for the same thing", () => {
    expect(judgeEarlierAttempt(answered, fingerprint, later(1000))).toEqual({
      kind: "replay",
      answer: { status: 201, response: '{"id":"g1"}' },
    });
  });

  it("is refused when it asks for something else, answered or not", () => {
    const other = fingerprintOf({ body: { name: "Early birds" } });
    expect(judgeEarlierAttempt(answered, other, later(1000))).toEqual({ kind: "key_reused" });
    expect(judgeEarlierAttempt(running, other, later(1000))).toEqual({ kind: "key_reused" });
  });

  it("waits for an earlier one still running, until its process is taken for dead", () => {
    expect(judgeEarlierAttempt(running, fingerprint, later(IN_FLIGHT_LEASE_MS - 1))).toEqual({ kind: "in_flight" });
    expect(judgeEarlierAttempt(running, fingerprint, later(IN_FLIGHT_LEASE_MS))).toEqual({ kind: "lapsed" });
  });

  it("starts afresh a day after the key was first used, whatever it asks", () => {
    expect(judgeEarlierAttempt(answered, fingerprint, later(IDEMPOTENCY_RETENTION_MS - 1)).kind).toBe("replay");
    expect(judgeEarlierAttempt(answered, fingerprint, later(IDEMPOTENCY_RETENTION_MS))).toEqual({ kind: "lapsed" });
    expect(judgeEarlierAttempt(answered, "another", later(IDEMPOTENCY_RETENTION_MS))).toEqual({ kind: "lapsed" });
  });
});

describe("what a request asks for", () => {
  it("is the same whatever order the body's fields come in", () => {
    expect(fingerprintOf({ params: { id: "t1" }, body: { title: "Rye?", body: "Tips?" } })).toBe(
      fingerprintOf({ body: { body: "Tips?", title: "Rye?" }, params: { id: "t1" } }),
    );
  });

  it("differs with any value, nested or in a list's order", () => {
    const base = fingerprintOf({ body: { slots: [{ day: 1 }, { day: 2 }] } });
    expect(fingerprintOf({ body: { slots: [{ day: 2 }, { day: 1 }] } })).not.toBe(base);
    expect(fingerprintOf({ body: { slots: [{ day: 1 }, { day: 3 }] } })).not.toBe(base);
    expect(fingerprintOf({ body: { slots: [{ day: 1 }, { day: 2 }] }, params: { id: "x" } })).not.toBe(base);
  });

  it("reads dates as the instants they are", () => {
    expect(fingerprintOf({ at: new Date("2026-12-07T10:00:00.000Z") })).toBe(
      fingerprintOf({ at: "2026-12-07T10:00:00.000Z" }),
    );
  });
});

describe("which answers are kept for retries", () => {
  it("keeps successes only: refusals and faults leave the key free", () => {
    expect([200, 201, 204].map(keepsAnswer)).toEqual([true, true, true]);
    expect([400, 403, 404, 409, 422, 429, 500, 503].map(keepsAnswer)).toEqual(Array(8).fill(false));
  });
});
