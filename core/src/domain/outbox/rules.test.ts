import { describe, expect, it } from "vitest";
import { afterFailure, defaultRetryPolicy, retryDelayMs, shortError, type RetryPolicy } from "./rules.js";

const policy: RetryPolicy = { maxAttempts: 8, baseDelayMs: 1_000, maxDelayMs: 60_000 };
const now = new Date("2026-11-25T10:00:00.000Z");

describe("retrying an event whose handler failed", () => {
  it("waits one second after the first failure and twice as long after each further one", () => {
    expect([1, 2, 3, 4, 5].map((attempts) => retryDelayMs(attempts, policy))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000,
    ]);
  });

  it("never waits longer than the cap, however many attempts failed", () => {
    expect(retryDelayMs(7, policy)).toBe(60_000);
    expect(retryDelayMs(5_000, policy)).toBe(60_000);
  });

  it("schedules the next try from the moment of the failure, the same way every time", () => {
    expect(afterFailure(3, now, policy)).toEqual({ status: "pending", availableAt: new Date(now.getTime() + 4_000) });
    expect(afterFailure(3, now, policy)).toEqual(afterFailure(3, now, policy));
  });

  it("gives up after the maximum number of attempts", () => {
    expect(afterFailure(7, now, policy).status).toBe("pending");
    expect(afterFailure(8, now, policy)).toEqual({ status: "dead" });
  });

  it("by default tries 8 times over about two minutes before giving up", () => {
    const waits = [1, 2, 3, 4, 5, 6, 7].map((attempts) => retryDelayMs(attempts, defaultRetryPolicy));
    expect(waits.reduce((a, b) => a + b, 0)).toBe(127_000);
    expect(afterFailure(8, now, defaultRetryPolicy).status).toBe("dead");
  });
});

describe("the reason an operator reads for a failed delivery", () => {
  it("is the first line of the error's message, never its stack", () => {
    const error = new Error("Discord answered 503\n    at send (/srv/app/relay.js:12:3)");
    expect(shortError(error)).toBe("Discord answered 503");
  });

  it("names errors of a specific kind", () => {
    expect(shortError(new TypeError("fetch failed"))).toBe("TypeError: fetch failed");
    expect(shortError(new RangeError(""))).toBe("RangeError: failed without a message");
  });

  it("accepts anything that was thrown, and stays short", () => {
    expect(shortError("timeout\nmore")).toBe("timeout");
    expect(shortError({ code: 42 })).toBe("a non-Error value was thrown");
    expect(shortError(new Error("x".repeat(1_000))).length).toBe(300);
  });
});
