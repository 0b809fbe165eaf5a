import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  block,
  createTestCore,
  domainErrorOf,
  newPerson,
  rejectedFields,
  testProviders,
  type TestCore,
} from "../../testing/index.js";

for (const provider of testProviders()) {
  describe(`what two people could swap, before asking, on ${provider}`, () => {
    let core: TestCore;
    beforeAll(async () => {
      core = await createTestCore(provider);
    });
    afterAll(async () => {
      await core.close();
    });

    async function person(name: string, teach: Record<string, number>, learn: Record<string, number> = {}) {
      const p = await newPerson(core, name);
      await core.services.profiles.update(p, { visibility: "public" });
      for (const [skill, level] of Object.entries(teach))
        await core.services.skills.add(p, { skill, direction: "teach", level });
      for (const [skill, level] of Object.entries(learn))
        await core.services.skills.add(p, { skill, direction: "learn", level });
      return p;
    }

    it("lists what each teaches, what the other wants to learn first", async () => {
      const maya = await person("Maya", { Guitar: 4, Cooking: 2 }, { Spanish: 3 });
      const leo = await person("Leo", { Chess: 3, Spanish: 5 }, { Cooking: 2 });
      const choices = await core.services.swaps.choicesWith(maya, leo.handle);
      expect(choices).toMatchObject({ handle: leo.handle, displayName: "Leo" });
      expect(choices.theyTeach).toEqual([
        { name: "Spanish", level: 5, wanted: true },
        { name: "Chess", level: 3, wanted: false },
      ]);
      expect(choices.youTeach).toEqual([
        { name: "Cooking", level: 2, wanted: true },
        { name: "Guitar", level: 4, wanted: false },
      ]);
    });

    it("refuses whom a request would refuse: oneself on the person's field, someone blocked, no one", async () => {
      const maya = await person("Maya", { Guitar: 4 });
      const sam = await person("Sam", { Chess: 2 });
      await block(core, maya, sam);
      expect(await rejectedFields(() => core.services.swaps.choicesWith(maya, maya.handle))).toEqual(["to"]);
      expect((await domainErrorOf(() => core.services.swaps.choicesWith(maya, sam.handle))).code).toBe(
        "SWAP.YOU_BLOCKED",
      );
      expect((await domainErrorOf(() => core.services.swaps.choicesWith(maya, "nobody-here"))).code).toBe(
        "USER.NOT_FOUND",
      );
    });
  });
}
