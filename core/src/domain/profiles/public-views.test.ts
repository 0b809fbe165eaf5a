import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createCore, type Core } from "../../app.js";
import { loadConfig } from "../../config.js";
import { createTestCore, domainErrorOf, newPublicPerson, testProviders, type TestCore } from "../../testing/index.js";

// Another process's changes reach this one within a quarter second (see PublicViews); a loaded machine may
// take longer to run the reads, never to notice.
const withinAMoment = { timeout: 10_000, interval: 50 };

for (const provider of testProviders()) {
  describe(`what the public sees of a profile, on ${provider}`, () => {
    let core: TestCore;
    /** A second process on the same database, as a second web server would be. */
    let other: Core;
    beforeAll(async () => {
      core = await createTestCore(provider);
      other = await createCore(loadConfig({ DATABASE_URL: core.config.DATABASE_URL }, {}), { clock: core.clock });
    });
    afterAll(async () => {
      await other.close();
      await core.close();
    });

    it("is one view for every visitor until the person changes, then the change at once", async () => {
      const ana = await newPublicPerson(core, "Ana", { Guitar: 4 });
      const first = await core.services.profiles.get(null, ana.handle);
      expect(await core.services.profiles.get(null, ana.handle.toUpperCase())).toBe(first);

      await core.services.profiles.update(ana, { bio: "Guitar on Tuesdays." });
      await core.services.skills.add(ana, { skill: "Spanish", direction: "learn", level: 1 });
      const changed = await core.services.profiles.get(null, ana.handle);
      expect(changed.bio).toBe("Guitar on Tuesdays.");
      expect(changed.skills.map((s) => s.name)).toEqual(["Guitar", "Spanish"]);
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

      await core.services.profiles.update(eve, { visibility: "private" });
      await vi.waitFor(async () => {
        const refused = await domainErrorOf(() => other.services.profiles.get(null, eve.handle));
        expect(refused.code).toBe("USER.NOT_FOUND");
      }, withinAMoment);
    });
  });
}
