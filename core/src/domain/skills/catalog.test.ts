import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCore, newPerson, testProviders, type TestCore } from "../../testing/index.js";
import { ensureCatalog, skillIdFor } from "./catalog.js";

for (const provider of testProviders()) {
  describe(`loading the catalog on ${provider}`, () => {
    let core: TestCore;
    beforeAll(async () => {
      core = await createTestCore(provider);
    });
    afterAll(() => core.close());

    it("changes nothing when the catalog is already loaded", async () => {
      expect(await ensureCatalog(core.database.db)).toEqual({ categories: 0, skills: 0, aliases: 0 });
    });

    it("gives an installation from an older release the spellings added since, once", async () => {
      const { db } = core.database;
      // An older release knew Guitar by its name, aliases and misspellings only.
      const removed = await db.skillAlias.deleteMany({ where: { skillId: skillIdFor("guitar"), kind: "translation" } });
      expect(removed.count).toBeGreaterThan(5);
      const someone = await newPerson(core, "Upgrader");
      expect((await core.services.skills.resolve(someone, "ギター")).skill).toBeNull();

      expect(await ensureCatalog(db)).toEqual({ categories: 0, skills: 0, aliases: removed.count });
      for (const text of ["ギター", "гитара", "Gitarre"])
        expect((await core.services.skills.resolve(someone, text)).skill?.name, text).toBe("Guitar");
      expect(await ensureCatalog(db)).toEqual({ categories: 0, skills: 0, aliases: 0 });
    });
  });
}
