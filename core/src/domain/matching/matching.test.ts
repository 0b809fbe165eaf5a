import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../shared/actor.js";
import {
  block,
  createTestCore,
  domainErrorOf,
  newCommunity,
  newPerson,
  rejectedFields,
  seedPeople,
  testProviders,
  type PersonSpec,
  type TestCore,
} from "../../testing/index.js";

/**
 * A hand-made community of 30 where the right answers are known. Ana (Paris, teaches Guitar, wants Spanish)
 * is the person we recommend for.
 */
const fixture: Record<string, PersonSpec> = {
  ana: {
    teach: { Guitar: 4, Cooking: 3 },
    learn: { Spanish: 3 },
    city: "Paris",
    slots: [{ day: "tue", start: "19:00", end: "21:00" }],
    timeZone: "Europe/Paris",
  },
  bea: {
    teach: { Spanish: 5 },
    learn: { Guitar: 2 },
    city: "Madrid",
    slots: [{ day: "tue", start: "19:00", end: "21:00" }],
    timeZone: "Europe/Madrid",
  },
  carl: {
    teach: { Spanish: 4 },
    learn: { Guitar: 3 },
    city: "Lyon",
    slots: [{ day: "wed", start: "08:00", end: "09:00" }],
    timeZone: "Europe/Paris",
  },
  dora: { teach: { Spanish: 2 }, learn: { Guitar: 1 }, city: "Berlin" },
  emil: { teach: { Spanish: 4 }, learn: { Piano: 2 } },
  fred: { teach: { Spanish: 4 }, learn: { Guitar: 2 }, visibility: "private" },
  gina: { teach: { Spanish: 4 }, learn: { Guitar: 2 } },
  hugo: { teach: { Spanish: 4 }, learn: { Guitar: 2 }, mode: "in_person", city: "Lyon" },
  ines: { teach: { Spanish: 3 }, learn: { Guitar: 2 }, mode: "in_person", city: "Paris" },
  jon: { teach: { Spanish: 3 }, learn: { Guitar: 2 }, visibility: "communities" },
  kim: { teach: { Spanish: 4 }, learn: { Cooking: 2 } },
  // A cycle: Ana teaches Guitar to Leo, Leo teaches Chess to Mia, Mia teaches Spanish to Ana.
  leo: { teach: { Chess: 4 }, learn: { Guitar: 2 } },
  mia: { teach: { Spanish: 3 }, learn: { Chess: 2 } },
  ned: { teach: { Piano: 3 }, learn: { Drawing: 2 } },
  ola: { teach: { Drawing: 4 }, learn: { Piano: 1 } },
  pat: { teach: { Yoga: 3 }, learn: { Excel: 2 } },
  quin: { teach: { Excel: 4 }, learn: { Yoga: 2 } },
  rob: { teach: { Python: 5 }, learn: { Japanese: 1 } },
  sue: { teach: { Japanese: 5 }, learn: { Python: 2 } },
  tom: { teach: { Photography: 3 }, learn: { Chess: 1 } },
  uma: { teach: { Chess: 2 }, learn: { Photography: 2 } },
  vic: { teach: { Singing: 4 }, learn: { Salsa: 2 } },
  wes: { teach: { Salsa: 4 }, learn: { Singing: 2 } },
  xia: { teach: { Knitting: 3 }, learn: { Baking: 2 } },
  yan: { teach: { Baking: 4 }, learn: { Knitting: 2 } },
  zoe: { teach: { German: 5 }, learn: { French: 2 } },
  abe: { teach: { French: 5 }, learn: { German: 3 } },
  bob: { teach: { Spanish: 4 }, learn: { Guitar: 2 } },
  cal: { teach: { Piano: 2 }, learn: { Guitar: 4 } },
  dee: { teach: { Spanish: 1 }, learn: { Guitar: 2 } },
};

