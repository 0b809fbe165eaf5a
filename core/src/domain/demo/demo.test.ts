import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../seed/demo.js";
import { createTestCore, domainErrorOf, newPerson, type TestCore } from "../../testing/index.js";

describe("trying SkillSwap as a demo person", () => {
  describe("while the demo data is on", () => {
    let core: TestCore;
    beforeAll(async () => {
      core = await createTestCore();
      await seedDemo(core);
    });
    afterAll(() => core.close());

    it("lists the hand-written demo people, in the README's order, with what they teach and learn", async () => {
      const people = await core.services.demo.peopleToTry();
      expect(people.map((person) => person.handle)).toEqual(["maria-lopez", "theo-martin", "sam-okafor"]);
      expect(people[0]).toMatchObject({ displayName: "María López", teaches: ["Guitar", "Spanish"] });
      expect(people[0]?.learns).toEqual(expect.arrayContaining(["Photography", "Python"]));
    });

    it("signs in as a demo person by handle, however it is capitalised", async () => {
      const maria = await core.services.demo.signInAs("Maria-Lopez");
      expect((await core.services.profiles.me(maria)).handle).toBe("maria-lopez");
    });

    it("refuses a generated demo person, a real person and an unknown handle alike", async () => {
      const real = await newPerson(core, "ana");
      const generated = await core.services.profiles.me({ userId: "demo-user-001" });
      for (const handle of [real.handle, generated.handle, "nobody-here"]) {
        expect((await domainErrorOf(() => core.services.demo.signInAs(handle))).code).toBe("DEMO.NOT_A_DEMO_PERSON");
      }
    });
  });

  describe("while the demo data is off", () => {
    let core: TestCore;
    beforeAll(async () => {
      core = await createTestCore("sqlite", {}, { SKILLSWAP_DEMO_DATA: "false" });
      // The rows may still be there (seeded before the switch was turned off): they must not open any door.
      await seedDemo(core);
    });
    afterAll(() => core.close());

    it("lists nobody", async () => {
      expect(await core.services.demo.peopleToTry()).toEqual([]);
    });

    it("signs in as nobody, not even a seeded demo person", async () => {
      expect((await domainErrorOf(() => core.services.demo.signInAs("maria-lopez"))).code).toBe(
        "DEMO.NOT_A_DEMO_PERSON",
      );
    });
  });
});
