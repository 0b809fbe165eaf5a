import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { explainCycle, explainPair } from "./explain.js";
import { kmBetween, linksBetween } from "./links.js";
import { findCycles, onePerPerson } from "./cycles.js";
import { recommendPairs, teachersFor, type PairOptions } from "./recommend.js";
import { defaultLevelPolicy, type LevelPolicy } from "./rules.js";
import { SkillSettings } from "./skill-settings.js";
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
  javascript: "JavaScript",
};
const skillName = (id: string) => names[id] ?? id;
const options = (extra: Partial<PairOptions> = {}): PairOptions => ({
  now,
  openSwap: noOpenSwaps,
  policy: defaultLevelPolicy,
  limit: 10,
  ...extra,
});
const fanOut = { fanOut: 20 };

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

const tuesdayEvening = { start: 2 * 1440 + 18 * 60, end: 2 * 1440 + 20 * 60 };
const ana = person("ana", { guitar: 4 }, { spanish: 3 }, { weekUtc: [tuesdayEvening] });
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
const handles = (people: ReadonlyArray<{ partner: MatchProfile }>) => people.map((m) => m.partner.handle);

describe("reciprocal recommendations", () => {
  it("ranks people who teach what you want and want what you teach, best first", () => {
    const matches = recommendPairs(ana, [cy, di, bo, ed, ana], options());
    expect(handles(matches)).toEqual(["bo", "cy"]);
    expect(matches[0]?.components).toEqual({ reciprocity: 1, availability: 1, distance: 1, trust: 0.75, freshness: 1 });
  });

  it("explains each match in words, with the weekly time they share", () => {
    const [top] = recommendPairs(ana, [bo], options({ limit: 1 }));
    if (top === undefined) throw new Error("expected a match");
    expect(explainPair(top, skillName)).toBe(
      "teaches you Spanish (level 4), wants your Guitar; both free Tue 18:00–20:00 UTC (2 h a week together); online",
    );
    expect(top.overlapMinutes).toBe(120);
  });

  it("says how far away a nearby partner is, or that they share a city", () => {
    const paris = { latitude: 48.85, longitude: 2.35, name: "Paris" };
    const here = { ...ana, location: paris };
    const neighbour = { ...bo, location: paris };
    const suburb = { ...bo, location: { latitude: 48.8, longitude: 2.13, name: "Versailles" } };
    const explain = (partner: MatchProfile) => {
      const [match] = recommendPairs(here, [partner], options({ limit: 1 }));
      if (match === undefined) throw new Error("expected a match");
      return explainPair(match, skillName);
    };
    expect(explain(neighbour)).toMatch(/; same city$/);
    expect(explain(suburb)).toMatch(/; 17 km away$/);
  });

  it("lists one-way teachers when nobody wants anything back", () => {
    const teachers = teachersFor(ana, "spanish", [bo, cy, di, ed], options());
    expect(teachers.map((t) => t.teacher.handle)).toEqual(["bo", "di", "cy"]);
  });
});

describe("an open swap rules out only its own skill pair", () => {
  const you = person("you", { guitar: 4, piano: 3 }, { spanish: 3, chess: 2 });
  const both = person("both", { spanish: 5, chess: 3 }, { guitar: 2, piano: 1 });

  it("leaves a partner out once every skill pair that fits is in an open swap with them", () => {
    const everyPair = () => true;
    expect(recommendPairs(you, [both], options({ openSwap: everyPair }))).toEqual([]);
  });

  it("keeps them on the remaining skill pairs, and explains with those", () => {
    // The best pair (Guitar for Spanish: level 5 teaching, highest) is already being swapped.
    const guitarForSpanish = (partner: string, mine: string, theirs: string) =>
      partner === "both" && mine === "guitar" && theirs === "spanish";
    const [match] = recommendPairs(you, [both], options({ openSwap: guitarForSpanish }));
    expect(match?.partner.handle).toBe("both");
    expect([match?.youTeach.skillId, match?.theyTeach.skillId]).not.toEqual(["guitar", "spanish"]);
    if (match === undefined) throw new Error("expected a match");
    expect(explainPair(match, skillName)).toMatch(
      /^teaches you (Spanish|Chess) \(level \d\), wants your (Guitar|Piano);/,
    );
  });
});