for (const provider of testProviders()) {
  describe(`recommendations on ${provider}`, () => {
    let core: TestCore;
    const people = new Map<string, Actor & { handle: string }>();
    const who = (name: string) => people.get(name) as Actor & { handle: string };
    const handleOf = (handle: string) => [...people].find(([, p]) => p.handle === handle)?.[0];

    beforeAll(async () => {
      core = await createTestCore(provider);
      for (const [name, person] of await seedPeople(core, fixture, { maxDistanceKm: 100 })) people.set(name, person);
      await block(core, who("bob"), who("ana"));
      await newCommunity(core, [who("ana"), who("jon")]);
    });
    afterAll(() => core.close());

    it("ranks Ana's reciprocal partners exactly, explained in words", async () => {
      const { pairs } = await core.services.matching.recommend(who("ana"), { limit: 20 });
      // Ties (0.75: full fit, flexible or shared time, no reviews yet) break on handle; Dora teaches one level
      // short of what Ana wants (0.5), Carl shares no time with Ana (0.15); Dee is two levels short: not a match.
      expect(pairs.map((p) => handleOf(p.handle))).toEqual(["bea", "gina", "ines", "jon", "kim", "dora", "carl"]);
      expect(pairs.map((p) => p.score)).toEqual([0.75, 0.75, 0.75, 0.75, 0.75, 0.5, 0.15]);
      expect(pairs[0]?.explanation).toBe(
        "teaches you Spanish (level 5), wants your Guitar; both free Tue 18:00–20:00 UTC; online",
      );
      expect(pairs.find((p) => handleOf(p.handle) === "kim")?.youTeach.name).toBe("Cooking");
    });

    it("never recommends private profiles, blocked people, people Ana cannot reach, or Ana herself", async () => {
      const { pairs } = await core.services.matching.recommend(who("ana"), { limit: 50 });
      const seen = new Set(pairs.map((p) => handleOf(p.handle)));
      for (const excluded of ["ana", "fred", "bob", "hugo", "emil", "cal"]) expect(seen.has(excluded)).toBe(false);
    });

    it("drops a partner once an open swap covers the same skills", async () => {
      const { db } = core.database;
      await db.swap.create({
        data: {
          id: "open-swap-ana-gina",
          kind: "pair",
          status: "pending",
          requesterId: who("ana").userId,
          offeredSkillId: "skill:guitar",
          wantedSkillId: "skill:spanish",
          expiresAt: new Date(core.clock.now().getTime() + 86_400_000),
          participants: {
            create: [
              { userId: who("ana").userId, role: "requester" },
              { userId: who("gina").userId, role: "recipient" },
            ],
          },
        },
      });
      const { pairs } = await core.services.matching.recommend(who("ana"), { limit: 50 });
      expect(pairs.map((p) => handleOf(p.handle))).not.toContain("gina");
      await db.swap.delete({ where: { id: "open-swap-ana-gina" } });
    });

    it("offers the three-person cycles through Ana, explained link by link", async () => {
      const { cycles } = await core.services.matching.recommend(who("ana"), { cycles: true });
      // Cal wants Guitar and teaches Piano to Emil, who teaches Spanish: a second loop besides Leo → Mia.
      expect(cycles.map((c) => c.people.map(handleOf))).toEqual([
        ["cal", "emil"],
        ["leo", "mia"],
      ]);
      expect(cycles[1]?.explanation).toBe("you teach leo Guitar; leo teaches mia Chess; mia teaches you Spanish");
    });

    it("lists who can teach Ana a skill even when they want nothing back", async () => {
      const teachers = await core.services.matching.teachersOf(who("ana"), { skill: "spanish", limit: 50 });
      const names = teachers.map((t) => handleOf(t.handle));
      expect(names).toContain("emil");
      expect(names).not.toContain("fred");
      expect(names).not.toContain("bob");
    });

    it("gives the same answer every time for the same data", async () => {
      const first = await core.services.matching.recommend(who("ana"), { limit: 20, cycles: true });
      expect(await core.services.matching.recommend(who("ana"), { limit: 20, cycles: true })).toEqual(first);
    });

    it("keeps up with changes made after the first recommendation, through the outbox", async () => {
      const handles = async () =>
        (await core.services.matching.recommend(who("ana"), { limit: 50 })).pairs.map((p) => handleOf(p.handle));
      expect(await handles()).toContain("bea");
      const late = await newPerson(core, "late");
      people.set("late", late);
      await core.services.profiles.update(late, { visibility: "public" });
      await core.services.skills.add(late, { skill: "Spanish", direction: "teach", level: 5 });
      await core.services.skills.add(late, { skill: "Guitar", direction: "learn", level: 1 });
      await core.services.profiles.update(who("bea"), { visibility: "private" });
      await core.services.profiles.deleteAccount(who("gina"), who("gina").handle);
      const after = await handles();
      expect(after).toContain("late");
      expect(after).not.toContain("bea");
      expect(after).not.toContain("gina");
    });

    it("names bad options and unknown skills clearly", async () => {
      expect(await rejectedFields(() => core.services.matching.recommend(who("ana"), { limit: 0 }))).toEqual(["limit"]);
      expect(
        (
          await domainErrorOf(() =>
            core.services.matching.teachersOf(who("ana"), { skill: "Underwater hockey refereeing" }),
          )
        ).code,
      ).toBe("SKILL.UNKNOWN");
    });
  });
}
