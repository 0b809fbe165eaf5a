import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createCore, type Core } from "../app.js";
import { loadConfig } from "../config.js";
import { block, createTestCore, seedPeople, testProviders, type TestCore } from "../testing/index.js";
import type { Actor } from "./shared/actor.js";

// Searches and recommendations repeat (a person reloading, many asking the same): their answers are kept
// while the index they came from has not changed. These are the ways a kept answer could go stale.
const withinAMoment = { timeout: 10_000, interval: 50 };

for (const provider of testProviders()) {
  describe(`kept search and recommendation answers, on ${provider}`, () => {
    let core: TestCore;
    /** A second process on the same database. */
    let other: Core;
    let people: Map<string, Actor & { handle: string }>;
    const who = (key: string) => people.get(key) as Actor & { handle: string };
    const handlesFound = async (on: Core, viewer: Actor, text: string) =>
      (await on.services.search.people(viewer, { text })).hits.map((hit) => hit.handle).sort();
    const partnersOf = async (on: Core, viewer: Actor) =>
      (await on.services.matching.recommend(viewer)).pairs.map((pair) => pair.handle).sort();

    beforeAll(async () => {
      core = await createTestCore(provider);
      other = await createCore(loadConfig({ DATABASE_URL: core.config.DATABASE_URL }, {}), { clock: core.clock });
      people = await seedPeople(core, {
        ana: { teach: { Guitar: 4 }, learn: { Spanish: 2 } },
        bea: { teach: { Spanish: 4 }, learn: { Guitar: 2 } },
        cal: { teach: { Spanish: 3 }, learn: { Guitar: 1 } },
        dot: { teach: { Pottery: 3 }, learn: { Chess: 1 } },
      });
    });
    afterAll(async () => {
      await other.close();
      await core.close();
    });

    it("answer the same search with the same result until someone changes", async () => {
      const first = await core.services.search.people(who("ana"), { text: "spanish" });
      expect(await core.services.search.people(who("ana"), { text: "spanish" })).toBe(first);
      expect(first.hits.map((hit) => hit.handle).sort()).toEqual([who("bea").handle, who("cal").handle]);

      const added = await core.services.skills.add(who("dot"), { skill: "Spanish", direction: "teach", level: 5 });
      expect(await handlesFound(core, who("ana"), "spanish")).toEqual(
        [who("bea").handle, who("cal").handle, who("dot").handle].sort(),
      );
      await core.services.skills.remove(who("dot"), added.id);
      expect(await handlesFound(core, who("ana"), "spanish")).not.toContain(who("dot").handle);
    });

    it("never show someone blocked since, either way, in search or matches", async () => {
      expect(await handlesFound(core, who("ana"), "spanish")).toContain(who("cal").handle);
      expect(await partnersOf(core, who("ana"))).toContain(who("cal").handle);
      await block(core, who("cal"), who("ana"));
      expect(await handlesFound(core, who("ana"), "spanish")).not.toContain(who("cal").handle);
      expect(await partnersOf(core, who("ana"))).not.toContain(who("cal").handle);
    });

    it("never show someone who turned private, even to a process that kept the answer", async () => {
      expect(await handlesFound(other, who("bea"), "guitar")).toContain(who("ana").handle);
      expect(await partnersOf(other, who("bea"))).toEqual([who("ana").handle]);
      await core.services.profiles.update(who("ana"), { visibility: "private" });
      // Visibility is confirmed on the database for every answer: no moment passes where the kept one shows.
      expect(await handlesFound(other, who("bea"), "guitar")).not.toContain(who("ana").handle);
      expect(await partnersOf(other, who("bea"))).toEqual([]);
      await core.services.profiles.update(who("ana"), { visibility: "public" });
      await vi.waitFor(async () => {
        expect(await handlesFound(other, who("bea"), "guitar")).toContain(who("ana").handle);
        expect(await partnersOf(other, who("bea"))).toEqual([who("ana").handle]);
      }, withinAMoment);
    });

    it("follow what another process changed within a moment", async () => {
      expect(await handlesFound(other, who("bea"), "pottery")).toEqual([who("dot").handle]);
      expect(await partnersOf(other, who("dot"))).toEqual([]);
      await core.services.skills.add(who("bea"), { skill: "Pottery", direction: "teach", level: 4 });
      await core.services.skills.add(who("bea"), { skill: "Chess", direction: "teach", level: 4 });
      await core.services.skills.add(who("bea"), { skill: "Pottery", direction: "learn", level: 1 });
      await vi.waitFor(async () => {
        expect(await handlesFound(other, who("ana"), "pottery")).toEqual([who("bea").handle, who("dot").handle].sort());
        expect(await partnersOf(other, who("dot"))).toEqual([who("bea").handle]);
      }, withinAMoment);
    });
  });
}
