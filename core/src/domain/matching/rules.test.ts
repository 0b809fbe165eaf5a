import { describe, expect, it } from "vitest";
import { kmBetween, linkFor, meetingFor } from "./links.js";
import {
  defaultLevelPolicy,
  freshnessScore,
  levelFit,
  meetingBetween,
  minutesPerWeek,
  overlapMinutes,
  sharedTime,
  trustScore,
} from "./rules.js";
import { matchProfile } from "../../testing/match-profile.js";
import { skillNumber } from "./skill-ids.js";
import { SkillSettings } from "./skill-settings.js";
import type { MatchProfile } from "./types.js";
import { formatUtcInterval, utcOffsetMinutes, weekInUtc } from "./week-utc.js";

const winter = new Date("2026-01-15T12:00:00Z");
const person = (overrides: Partial<MatchProfile>): MatchProfile =>
  matchProfile("u", { lastActiveAt: winter, ...overrides });

describe("level fit", () => {
  const anyone = defaultLevelPolicy;
  it("is exact when the teacher is at least at the level the learner wants to reach", () => {
    expect(levelFit(4, 3, anyone)).toBe("exact");
    expect(levelFit(3, 3, anyone)).toBe("exact");
  });
  it("is near one level short, and nothing further", () => {
    expect(levelFit(4, 5, anyone)).toBe("near");
    expect(levelFit(1, 3, anyone)).toBeNull();
  });
  it("offers nobody below the deployment's minimum teaching level, however little the learner asks", () => {
    const seasoned = { minTeachLevel: 3 };
    expect(levelFit(2, 1, seasoned)).toBeNull();
    expect(levelFit(2, 3, seasoned)).toBeNull();
    expect(levelFit(3, 1, seasoned)).toBe("exact");
    expect(levelFit(3, 4, seasoned)).toBe("near");
    expect(levelFit(2, 1, anyone)).toBe("exact");
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

describe("shared weekly time", () => {
  const slots = (...pairs: Array<[number, number]>) => pairs.map(([start, end]) => ({ start, end }));

  it("counts a flexible person as free all week: the overlap is the other's time, or the whole week", () => {
    expect(sharedTime([], slots([0, 60], [200, 290]))).toEqual({ minutes: 150, first: null, score: 1 });
    expect(sharedTime([], []).minutes).toBe(minutesPerWeek);
  });
  it("grows with shared time, up to two hours a week, and keeps a floor when there is none", () => {
    const a = slots([0, 240]);
    expect(sharedTime(a, slots([0, 120])).score).toBe(1);
    expect(sharedTime(a, slots([60, 120], [500, 560])).score).toBeCloseTo(0.6);
    expect(sharedTime(a, slots([500, 600]))).toEqual({ minutes: 0, first: null, score: 0.2 });
  });
  it("counts the overlap across the week's wrap-around, in minutes", () => {
    const tokyoSundayMorning = weekInUtc(
      [{ weekday: 0, startMinute: 8 * 60, endMinute: 10 * 60 }],
      "Asia/Tokyo",
      winter,
    );
    const londonSaturdayNight = weekInUtc(
      [{ weekday: 6, startMinute: 22 * 60, endMinute: 24 * 60 }],
      "Europe/London",
      winter,
    );
    // Tokyo Sun 08:00–10:00 is Sat 23:00 – Sun 01:00 UTC: one hour of it falls in London's Saturday night.
    expect(sharedTime(tokyoSundayMorning, londonSaturdayNight).minutes).toBe(60);
  });
});

describe("meeting", () => {
  const paris = { latitude: 48.85, longitude: 2.35, name: "Paris" };
  const versailles = { latitude: 48.8, longitude: 2.13, name: "Versailles" };
  const lyon = { latitude: 45.75, longitude: 4.85, name: "Lyon" };

  it("ignores distance when both can meet online", () => {
    expect(meetingBetween("online", "either", 390, 10)).toEqual({ place: "online", distance: 1 });
  });
  it("decays with kilometres in person, and stops at the smaller of the two limits", () => {
    const near = meetingBetween("in_person", "either", 17, 50);
    expect(near).toMatchObject({ place: "in_person" });
    expect("distance" in near && near.distance).toBeGreaterThan(0.5);
    expect(meetingBetween("in_person", "either", 390, 50)).toEqual({ refused: "distance" });
  });
  it("is refused when one only meets online and the other only in person", () => {
    expect(meetingBetween("online", "in_person", 0, 50)).toEqual({ refused: "modes" });
  });
  it("holds each person to their own limit: a partner is never offered someone they said is too far", () => {
    const farSeeker = person({ mode: "in_person", location: paris, maxDistanceKm: 500 });
    const homebody = person({ mode: "in_person", location: lyon, maxDistanceKm: 20 });
    const km = kmBetween(farSeeker, homebody);
    expect(meetingFor(farSeeker, homebody, skillNumber("guitar"), km)).toEqual({ refused: "distance" });
    expect(meetingFor(homebody, farSeeker, skillNumber("guitar"), km)).toEqual({ refused: "distance" });
    const neighbour = person({ mode: "in_person", location: versailles, maxDistanceKm: 20 });
    expect(meetingFor(farSeeker, neighbour, skillNumber("guitar"), kmBetween(farSeeker, neighbour))).toMatchObject({
      place: "in_person",
    });
  });
});

describe("per-skill settings", () => {
  const guitar = skillNumber("guitar");
  const paris = { latitude: 48.85, longitude: 2.35, name: "Paris" };
  const tuesdayEvening = [{ start: 2 * 1440 + 18 * 60, end: 2 * 1440 + 20 * 60 }];
  const saturdayMorning = [{ start: 6 * 1440 + 9 * 60, end: 6 * 1440 + 11 * 60 }];

  it("uses a skill's own mode over the profile's", () => {
    const teacher = person({
      mode: "in_person",
      location: paris,
      skillSettings: SkillSettings.of([{ skillId: "guitar", direction: "teach", mode: "online", weekUtc: null }]),
    });
    const remoteLearner = person({ mode: "online" });
    expect(meetingFor(teacher, remoteLearner, guitar, null)).toEqual({ place: "online", distance: 1 });
    expect(meetingFor(teacher, remoteLearner, skillNumber("chess"), null)).toEqual({ refused: "modes" });
  });

  it("uses a skill's own slots over the profile's, on the teacher's and on the learner's side", () => {
    const teacher = person({
      weekUtc: tuesdayEvening,
      skillSettings: SkillSettings.of([
        { skillId: "guitar", direction: "teach", mode: null, weekUtc: saturdayMorning },
      ]),
    });
    const learner = person({ weekUtc: saturdayMorning });
    const link = linkFor(teacher, learner, guitar, { teacher: 4, wanted: 2 }, null, defaultLevelPolicy);
    expect(link).toMatchObject({ overlapMinutes: 120, sharedSlot: saturdayMorning[0], fit: "exact" });
    const chess = linkFor(teacher, learner, skillNumber("chess"), { teacher: 4, wanted: 2 }, null, defaultLevelPolicy);
    expect(chess).toMatchObject({ overlapMinutes: 0, sharedSlot: null });
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
