import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { createCore, type CoreInternals } from "../../app.js";
import { loadConfig } from "../../config.js";
import {
  createTestCore,
  domainErrorOf,
  newCommunity,
  newPerson,
  newPublicPerson,
  testProviders,
  testRedisUrl,
  type TestCore,
} from "../../testing/index.js";

// Another process's changes reach this one within a quarter second (see CachedReads); a loaded machine may
// take longer to run the reads, never to notice.
const withinAMoment = { timeout: 10_000, interval: 50 };

/**
 * Until its connection is up a Redis cache answers from the database and keeps nothing; the tests about
 * what it keeps start once it is.
 */
async function cacheReady(...cores: CoreInternals[]): Promise<void> {
  for (const { deps } of cores) {
    await vi.waitFor(async () => {
      await deps.cache.set("ready", true, { ttlMs: 60_000 });
      expect(await deps.cache.get("ready", z.literal(true))).toBe(true);
    }, withinAMoment);
  }
}

/** Where the cache is: in each process (the embedded default), or in Redis shared by both processes. */
const caches: Array<[string, Record<string, string>]> = [["an in-process cache", {}]];
const redisUrl = testRedisUrl();
if (redisUrl !== undefined) caches.push(["a Redis cache", { REDIS_URL: redisUrl }]);