describe("distance is mutual", () => {
  const paris = { latitude: 48.8566, longitude: 2.3522, name: "Paris" };
  const lyon = { latitude: 45.764, longitude: 4.8357, name: "Lyon" };

  it("offers an in-person partner only within both people's limits", () => {
    const traveller = person(
      "traveller",
      { guitar: 4 },
      { spanish: 3 },
      {
        mode: "in_person",
        location: paris,
        maxDistanceKm: 500,
      },
    );
    const homebody = person(
      "homebody",
      { spanish: 4 },
      { guitar: 2 },
      {
        mode: "in_person",
        location: lyon,
        maxDistanceKm: 25,
      },
    );
    expect(recommendPairs(traveller, [homebody], options())).toEqual([]);
    expect(recommendPairs(homebody, [traveller], options())).toEqual([]);
    const willing = { ...homebody, maxDistanceKm: 500 };
    expect(handles(recommendPairs(traveller, [willing], options()))).toEqual(["homebody"]);
  });
});

describe("per-skill meeting modes and slots", () => {
  const paris = { latitude: 48.8566, longitude: 2.3522, name: "Paris" };
  const tokyo = { latitude: 35.6762, longitude: 139.6503, name: "Tokyo" };
  const saturdayMorning = { start: 6 * 1440 + 9 * 60, end: 6 * 1440 + 11 * 60 };

  it("matches someone who meets in person, except for the one skill they teach online", () => {
    const remote = person("remote", { guitar: 4 }, { spanish: 3 }, { mode: "online", location: tokyo });
    const local = person("local", { spanish: 5 }, { guitar: 2 }, { mode: "in_person", location: paris });
    expect(recommendPairs(remote, [local], options())).toEqual([]);
    const spanishOnline = SkillSettings.of([
      { skillId: "spanish", direction: "teach", mode: "online", weekUtc: null },
      { skillId: "guitar", direction: "learn", mode: "online", weekUtc: null },
    ]);
    const [match] = recommendPairs(remote, [{ ...local, skillSettings: spanishOnline }], options());
    expect(match?.theyTeach.meeting).toBe("online");
  });

  it("compares each skill's own slots: the time for one session need not be the time for the other", () => {
    const teacher = person(
      "teacher",
      { spanish: 4 },
      { guitar: 2 },
      {
        weekUtc: [tuesdayEvening],
        skillSettings: SkillSettings.of([
          { skillId: "spanish", direction: "teach", mode: null, weekUtc: [saturdayMorning] },
        ]),
      },
    );
    const [match] = recommendPairs(ana, [teacher], options());
    if (match === undefined) throw new Error("expected a match");
    // Ana is free Tuesday evening only: the Spanish she learns is taught on Saturday mornings.
    expect(match.theyTeach.overlapMinutes).toBe(0);
    expect(match.youTeach.overlapMinutes).toBe(120);
    expect(match.overlapMinutes).toBe(0);
    expect(explainPair(match, skillName)).toContain(
      "Spanish: no shared time yet; Guitar: both free Tue 18:00–20:00 UTC (2 h a week together)",
    );
  });

  it("gives one-way teachers on their skill's own mode", () => {
    const inPersonOnly = person("teacher", { spanish: 5 }, {}, { mode: "in_person", location: paris });
    const remoteLearner = person("learner", {}, { spanish: 2 }, { mode: "online", location: tokyo });
    expect(teachersFor(remoteLearner, "spanish", [inPersonOnly], options())).toEqual([]);
    const online = SkillSettings.of([{ skillId: "spanish", direction: "teach", mode: "online", weekUtc: null }]);
    const [teacher] = teachersFor(remoteLearner, "spanish", [{ ...inPersonOnly, skillSettings: online }], options());
    expect(teacher?.link.meeting).toBe("online");
  });
});

describe("level fit is explicit", () => {
  const learner = person("learner", { guitar: 4 }, { javascript: 5 }, { weekUtc: [tuesdayEvening] });
  // A near fit that would score higher (shared time, fresh) and an exact fit that scores lower (no shared time).
  const near = person("near", { javascript: 4 }, { guitar: 2 }, { weekUtc: [tuesdayEvening] });
  const exact = person(
    "exact",
    { javascript: 5 },
    { guitar: 2 },
    {
      weekUtc: [{ start: 100, end: 160 }],
      lastActiveAt: new Date(now.getTime() - 60 * 86_400_000),
    },
  );

  it("ranks every exact fit above every near fit, whatever the scores", () => {
    const matches = recommendPairs(learner, [near, exact], options());
    expect(handles(matches)).toEqual(["exact", "near"]);
    expect(matches[1]?.score).toBeGreaterThan(matches[0]?.score ?? 1);
  });

  it("labels a near fit in the explanation", () => {
    const [match] = recommendPairs(learner, [near], options());
    if (match === undefined) throw new Error("expected a match");
    expect(explainPair(match, skillName)).toMatch(
      /^teaches JavaScript at level 4; you asked for 5, wants your Guitar;/,
    );
    expect(match.theyTeach.fit).toBe("near");
  });

  it("offers nobody below the minimum teaching level", () => {
    const seasoned: LevelPolicy = { minTeachLevel: 5 };
    expect(handles(recommendPairs(learner, [near, exact], options({ policy: seasoned })))).toEqual([]);
    const strict = { minTeachLevel: 2 };
    expect(handles(recommendPairs(learner, [near, exact], options({ policy: strict })))).toEqual(["exact", "near"]);
  });

  it("ranks exact one-way teachers above near ones too", () => {
    expect(teachersFor(learner, "javascript", [near, exact], options()).map((t) => t.teacher.handle)).toEqual([
      "exact",
      "near",
    ]);
  });

  it("closes cycles with exact fits only", () => {
    const you = person("you", { guitar: 4 }, { cooking: 3 });
    const b = person("b", { chess: 4 }, { guitar: 3 });
    const nearCook = person("c", { cooking: 2 }, { chess: 2 });
    expect(findCycles(you, [b, nearCook], fanOut, defaultLevelPolicy)).toEqual([]);
    const exactCook = { ...nearCook, teaches: person("c", { cooking: 3 }, {}).teaches };
    expect(findCycles(you, [b, exactCook], fanOut, defaultLevelPolicy)).toHaveLength(1);
  });
});

