import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestCore,
  domainErrorOf,
  newCommunity,
  newPerson,
  rejectedFields,
  testProviders,
  type TestCore,
} from "../../testing/index.js";
import { maxSkillsPerUser } from "./types.js";

for (const provider of testProviders()) {
  describe(`skills on ${provider}`, () => {
    let core: TestCore;
    beforeAll(async () => {
      core = await createTestCore(provider);
    });
    afterAll(() => core.close());

    describe("the catalog", () => {
      it("ships at least 300 skills in at least 15 categories", async () => {
        const categories = await core.services.skills.catalog();
        expect(categories.length).toBeGreaterThanOrEqual(15);
        expect(categories.flatMap((c) => c.skills).length).toBeGreaterThanOrEqual(300);
      });

      it("knows skills by alias, translation and common misspelling", async () => {
        const someone = await newPerson(core, "Reader");
        const resolve = async (text: string) => (await core.services.skills.resolve(someone, text)).skill?.name;
        expect(await resolve("js")).toBe("JavaScript");
        expect(await resolve("JavaScript")).toBe("JavaScript");
        expect(await resolve("javscript")).toBe("JavaScript");
        expect(await resolve("guitarra")).toBe("Guitar");
        expect(await resolve("  GUITAR ")).toBe("Guitar");
      });

      it("narrows to the skills whose name or alias contains what is typed, in their categories", async () => {
        const categories = await core.services.skills.catalog({ q: "guitarra" });
        expect(categories.flatMap((c) => c.skills.map((s) => s.name))).toContain("Guitar");
        expect(categories.every((c) => c.skills.length > 0)).toBe(true);
        expect(await core.services.skills.catalog({ q: "zzzz-nothing" })).toEqual([]);
      });

      it("suggests what an unknown spelling probably meant", async () => {
        const someone = await newPerson(core, "Typo");
        expect(await core.services.skills.resolve(someone, "pianoo")).toEqual({ skill: null, suggestions: ["Piano"] });
      });
    });

    describe("suggesting skills while typing", () => {
      it("offers names whose name or alias starts with what is typed, then those containing it", async () => {
        const suggestions = await core.services.skills.suggest("guit", 25);
        expect(suggestions[0]).toBe("Guitar");
        expect(await core.services.skills.suggest("guitarra", 5)).toContain("Guitar");
        expect(await core.services.skills.suggest("script", 25)).toContain("JavaScript");
      });

      it("stays within the limit and offers each skill once", async () => {
        const suggestions = await core.services.skills.suggest("a", 10);
        expect(suggestions).toHaveLength(10);
        expect(new Set(suggestions).size).toBe(10);
      });
    });

    describe("listing skills on your profile", () => {
      it("adds a skill to teach with level, notes, mode and its own availability", async () => {
        const ana = await newPerson(core, "Ana");
        const added = await core.services.skills.add(ana, {
          skill: "js",
          direction: "teach",
          level: 4,
          notes: "Node and browsers",
          mode: "online",
          availability: [{ day: "tue", start: "18:00", end: "20:00" }],
        });
        expect(added).toMatchObject({
          skill: { name: "JavaScript", category: expect.any(String) },
          direction: "teach",
          level: 4,
          notes: "Node and browsers",
          mode: "online",
          availability: [{ weekday: 2, startMinute: 1080, endMinute: 1200 }],
        });
        const profile = await core.services.profiles.me(ana);
        expect(profile.skills.map((s) => [s.name, s.direction, s.level])).toEqual([["JavaScript", "teach", 4]]);
        expect(
          await core.database.db.outboxEvent.count({ where: { aggregateId: ana.userId, type: "skill.added" } }),
        ).toBe(1);
      });

      it("lets you teach and learn the same skill, but not list the same thing twice", async () => {
        const bo = await newPerson(core, "Bo");
        await core.services.skills.add(bo, { skill: "Piano", direction: "teach", level: 2 });
        await core.services.skills.add(bo, { skill: "piano", direction: "learn", level: 4 });
        const error = await domainErrorOf(() =>
          core.services.skills.add(bo, { skill: "PIANO", direction: "teach", level: 3 }),
        );
        expect(error.code).toBe("SKILL.ALREADY_LISTED");
        expect(error.kind).toBe("conflict");
      });

      it("explains an unknown skill and offers close names", async () => {
        const cy = await newPerson(core, "Cy");
        const error = await domainErrorOf(() =>
          core.services.skills.add(cy, { skill: "gutar", direction: "learn", level: 1 }),
        );
        expect(error.code).toBe("SKILL.UNKNOWN");
        expect(error.params.suggestions).toContain("Guitar");
      });

      it("names every rejected field", async () => {
        const di = await newPerson(core, "Di");
        expect(
          await rejectedFields(() =>
            core.services.skills.add(di, {
              skill: "",
              direction: "both" as "teach",
              level: 6,
              notes: "n".repeat(501),
              availability: [{ day: "someday", start: "20:00", end: "18:00" }],
            }),
          ),
        ).toEqual(["availability.0.day", "direction", "level", "notes", "skill"]);
        expect(
          await rejectedFields(() => core.services.skills.add(di, { skill: "Chess", direction: "learn", level: 0 })),
        ).toEqual(["level"]);
      });

      it(`stops at ${maxSkillsPerUser} skills with a clear error`, async () => {
        const ed = await newPerson(core, "Ed");
        const catalog = (await core.services.skills.catalog()).flatMap((c) => c.skills);
        for (const skill of catalog.slice(0, maxSkillsPerUser)) {
          await core.services.skills.add(ed, { skill: skill.name, direction: "learn", level: 2 });
        }
        const next = catalog[maxSkillsPerUser];
        const error = await domainErrorOf(() =>
          core.services.skills.add(ed, { skill: next?.name ?? "", direction: "learn", level: 2 }),
        );
        expect(error.code).toBe("SKILL.LIMIT_REACHED");
        expect(error.params.max).toBe(maxSkillsPerUser);
        expect(await core.database.db.userSkill.count({ where: { userId: ed.userId } })).toBe(maxSkillsPerUser);
      });

      it("edits level, notes and a per-skill availability override, then removes the skill", async () => {
        const fay = await newPerson(core, "Fay");
        const added = await core.services.skills.add(fay, { skill: "Spanish", direction: "teach", level: 3 });
        const edited = await core.services.skills.update(fay, added.id, {
          level: 5,
          notes: "native speaker",
          availability: [{ day: 6, start: 600, end: 720 }],
        });
        expect(edited).toMatchObject({
          level: 5,
          notes: "native speaker",
          availability: [{ weekday: 6, startMinute: 600, endMinute: 720 }],
        });
        const cleared = await core.services.skills.update(fay, added.id, { availability: null });
        expect(cleared.availability).toBeNull();
        await core.services.skills.remove(fay, added.id);
        expect((await core.services.profiles.me(fay)).skills).toEqual([]);
      });

      it("never lets one person edit or remove another's skills, nor learn that the skill exists", async () => {
        const owner = await newPerson(core, "Owner");
        const intruder = await newPerson(core, "Intruder");
        const added = await core.services.skills.add(owner, { skill: "Chess", direction: "teach", level: 3 });
        expect((await domainErrorOf(() => core.services.skills.update(intruder, added.id, { level: 1 }))).code).toBe(
          "SKILL.USER_SKILL_NOT_FOUND",
        );
        expect((await domainErrorOf(() => core.services.skills.remove(intruder, added.id))).code).toBe(
          "SKILL.USER_SKILL_NOT_FOUND",
        );
        expect((await core.services.skills.listFor(owner, owner.handle))[0]?.level).toBe(3);
      });

      it("lists my own skills, pending ones included", async () => {
        const mo = await newPerson(core, "Mo");
        const admin = await newPerson(core, "MoAdmin");
        await newCommunity(core, [mo], [admin]);
        await core.services.skills.propose(mo, { name: "Origami cranes", category: "crafts" });
        await core.services.skills.add(mo, { skill: "Yoga", direction: "teach", level: 3 });
        await core.services.skills.add(mo, { skill: "Origami cranes", direction: "learn", level: 2 });
        expect((await core.services.skills.mine(mo)).map((s) => [s.skill.name, s.skill.status])).toEqual([
          ["Yoga", "approved"],
          ["Origami cranes", "pending"],
        ]);
        expect((await core.services.skills.listFor(admin, mo.handle)).map((s) => s.skill.name)).toEqual(["Yoga"]);
      });

      it("shows someone's skills only to those allowed to see their profile", async () => {
        const gus = await newPerson(core, "Gus");
        const stranger = await newPerson(core, "Stranger");
        await core.services.skills.add(gus, { skill: "Yoga", direction: "teach", level: 3 });
        await core.services.profiles.update(gus, { visibility: "private" });
        expect((await domainErrorOf(() => core.services.skills.listFor(stranger, gus.handle))).kind).toBe("not_found");
        await core.services.profiles.update(gus, { visibility: "public" });
        expect((await core.services.skills.listFor(stranger, gus.handle)).map((s) => s.skill.name)).toEqual(["Yoga"]);
      });
    });

    describe("weekly availability", () => {
      it("stores slots as typed, merged, with the meeting mode", async () => {
        const hal = await newPerson(core, "Hal");
        const saved = await core.services.skills.setAvailability(hal, {
          slots: [
            { day: "Tue", start: "18:00", end: "19:00" },
            { day: "tue", start: "19:00", end: "21:00" },
            { day: "Sat", start: "9am", end: "12" },
          ],
          meetingMode: "in_person",
        });
        expect(saved).toEqual({
          slots: [
            { weekday: 2, startMinute: 1080, endMinute: 1260 },
            { weekday: 6, startMinute: 540, endMinute: 720 },
          ],
          meetingMode: "in_person",
          timeZone: "UTC",
        });
        const profile = await core.services.profiles.me(hal);
        expect(profile.availability).toEqual(saved.slots);
        expect(profile.meetingMode).toBe("in_person");
        expect(await core.services.skills.availability(hal)).toEqual(saved);
      });

      it("reads back slots it was given in the shape it answers with, as numbers", async () => {
        const jan = await newPerson(core, "Jan");
        const saved = await core.services.skills.setAvailability(jan, { slots: [{ day: 1, start: 600, end: 660 }] });
        expect(saved.slots).toEqual([{ weekday: 1, startMinute: 600, endMinute: 660 }]);
      });

      it("takes back the slots it answered with, as they are, for a person and for one skill", async () => {
        const kim = await newPerson(core, "Kim");
        const first = await core.services.skills.setAvailability(kim, {
          slots: [{ day: "Tue", start: "18:00", end: "20:00" }],
        });
        expect(await core.services.skills.setAvailability(kim, { slots: [...first.slots] })).toEqual(first);
        const added = await core.services.skills.add(kim, {
          skill: "Chess",
          direction: "teach",
          level: 3,
          availability: [{ weekday: 6, startMinute: 540, endMinute: 720 }],
        });
        expect(added.availability).toEqual([{ weekday: 6, startMinute: 540, endMinute: 720 }]);
        const updated = await core.services.skills.update(kim, added.id, {
          availability: [...(added.availability ?? [])],
        });
        expect(updated.availability).toEqual(added.availability);
      });

      it("names the wrong field of a slot in the shape it answers with", async () => {
        const lee = await newPerson(core, "Lee");
        expect(
          await rejectedFields(() =>
            core.services.skills.setAvailability(lee, {
              slots: [
                { weekday: 7, startMinute: 600, endMinute: 660 },
                { weekday: 1, startMinute: 660, endMinute: 600 },
                { weekday: 1, startMinute: 600, endMinute: 660, day: "mon" },
              ],
            }),
          ),
        ).toEqual(["slots.0.weekday", "slots.1.endMinute", "slots.2.day"]);
      });

      it("names the slot field that is wrong", async () => {
        const ivy = await newPerson(core, "Ivy");
        expect(
          await rejectedFields(() =>
            core.services.skills.setAvailability(ivy, {
              slots: [
                { day: "mon", start: "10:00", end: "11:00" },
                { day: "mon", start: "25:00", end: "26:00" },
              ],
            }),
          ),
        ).toEqual(["slots.1.end", "slots.1.start"]);
      });
    });

    describe("proposing a new skill", () => {
      it("creates a pending community skill the proposer can list, which an admin approves", async () => {
        const jo = await newPerson(core, "Jo");
        const admin = await newPerson(core, "Admin");
        const communityId = await newCommunity(core, [jo], [admin]);
        const proposed = await core.services.skills.propose(jo, { name: "Sourdough baking", category: "cooking-food" });
        expect(proposed).toMatchObject({ name: "Sourdough baking", status: "pending" });
        const listed = await core.services.skills.add(jo, { skill: "sourdough baking", direction: "teach", level: 4 });
        expect(listed.skill.status).toBe("pending");

        expect(
          (
            await domainErrorOf(() =>
              core.services.skills.reviewProposal(jo, { skillId: proposed.id, decision: "approve" }),
            )
          ).code,
        ).toBe("SKILL.ADMIN_ONLY");
        const approved = await core.services.skills.reviewProposal(admin, {
          skillId: proposed.id,
          decision: "approve",
        });
        expect(approved.status).toBe("approved");
        const audit = await core.database.db.auditLog.findFirstOrThrow({
          where: { communityId, targetId: proposed.id },
        });
        expect(audit).toMatchObject({ actorId: admin.userId, action: "skill.approved" });
      });

      it("removes a rejected skill from the profiles that listed it", async () => {
        const kai = await newPerson(core, "Kai");
        const admin = await newPerson(core, "Admin2");
        await newCommunity(core, [kai], [admin]);
        const proposed = await core.services.skills.propose(kai, {
          name: "Competitive napping",
          category: "life-skills",
        });
        await core.services.skills.add(kai, { skill: "Competitive napping", direction: "teach", level: 5 });
        await core.services.skills.reviewProposal(admin, { skillId: proposed.id, decision: "reject" });
        expect((await core.services.profiles.me(kai)).skills).toEqual([]);
      });

      it("refuses to propose what the catalog already has, or outside any community", async () => {
        const lu = await newPerson(core, "Lu");
        expect(
          (await domainErrorOf(() => core.services.skills.propose(lu, { name: "guitarra", category: "music" }))).code,
        ).toBe("SKILL.EXISTS");
        expect(
          await rejectedFields(() =>
            core.services.skills.propose(lu, { name: "Kite surfing lessons", category: "fitness-sports" }),
          ),
        ).toEqual(["communityId"]);
      });
    });
  });
}
