import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { explainCycle, explainPair } from "./explain.js";
import { findCycles, recommendPairs, teachersFor } from "./recommend.js";
import { bestLink } from "./rules.js";
import { matchProfile } from "../../testing/match-profile.js";
import type { MatchProfile } from "./types.js";

const now = new Date("2026-11-25T10:00:00Z");
const noOpenSwaps = () => false;
const names: Record<string, string> = {
  guitar: "Guitar",
  spanish: "Spanish",
  chess: "Chess",
  piano: "Piano",
  cooking: "Cooking",
};
const skillName = (id: string) => names[id] ?? id;

function person(
  handle: string,
  teaches: Record<string, number>,
  learns: Record<string, number>,
  extra: Partial<MatchProfile> = {},
): MatchProfile {
  return matchProfile(handle, {
    teaches: new Map(Object.entries(teaches)),
    learns: new Map(Object.entries(learns)),
    lastActiveAt: now,
    ...extra,
  });
}

const ana = person(
  "ana",
  { guitar: 4 },
  { spanish: 3 },
  { weekUtc: [{ start: 2 * 1440 + 18 * 60, end: 2 * 1440 + 20 * 60 }] },
);
const bo = person(
  "bo",
  { spanish: 4 },
  { guitar: 2 },
  { weekUtc: [{ start: 2 * 1440 + 18 * 60, end: 2 * 1440 + 21 * 60 }] },
);
const cy = person("cy", { spanish: 3 }, { guitar: 1 }, { lastActiveAt: new Date(now.getTime() - 90 * 86_400_000) });
const di = person("di", { spanish: 5 }, {});
const ed = person("ed", { chess: 4 }, { guitar: 3 });
const fay = person("fay", { cooking: 3 }, { chess: 2 });
const gus = person("gus", { spanish: 3 }, { cooking: 1 });

describe("reciprocal recommendations", () => {
  it("ranks people who teach what you want and want what you teach, best first", () => {
    const matches = recommendPairs(ana, [cy, di, bo, ed, ana], now, noOpenSwaps, 10);
    expect(matches.map((m) => m.partner.handle)).toEqual(["bo", "cy"]);
    expect(matches[0]?.components).toEqual({ reciprocity: 1, availability: 1, distance: 1, trust: 0.75, freshness: 1 });
  });

  it("explains each match in words", () => {
    const [top] = recommendPairs(ana, [bo], now, noOpenSwaps, 1);
    if (top === undefined) throw new Error("expected a match");
    expect(explainPair(top, skillName)).toBe(
      "teaches you Spanish (level 4), wants your Guitar; both free Tue 18:00–20:00 UTC; online",
    );
  });

  it("says how far away a nearby partner is, or that they share a city", () => {
    const paris = { latitude: 48.85, longitude: 2.35, name: "Paris" };
    const here = { ...ana, location: paris };
    const neighbour = { ...bo, location: paris };
    const suburb = { ...bo, location: { latitude: 48.8, longitude: 2.13, name: "Versailles" } };
    const explain = (partner: MatchProfile) => {
      const [match] = recommendPairs(here, [partner], now, noOpenSwaps, 1);
      if (match === undefined) throw new Error("expected a match");
      return explainPair(match, skillName);
    };
    expect(explain(neighbour)).toMatch(/; same city$/);
    expect(explain(suburb)).toMatch(/; 17 km away$/);
  });

  it("leaves out people already in an open swap with you on the same skills", () => {
    const matches = recommendPairs(
      ana,
      [bo, cy],
      now,
      (partner, mine, theirs) => partner === "bo" && mine === "guitar" && theirs === "spanish",
      10,
    );
    expect(matches.map((m) => m.partner.handle)).toEqual(["cy"]);
  });

  it("lists one-way teachers when nobody wants anything back", () => {
    const teachers = teachersFor(ana, "spanish", [bo, cy, di, ed], now, 10);
    expect(teachers.map((t) => t.teacher.handle)).toEqual(["bo", "di", "cy"]);
  });
});