for (const provider of testProviders()) {
  for (const [cache, redis] of caches) {
    describe(`what others see of a profile, on ${provider} with ${cache}`, () => {
      let core: TestCore;
      /** A second process on the same database, as a second web server would be. */
      let other: CoreInternals;
      beforeAll(async () => {
        core = await createTestCore(provider, {}, redis);
        other = await createCore(loadConfig({ DATABASE_URL: core.config.DATABASE_URL, ...redis }, {}), {
          clock: core.clock,
        });
        await cacheReady(core, other);
      });
      afterAll(async () => {
        await other.close();
        await core.close();
      });

      /** A change written behind the use cases' back: no event, so only the cache's lifetime would reveal it. */
      const editWithoutEvent = (userId: string, bio: string) =>
        core.database.db.user.update({ where: { id: userId }, data: { bio } });

      it("is one view for every visitor until the person changes, then the change at once", async () => {
        const ana = await newPublicPerson(core, "Ana", { Guitar: 4 });
        const first = await core.services.profiles.get(null, ana.handle);
        await editWithoutEvent(ana.userId, "not announced");
        expect(await core.services.profiles.get(null, ana.handle.toUpperCase())).toEqual(first);

        await core.services.profiles.update(ana, { bio: "Guitar on Tuesdays." });
        await core.services.skills.add(ana, { skill: "Spanish", direction: "learn", level: 1 });
        const changed = await core.services.profiles.get(null, ana.handle);
        expect(changed.bio).toBe("Guitar on Tuesdays.");
        expect(changed.skills.map((s) => s.name)).toEqual(["Guitar", "Spanish"]);
      });

      it("shows signed-in viewers the same card, with their own relation to the person", async () => {
        const ana = await newPublicPerson(core, "Ana", { Guitar: 4 });
        const bob = await newPerson(core, "Bob");
        await core.services.follows.follow(bob, { handle: ana.handle });
        const anonymous = await core.services.profiles.get(null, ana.handle);
        await editWithoutEvent(ana.userId, "not announced");
        const seenByBob = await core.services.profiles.get(bob, ana.handle);
        expect(seenByBob).toEqual({ ...anonymous, relation: expect.objectContaining({ youFollow: true }) });
        expect(anonymous.relation).toBeNull();

        const own = await core.services.profiles.get(ana, ana.handle);
        expect(own).toMatchObject({ isOwner: true, bio: "not announced" });
      });

      it("is gone at once when the person turns private or leaves", async () => {
        const bea = await newPublicPerson(core, "Bea");
        await core.services.profiles.get(null, bea.handle);
        await core.services.profiles.update(bea, { visibility: "private" });
        expect((await domainErrorOf(() => core.services.profiles.get(null, bea.handle))).code).toBe("USER.NOT_FOUND");

        const cy = await newPublicPerson(core, "Cy");
        await core.services.profiles.get(null, cy.handle);
        await core.services.profiles.deleteAccount(cy, cy.handle);
        expect((await domainErrorOf(() => core.services.profiles.get(null, cy.handle))).code).toBe("USER.NOT_FOUND");
      });

      it("is hidden by another process the moment the person turns private, before it hears of the change", async () => {
        const fay = await newPublicPerson(core, "Fay");
        const outsider = await newPerson(core, "Outsider");
        await other.services.profiles.get(null, fay.handle);
        await other.services.profiles.get(outsider, fay.handle);

        await core.services.profiles.update(fay, { visibility: "communities" });
        expect((await domainErrorOf(() => other.services.profiles.get(null, fay.handle))).code).toBe("USER.NOT_FOUND");
        expect((await domainErrorOf(() => other.services.profiles.get(outsider, fay.handle))).code).toBe(
          "USER.NOT_FOUND",
        );
        const member = await newPerson(core, "Member");
        await newCommunity(core, [fay, member]);
        expect((await other.services.profiles.get(member, fay.handle)).displayName).toBe("Fay");

        await core.services.profiles.update(fay, { visibility: "private" });
        expect((await domainErrorOf(() => other.services.profiles.get(member, fay.handle))).code).toBe(
          "USER.NOT_FOUND",
        );
      });

      it("is hidden from someone the person blocks at once, while others still see it", async () => {
        const gus = await newPublicPerson(core, "Gus");
        const pest = await newPerson(core, "Pest");
        await core.services.profiles.get(pest, gus.handle);
        await core.services.moderation.block(gus, { handle: pest.handle });
        expect((await domainErrorOf(() => core.services.profiles.get(pest, gus.handle))).code).toBe("USER.NOT_FOUND");
        expect((await core.services.profiles.get(null, gus.handle)).displayName).toBe("Gus");
      });

      it("follows a new handle: the old one is nobody's any more", async () => {
        const dee = await newPublicPerson(core, "Dee");
        await core.services.profiles.get(null, dee.handle);
        await core.services.profiles.update(dee, { handle: "dee_teaches" });
        expect((await core.services.profiles.get(null, "dee_teaches")).displayName).toBe("Dee");
        expect((await domainErrorOf(() => core.services.profiles.get(null, dee.handle))).code).toBe("USER.NOT_FOUND");
      });

      it("follows what another process changed within a moment", async () => {
        const eve = await newPublicPerson(core, "Eve");
        expect((await other.services.profiles.get(null, eve.handle)).bio).toBe("");
        await core.services.profiles.update(eve, { bio: "Pottery and Portuguese." });
        await vi.waitFor(async () => {
          expect((await other.services.profiles.get(null, eve.handle)).bio).toBe("Pottery and Portuguese.");
        }, withinAMoment);
      });
    });

    describe(`the skill catalog, on ${provider} with ${cache}`, () => {
      let core: TestCore;
      let other: CoreInternals;
      beforeAll(async () => {
        core = await createTestCore(provider, {}, redis);
        other = await createCore(loadConfig({ DATABASE_URL: core.config.DATABASE_URL, ...redis }, {}), {
          clock: core.clock,
        });
        await cacheReady(core, other);
      });
      afterAll(async () => {
        await other.close();
        await core.close();
      });

      it("offers a skill approved in another process within a moment, in suggestions and in the catalog", async () => {
        expect(await other.services.skills.suggest("kintsu")).toEqual([]);
        expect(await other.services.skills.catalog({ q: "kintsugi" })).toEqual([]);
        expect((await other.services.skills.resolve(await newPerson(core, "Ida"), "Kintsugi repair")).skill).toBeNull();

        const jo = await newPerson(core, "Jo");
        const admin = await newPerson(core, "Admin");
        await newCommunity(core, [jo], [admin]);
        const proposed = await core.services.skills.propose(jo, { name: "Kintsugi repair", category: "cooking-food" });
        await core.services.skills.reviewProposal(admin, { skillId: proposed.id, decision: "approve" });

        expect(await core.services.skills.suggest("kintsu")).toEqual(["Kintsugi repair"]);
        await vi.waitFor(async () => {
          expect(await other.services.skills.suggest("kintsu")).toEqual(["Kintsugi repair"]);
          const [category] = await other.services.skills.catalog({ q: "kintsugi" });
          expect(category?.skills.map((skill) => skill.name)).toEqual(["Kintsugi repair"]);
        }, withinAMoment);
      });
    });
  }

  describe(`on ${provider} while Redis is down`, () => {
    let core: TestCore;
    beforeAll(async () => {
      // Port 9 (discard) is closed on a test machine: every connection is refused.
      core = await createTestCore(provider, { log: () => undefined }, { REDIS_URL: "redis://127.0.0.1:9" });
    });
    afterAll(() => core.close());

    it("answers profiles, the catalog and suggestions from the database, changes included", async () => {
      const hal = await newPublicPerson(core, "Hal", { Guitar: 3 });
      expect((await core.services.profiles.get(null, hal.handle)).skills.map((s) => s.name)).toEqual(["Guitar"]);
      await core.services.profiles.update(hal, { bio: "Still here." });
      expect((await core.services.profiles.get(null, hal.handle)).bio).toBe("Still here.");
      expect((await core.services.skills.catalog()).length).toBeGreaterThan(0);
      expect(await core.services.skills.suggest("guita")).toContain("Guitar");
    });

    it("still counts attempts towards rate limits", async () => {
      const attempt = () => core.services.rateLimits.consume("login", "203.0.113.9", { max: 2, windowMs: 60_000 });
      await attempt();
      await attempt();
      expect((await domainErrorOf(attempt)).code).toBe("RATE_LIMIT.EXCEEDED");
    });
  });
}
