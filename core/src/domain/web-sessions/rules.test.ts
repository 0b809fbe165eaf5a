import { describe, expect, it } from "vitest";
import { absoluteEndOf, cleanUserAgent, IDLE_LIMIT_MS, needsTouch, standingOf, TOUCH_INTERVAL_MS } from "./rules.js";

const start = new Date("2026-11-25T10:00:00Z");
const later = (ms: number) => new Date(start.getTime() + ms);
const minutes = (n: number) => n * 60_000;
const session = (lastSeenAt: Date, revokedAt: Date | null = null) => ({
  lastSeenAt,
  expiresAt: absoluteEndOf(start),
  revokedAt,
});

describe("whether a web session still signs its browser in", () => {
  it("holds while used at least every 30 minutes", () => {
    expect(standingOf(session(start), later(minutes(29)))).toBe("active");
    expect(standingOf(session(later(minutes(25))), later(minutes(50)))).toBe("active");
  });

  it("ends after 30 minutes unused", () => {
    expect(standingOf(session(start), later(IDLE_LIMIT_MS))).toBe("idle");
  });

  it("ends 12 hours after sign-in however active", () => {
    expect(standingOf(session(later(minutes(12 * 60 - 1))), later(minutes(12 * 60)))).toBe("expired");
  });

  it("ends at once when revoked", () => {
    expect(standingOf(session(start, start), start)).toBe("revoked");
  });
});

describe("recording activity", () => {
  it("happens at most once a minute", () => {
    expect(needsTouch({ lastSeenAt: start }, later(TOUCH_INTERVAL_MS - 1))).toBe(false);
    expect(needsTouch({ lastSeenAt: start }, later(TOUCH_INTERVAL_MS))).toBe(true);
  });
});

describe("the user agent kept with a session", () => {
  it("is printable and bounded", () => {
    expect(cleanUserAgent("Firefox\u0000/1\n")).toBe("Firefox/1");
    expect(cleanUserAgent("x".repeat(1000))).toHaveLength(256);
    expect(cleanUserAgent(undefined)).toBe("");
  });
});
