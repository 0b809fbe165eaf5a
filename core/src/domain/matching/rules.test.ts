import { describe, expect, it } from "vitest";
import { availabilityScore, distanceScore, freshnessScore, levelFit, overlapMinutes, trustScore } from "./rules.js";
import { matchProfile } from "../../testing/match-profile.js";
import type { MatchProfile } from "./types.js";
import { formatUtcInterval, utcOffsetMinutes, weekInUtc } from "./week-utc.js";

const winter = new Date("2026-01-15T12:00:00Z");
const person = (overrides: Partial<MatchProfile>): MatchProfile =>
  matchProfile("u", { lastActiveAt: winter, ...overrides });

describe("level fit", () => {
  it("is full when the teacher is at least at the level the learner wants", () => {
    expect(levelFit(4, 3)).toBe(1);
    expect(levelFit(3, 3)).toBe(1);
  });
  it("is half one level short, and nothing further", () => {
    expect(levelFit(2, 3)).toBe(0.5);
    expect(levelFit(1, 3)).toBe(0);
  });
});

describe("weekly time across time zones", () => {
  it("knows each zone's offset, daylight saving included", () => {
    expect(utcOffsetMinutes("Europe/Paris", winter)).toBe(60);
    expect(utcOffsetMinutes("Europe/Paris", new Date("2026-07-15T12:00:00Z"))).toBe(120);
    expect(utcOffsetMinutes("America/New_York", winter)).toBe(-300);
  });

  it("turns local evenings into the same UTC minutes wherever people live", () => {
    const paris = weekInUtc([{ weekday: 2, startMinute: 19 * 60, endMinute: 21 * 60 }], "Europe/Paris", winter);
    const london = weekInUtc([{ weekday: 2, startMinute: 18 * 60, endMinute: 20 * 60 }], "Europe/London", winter);
    expect(paris).toEqual(london);
    expect(formatUtcInterval(paris[0] ?? { start: 0, end: 0 })).toBe("Tue 18:00–20:00 UTC");
  });

  it("wraps a Sunday-morning slot in Tokyo back into Saturday UTC", () => {
    const tokyo = weekInUtc([{ weekday: 0, startMinute: 8 * 60, endMinute: 10 * 60 }], "Asia/Tokyo", winter);
    expect(tokyo).toEqual(
      [
        { start: 6 * 1440 + 23 * 60, end: 7 * 1440 },
        { start: 0, end: 60 },
      ].sort((a, b) => a.start - b.start),
    );
  });

  it("measures overlap and finds the first shared stretch", () => {
    expect(
      overlapMinutes(
        [
          { start: 0, end: 100 },
          { start: 200, end: 300 },
        ],
        [{ start: 50, end: 250 }],
      ),
    ).toEqual({ minutes: 100, first: { start: 50, end: 100 } });
  });
});

describe("availability score", () => {
  it("is 1 when either person is flexible", () => {
    expect(availabilityScore(person({}), person({ weekUtc: [{ start: 0, end: 60 }] })).score).toBe(1);
  });
  it("grows with shared time, up to two hours a week, and keeps a floor when there is none", () => {
    const a = person({ weekUtc: [{ start: 0, end: 240 }] });
    expect(availabilityScore(a, person({ weekUtc: [{ start: 0, end: 120 }] })).score).toBe(1);
    expect(
      availabilityScore(
        a,
        person({
          weekUtc: [
            { start: 60, end: 120 },
            { start: 500, end: 560 },
          ],
        }),
      ).score,
    ).toBeCloseTo(0.6);
    expect(availabilityScore(a, person({ weekUtc: [{ start: 500, end: 600 }] })).score).toBeCloseTo(0.2);
  });
});

describe("distance score", () => {
  const paris = { latitude: 48.85, longitude: 2.35, name: "Paris" };
  const versailles = { latitude: 48.8, longitude: 2.13, name: "Versailles" };
  const lyon = { latitude: 45.75, longitude: 4.85, name: "Lyon" };

  it("ignores distance when both can meet online", () => {
    expect(distanceScore(person({ location: paris }), person({ location: lyon, mode: "either" })).score).toBe(1);
  });
  it("decays with kilometres for in-person meetings, and stops at the actor's maximum", () => {
    const near = distanceScore(
      person({ mode: "in_person", location: paris }),
      person({ location: versailles, mode: "either" }),
    );
    expect(near.score).toBeGreaterThan(0.5);
    expect(near.km).toBeCloseTo(17, 0);
    expect(
      distanceScore(person({ mode: "in_person", location: paris }), person({ location: lyon, mode: "either" })).score,
    ).toBe(0);
  });
  it("is 0 when one only meets online and the other only in person", () => {
    expect(
      distanceScore(person({ mode: "online", location: paris }), person({ mode: "in_person", location: paris })).score,
    ).toBe(0);
  });
});

describe("trust and freshness", () => {
  it("starts newcomers at the prior and rewards many good reviews", () => {
    expect(trustScore(person({}))).toBeCloseTo(0.75);
    expect(trustScore(person({ ratingCount: 20, ratingSum: 100 }))).toBeGreaterThan(0.95);
    expect(trustScore(person({ ratingCount: 5, ratingSum: 5 }))).toBeLessThan(0.4);
  });
  it("prefers people active recently, without ever dropping them", () => {
    expect(freshnessScore(person({ lastActiveAt: winter }), winter)).toBe(1);
    expect(
      freshnessScore(person({ lastActiveAt: new Date(winter.getTime() - 365 * 86_400_000) }), winter),
    ).toBeGreaterThanOrEqual(0.3);
  });
});