describe("swap cycles of three", () => {
  it("closes a loop when nobody can swap with you directly: you teach Ed, Ed teaches Fay, Fay teaches you", () => {
    const you = person("you", { guitar: 4 }, { cooking: 2 });
    const cycles = findCycles(you, [ed, fay, gus, bo], fanOut, defaultLevelPolicy);
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
    expect(findCycles(you, [ed, both], fanOut, defaultLevelPolicy)).toEqual([]);
  });

  it("does not offer a cycle whose middle link cannot meet", () => {
    const paris = { latitude: 48.8566, longitude: 2.3522, name: "Paris" };
    const lyon = { latitude: 45.764, longitude: 4.8357, name: "Lyon" };
    const you = person("you", { guitar: 4 }, { cooking: 2 });
    const b = { ...ed, mode: "in_person" as const, location: paris };
    const c = { ...fay, mode: "in_person" as const, location: lyon };
    expect(findCycles(you, [b, c], fanOut, defaultLevelPolicy)).toEqual([]);
  });

  it("offers each person in one cycle at most, the best one", () => {
    const you = person("you", { guitar: 4 }, { cooking: 2 });
    const fay2 = person("fay2", { cooking: 3 }, { chess: 2 }, { lastActiveAt: new Date(now.getTime() - 86_400_000) });
    const ranked = findCycles(you, [ed, fay, fay2], fanOut, defaultLevelPolicy);
    expect(ranked).toHaveLength(2);
    expect(onePerPerson(ranked, 10).map((c) => c.links[2].teacher.handle)).toEqual(["fay"]);
  });
});

// Random communities: 3–25 people over five skills, random levels, modes, places and limits.
const skills = ["guitar", "spanish", "chess", "piano", "cooking"];
const levels = fc.dictionary(fc.constantFrom(...skills), fc.integer({ min: 1, max: 5 }), { maxKeys: 3 });
const cities = [
  { name: "Paris", latitude: 48.8566, longitude: 2.3522 },
  { name: "Versailles", latitude: 48.8049, longitude: 2.1204 },
  { name: "Lyon", latitude: 45.764, longitude: 4.8357 },
];
const arbitraryPeople = fc
  .array(
    fc.record({
      teaches: levels,
      learns: levels,
      mode: fc.constantFrom<"online" | "in_person" | "either">("online", "in_person", "either"),
      city: fc.option(fc.constantFrom(...cities), { nil: null }),
      maxDistanceKm: fc.constantFrom(10, 25, 50, 500),
    }),
    { minLength: 3, maxLength: 25 },
  )
  .map((rows) =>
    rows.map((row, i) =>
      person(`p${String(i).padStart(2, "0")}`, row.teaches, row.learns, {
        mode: row.mode,
        location: row.city,
        maxDistanceKm: row.maxDistanceKm,
      }),
    ),
  );