describe("swap cycles of three", () => {
  it("closes a loop when nobody can swap with you directly: you teach Ed, Ed teaches Fay, Fay teaches you", () => {
    const you = person("you", { guitar: 4 }, { cooking: 2 });
    const cycles = findCycles(you, [ed, fay, gus, bo], { fanOut: 20, limit: 5 });
    expect(cycles).toHaveLength(1);
    const [cycle] = cycles;
    if (cycle === undefined) throw new Error("expected a cycle");
    expect(cycle.links.map((l) => `${l.teacher.handle}->${l.learner.handle}:${l.link.skillId}`)).toEqual([
      "you->ed:guitar",
      "ed->fay:chess",
      "fay->you:cooking",
    ]);
    expect(explainCycle(cycle, skillName, "you")).toBe(
      "you teach Ed Guitar; Ed teaches Fay Chess; Fay teaches you Cooking",
    );
  });

  it("does not offer a cycle through someone who is already a direct partner", () => {
    const you = person("you", { guitar: 4 }, { spanish: 2, cooking: 2 });
    const both = person("both", { cooking: 3, spanish: 4 }, { guitar: 1, chess: 1 });
    expect(findCycles(you, [ed, both], { fanOut: 20, limit: 5 })).toEqual([]);
  });
});

// Random communities: 3–25 people over five skills, random levels, random modes.
const skills = ["guitar", "spanish", "chess", "piano", "cooking"];
const levels = fc.dictionary(fc.constantFrom(...skills), fc.integer({ min: 1, max: 5 }), { maxKeys: 3 });
const arbitraryPeople = fc
  .array(
    fc.record({
      teaches: levels,
      learns: levels,
      mode: fc.constantFrom<"online" | "either">("online", "either"),
    }),
    { minLength: 3, maxLength: 25 },
  )
  .map((rows) =>
    rows.map((row, i) => person(`p${String(i).padStart(2, "0")}`, row.teaches, row.learns, { mode: row.mode })),
  );

describe("recommendation properties", () => {
  it("only ever recommends truly reciprocal pairs, never yourself or an excluded person", () => {
    fc.assert(
      fc.property(arbitraryPeople, fc.integer({ min: 0, max: 24 }), (people, excluded) => {
        const [actor, ...others] = people;
        if (actor === undefined) return;
        const excludedId = people[excluded % people.length]?.userId;
        for (const match of recommendPairs(actor, people, now, (id) => id === excludedId, 50)) {
          expect(match.partner.userId).not.toBe(actor.userId);
          expect(match.partner.userId).not.toBe(excludedId);
          expect(bestLink(match.partner, actor)).not.toBeNull();
          expect(bestLink(actor, match.partner)).not.toBeNull();
          expect(others).toContain(match.partner);
        }
      }),
    );
  });

  it("ranks the same whatever order people were added in", () => {
    fc.assert(
      fc.property(arbitraryPeople, fc.infiniteStream(fc.nat()), (people, noise) => {
        const [actor] = people;
        if (actor === undefined) return;
        const shuffled = people
          .map((p) => ({ p, key: noise.next().value }))
          .sort((a, b) => a.key - b.key)
          .map((x) => x.p);
        const handles = (list: MatchProfile[]) =>
          recommendPairs(actor, list, now, noOpenSwaps, 50).map((m) => m.partner.handle);
        const cycles = (list: MatchProfile[]) =>
          findCycles(actor, list, { fanOut: 30, limit: 50 }).map((c) => c.links.map((l) => l.teacher.handle).join(">"));
        expect(handles(shuffled)).toEqual(handles(people));
        expect(cycles(shuffled)).toEqual(cycles(people));
      }),
    );
  });

  it("only offers valid three-person cycles through the actor, each person in one of them at most", () => {
    fc.assert(
      fc.property(arbitraryPeople, (people) => {
        const [actor] = people;
        if (actor === undefined) return;
        const cycles = findCycles(actor, people, { fanOut: 30, limit: 50 });
        const others = cycles.flatMap((c) => [c.links[1].teacher.userId, c.links[2].teacher.userId]);
        expect(new Set(others).size).toBe(others.length);
        for (const cycle of cycles) {
          const [ab, bc, ca] = cycle.links;
          expect(ab.teacher).toBe(actor);
          expect(ab.learner).toBe(bc.teacher);
          expect(bc.learner).toBe(ca.teacher);
          expect(ca.learner).toBe(actor);
          expect(new Set([actor.userId, bc.teacher.userId, ca.teacher.userId]).size).toBe(3);
          for (const link of cycle.links) {
            expect(link.learner.learns.has(link.link.skillId)).toBe(true);
            expect(link.teacher.teaches.get(link.link.skillId)).toBeGreaterThanOrEqual(
              (link.learner.learns.get(link.link.skillId) ?? 0) - 1,
            );
          }
          expect(cycle.score).toBe(Math.min(...cycle.links.map((l) => l.score)));
        }
      }),
    );
  });
});
