import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchProfile } from "../../testing/match-profile.js";
import { byRecency, MatchIndex } from "./match-index.js";
import { recommendPairs, recommendPairsFreshestFirst } from "./recommend.js";
import { defaultLevelPolicy } from "./rules.js";
import type { MatchProfile } from "./types.js";

const now = new Date("2026-11-25T10:00:00Z");
const day = 86_400_000;
// Few skills and many people: plenty of reciprocal candidates, so the top fills up and the walk can stop early.
const skills = ["guitar", "spanish", "chess", "cooking"];
const levels = fc.dictionary(fc.constantFrom(...skills), fc.integer({ min: 1, max: 5 }), { minKeys: 1, maxKeys: 3 });
const cities = [
  { name: "Paris", latitude: 48.8566, longitude: 2.3522 },
  { name: "Versailles", latitude: 48.8049, longitude: 2.1204 },
  { name: "Lyon", latitude: 45.764, longitude: 4.8357 },
];

// Random communities where every factor of a score varies: skills, levels, modes, places, reviews, activity.
const arbitraryPeople = fc
  .array(
    fc.record({
      teaches: levels,
      learns: levels,
      mode: fc.constantFrom<"online" | "in_person" | "either">("online", "in_person", "either"),
      city: fc.option(fc.constantFrom(...cities), { nil: null }),
      ratings: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 6 }),
      daysAgo: fc.integer({ min: 0, max: 60 }),
      slot: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
    }),
    { minLength: 30, maxLength: 80 },
  )
  .map((rows) =>
    rows.map((row, i) =>
      matchProfile(`p${String(i).padStart(2, "0")}`, {
        teaches: new Map(Object.entries(row.teaches)),
        learns: new Map(Object.entries(row.learns)),
        mode: row.mode,
        location: row.city,
        ratingCount: row.ratings.length,
        ratingSum: row.ratings.reduce((sum, r) => sum + r, 0),
        // Whole days: many people share an instant, so ties in recency are exercised too.
        lastActiveAt: new Date(now.getTime() - row.daysAgo * day),
        weekUtc: row.slot === null ? [] : [{ start: row.slot, end: row.slot + 60 }],
      }),
    ),
  );

describe("ranking shortcuts give the same answers as ranking everyone", () => {
  it("stopping early on the most recently active gives exactly the full ranking's top", () => {
    fc.assert(
      fc.property(arbitraryPeople, fc.integer({ min: 1, max: 6 }), fc.nat(), (people, limit, hiddenSeed) => {
        const [actor] = people;
        if (actor === undefined) return;
        const index = MatchIndex.of(people);
        // Some people the actor may not be offered: they must be skipped by both, not take places.
        const admit = (p: MatchProfile) => (Number(p.userId.slice(1)) * 7 + hiddenSeed) % 5 !== 0;
        const options = { now, openSwap: () => false, policy: defaultLevelPolicy, limit, admit };
        const full = recommendPairs(actor, people, options);
        const early = recommendPairsFreshestFirst(
          actor,
          index.reciprocalByRecency(actor.learns.keys(), actor.teaches.keys()),
          { ...options, trustCeiling: index.trustCeiling },
        );
        expect(early).toEqual(full);
      }),
    );
  });

  it("keeps people most recently active first through changes, and the N most recent are the same as sorting", () => {
    fc.assert(
      fc.property(arbitraryPeople, arbitraryPeople, fc.integer({ min: 1, max: 10 }), (first, changes, n) => {
        const index = MatchIndex.of(first);
        // The second list reuses the same ids: each is an update of someone already indexed.
        for (const changed of changes) index.upsert(changed);
        index.remove("p00");
        const current = new Map<string, MatchProfile>(first.map((p) => [p.userId, p]));
        for (const changed of changes) current.set(changed.userId, changed);
        current.delete("p00");
        const everyone = [...current.values()];
        const expected = (wanted: (p: MatchProfile) => boolean) => everyone.filter(wanted).sort(byRecency);
        expect(index.teachersOfAny(["guitar", "chess"])).toEqual(
          expected((p) => p.teaches.has("guitar") || p.teaches.has("chess")),
        );
        expect(index.learnersOfAny(["spanish", "piano"], n)).toEqual(
          expected((p) => p.learns.has("spanish") || p.learns.has("piano")).slice(0, n),
        );
        expect(index.reciprocalCandidates(["guitar"], ["spanish", "cooking"])).toEqual(
          expected((p) => p.teaches.has("guitar") && (p.learns.has("spanish") || p.learns.has("cooking"))),
        );
      }),
    );
  });
});