describe("recommendation properties", () => {
  it("only ever recommends truly reciprocal pairs, never yourself or an excluded person", () => {
    fc.assert(
      fc.property(arbitraryPeople, fc.integer({ min: 0, max: 24 }), (people, excluded) => {
        const [actor, ...others] = people;
        if (actor === undefined) return;
        const excludedId = people[excluded % people.length]?.userId;
        for (const match of recommendPairs(
          actor,
          people,
          options({ openSwap: (id) => id === excludedId, limit: 50 }),
        )) {
          expect(match.partner.userId).not.toBe(actor.userId);
          expect(match.partner.userId).not.toBe(excludedId);
          expect(actor.learns.get(match.theyTeach.skillId)).toBeDefined();
          expect(match.partner.learns.get(match.youTeach.skillId)).toBeDefined();
          expect(others).toContain(match.partner);
        }
      }),
    );
  });

  it("never offers a partner farther than their own limit, or farther than yours, for meeting in person", () => {
    fc.assert(
      fc.property(arbitraryPeople, (people) => {
        for (const actor of people)
          for (const match of recommendPairs(actor, people, options({ limit: 50 })))
            for (const link of [match.theyTeach, match.youTeach])
              if (link.meeting === "in_person") {
                expect(link.km).not.toBeNull();
                expect(link.km).toBeLessThanOrEqual(match.partner.maxDistanceKm);
                expect(link.km).toBeLessThanOrEqual(actor.maxDistanceKm);
              }
      }),
    );
  });

  it("still offers a person with an open swap on one skill pair when another pair fits", () => {
    fc.assert(
      fc.property(arbitraryPeople, (people) => {
        const [actor] = people;
        if (actor === undefined) return;
        for (const match of recommendPairs(actor, people, options({ limit: 50 }))) {
          const taken = { partner: match.partner.userId, you: match.youTeach.skillId, they: match.theyTeach.skillId };
          const openSwap = (partner: string, you: string, they: string) =>
            partner === taken.partner && you === taken.you && they === taken.they;
          const km = kmBetween(actor, match.partner);
          const otherPairFits = linksBetween(match.partner, actor, km, defaultLevelPolicy).some((they) =>
            linksBetween(actor, match.partner, km, defaultLevelPolicy).some(
              (you) => !openSwap(taken.partner, you.skillId, they.skillId),
            ),
          );
          const again = recommendPairs(actor, people, options({ openSwap, limit: 50 })).find(
            (m) => m.partner.userId === taken.partner,
          );
          expect(again !== undefined).toBe(otherPairFits);
          if (again !== undefined)
            expect([again.youTeach.skillId, again.theyTeach.skillId]).not.toEqual([taken.you, taken.they]);
        }
      }),
    );
  });

  it("ranks the same whatever order people were added in, exact fits before near ones", () => {
    fc.assert(
      fc.property(arbitraryPeople, fc.infiniteStream(fc.nat()), (people, noise) => {
        const [actor] = people;
        if (actor === undefined) return;
        const shuffled = people
          .map((p) => ({ p, key: noise.next().value }))
          .sort((a, b) => a.key - b.key)
          .map((x) => x.p);
        const ranked = (list: MatchProfile[]) => recommendPairs(actor, list, options({ limit: 50 }));
        const cycles = (list: MatchProfile[]) =>
          findCycles(actor, list, { fanOut: 30 }, defaultLevelPolicy).map((c) =>
            c.links.map((l) => l.teacher.handle).join(">"),
          );
        expect(handles(ranked(shuffled))).toEqual(handles(ranked(people)));
        expect(cycles(shuffled)).toEqual(cycles(people));
        const nearFits = ranked(people).map((m) => m.nearFits);
        expect(nearFits).toEqual([...nearFits].sort((a, b) => a - b));
      }),
    );
  });

  it("only offers valid three-person cycles of exact fits through the actor, each person in one of them at most", () => {
    fc.assert(
      fc.property(arbitraryPeople, (people) => {
        const [actor] = people;
        if (actor === undefined) return;
        const cycles = onePerPerson(findCycles(actor, people, { fanOut: 30 }, defaultLevelPolicy), 50);
        const others = cycles.flatMap((c) => [c.links[1].teacher.userId, c.links[2].teacher.userId]);
        expect(new Set(others).size).toBe(others.length);
        for (const cycle of cycles) {
          const [ab, bc, ca] = cycle.links;
          expect(ab.teacher).toBe(actor);
          expect(ab.learner).toBe(bc.teacher);
          expect(bc.learner).toBe(ca.teacher);
          expect(ca.learner).toBe(actor);
          expect(new Set([actor.userId, bc.teacher.userId, ca.teacher.userId]).size).toBe(3);
          for (const { teacher, learner, link } of cycle.links) {
            expect(link.fit).toBe("exact");
            expect(teacher.teaches.get(link.skillId)).toBeGreaterThanOrEqual(learner.learns.get(link.skillId) ?? 9);
            if (link.meeting === "in_person")
              expect(link.km).toBeLessThanOrEqual(Math.min(teacher.maxDistanceKm, learner.maxDistanceKm));
          }
          expect(cycle.score).toBe(Math.min(...cycle.links.map((l) => l.score)));
        }
      }),
    );
  });
});
