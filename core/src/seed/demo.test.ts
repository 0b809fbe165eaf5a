import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleField } from "../domain/shared/fields.js";
import { catalogSkills } from "../domain/skills/catalog-data.js";
import { skillIdFor } from "../domain/skills/catalog.js";
import { createTestCore, testProviders, type TestCore } from "../testing/index.js";
import { seedDemo } from "./demo.js";

const demo = { id: { startsWith: "demo-user-" } };
const skillNames = new Map(catalogSkills.map((s) => [skillIdFor(s.slug), s.name]));

for (const provider of testProviders()) {
  describe(`demo data on ${provider}`, () => {
    let core: TestCore;
    beforeAll(async () => {
      core = await createTestCore(provider);
    });
    afterAll(() => core.close());

    it("creates at least 200 people in at least 20 cities and several time zones", async () => {
      expect(await seedDemo(core)).toEqual({ created: true, users: 240 });
      const people = await core.database.db.user.findMany({
        where: demo,
        select: { locationId: true, timeZone: true },
      });
      expect(people.length).toBeGreaterThanOrEqual(200);
      expect(new Set(people.map((p) => p.locationId)).size).toBeGreaterThanOrEqual(20);
      expect(new Set(people.map((p) => p.timeZone)).size).toBeGreaterThanOrEqual(10);
    });

    it("gives everyone a valid handle, something to teach, something to learn and a bio about it", async () => {
      const people = await core.database.db.user.findMany({
        where: demo,
        select: { handle: true, bio: true, skills: { select: { direction: true, skillId: true } } },
      });
      for (const person of people) {
        expect(handleField.safeParse(person.handle).success, person.handle).toBe(true);
        expect(person.skills.some((s) => s.direction === "teach")).toBe(true);
        expect(person.skills.some((s) => s.direction === "learn")).toBe(true);
        const teaches = person.skills.filter((s) => s.direction === "teach").map((s) => skillNames.get(s.skillId));
        expect(
          teaches.some((name) => name !== undefined && person.bio.includes(name)),
          person.bio,
        ).toBe(true);
      }
    });

    it("makes languages, programming and music more common than the long tail", async () => {
      const { db } = core.database;
      const count = (slug: string) => db.userSkill.count({ where: { skillId: skillIdFor(slug), userId: demo.id } });
      const common = await Promise.all(["english", "spanish", "guitar", "javascript", "python"].map(count));
      const niche = await Promise.all(["watercolor-painting", "ukulele", "rock-climbing"].map(count));
      expect(Math.min(...common)).toBeGreaterThan(Math.max(...niche));
    });

    it("puts everyone in a community with a platform identity from it, and each community has admins", async () => {
      const { db } = core.database;
      const people = await db.user.findMany({
        where: demo,
        select: {
          identities: { select: { provider: true, tenantId: true } },
          memberships: { select: { community: { select: { platform: true, externalId: true } } } },
        },
      });
      for (const person of people) {
        const community = person.memberships[0]?.community;
        const tenantId = community?.platform === "slack" ? community.externalId : "";
        expect(person.identities).toEqual([{ provider: community?.platform, tenantId }]);
      }
      const admins = await db.communityMember.groupBy({ by: ["communityId"], where: { role: "admin" }, _count: true });
      expect(admins).toHaveLength(2);
    });

    it("also seeds groups with one owner each, members from the group's community, availability and follows", async () => {
      const { db } = core.database;
      const groups = await db.group.findMany({
        where: { id: { startsWith: "demo-group-" } },
        select: {
          communityId: true,
          members: { select: { role: true, user: { select: { memberships: { select: { communityId: true } } } } } },
        },
      });
      expect(groups).toHaveLength(8);
      for (const group of groups) {
        expect(group.members.filter((m) => m.role === "owner")).toHaveLength(1);
        if (group.communityId === null) continue;
        for (const member of group.members) {
          expect(member.user.memberships.map((m) => m.communityId)).toContain(group.communityId);
        }
      }
      const follows = await db.follow.findMany({
        where: { followerId: demo.id },
        select: { followerId: true, followeeId: true },
      });
      expect(follows).toHaveLength(600);
      expect(follows.filter((f) => f.followerId === f.followeeId)).toEqual([]);
      expect(await db.availabilitySlot.count({ where: { userId: demo.id } })).toBeGreaterThanOrEqual(240);
    });

    it("changes nothing when run again", async () => {
      const { db } = core.database;
      const counts = () =>
        Promise.all([
          db.user.count({ where: { id: { not: "" } } }),
          db.userSkill.count({ where: { id: { not: "" } } }),
          db.availabilitySlot.count({ where: { id: { not: "" } } }),
          db.follow.count({ where: { followerId: { not: "" } } }),
          db.groupMember.count({ where: { userId: { not: "" } } }),
        ]);
      const before = await counts();
      expect(await seedDemo(core)).toEqual({ created: false, users: 240 });
      expect(await counts()).toEqual(before);
    });

    it("gives public demo profiles that anyone can read through the use cases", async () => {
      const someone = await core.database.db.user.findFirstOrThrow({
        where: { ...demo, visibility: "public" },
        select: { handle: true },
      });
      const profile = await core.services.profiles.get(null, someone.handle);
      expect(profile.location).not.toBeNull();
      expect(profile.skills.length).toBeGreaterThanOrEqual(3);
    });
  });
}
