import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCore, testProviders, type TestCore } from "../testing/index.js";
import { seedDemo } from "./demo.js";
import { seedSynthetic } from "./synthetic.js";

for (const provider of testProviders()) {
  describe(`demo data on ${provider}`, () => {
    let core: TestCore;
    beforeAll(async () => {
      core = await createTestCore(provider);
    });
    afterAll(() => core.close());

    it("creates at least 200 people in at least 20 cities and several time zones", async () => {
      expect(await seedDemo(core)).toEqual({ created: true, users: 240 });
      const { db } = core.database;
      const people = await db.user.findMany({
        where: { id: { startsWith: "demo-user-" } },
        select: { locationId: true, timeZone: true, bio: true, skills: { select: { direction: true } } },
      });
      expect(people.length).toBeGreaterThanOrEqual(200);
      expect(new Set(people.map((p) => p.locationId)).size).toBeGreaterThanOrEqual(20);
      expect(new Set(people.map((p) => p.timeZone)).size).toBeGreaterThanOrEqual(10);
      for (const person of people) {
        expect(person.skills.some((s) => s.direction === "teach")).toBe(true);
        expect(person.skills.some((s) => s.direction === "learn")).toBe(true);
        expect(person.bio.length).toBeGreaterThan(40);
      }
    });

    it("also seeds communities, groups with owners, availability and follows", async () => {
      const { db } = core.database;
      expect(await db.community.count({ where: { id: { startsWith: "demo-" } } })).toBe(2);
      const groups = await db.group.findMany({
        where: { id: { startsWith: "demo-group-" } },
        select: { members: { select: { role: true } } },
      });
      expect(groups.length).toBe(8);
      for (const group of groups) expect(group.members.filter((m) => m.role === "owner")).toHaveLength(1);
      expect(await db.follow.count({ where: { followerId: { startsWith: "demo-user-" } } })).toBe(600);
      expect(await db.availabilitySlot.count({ where: { userId: { startsWith: "demo-user-" } } })).toBeGreaterThan(200);
    });

    it("changes nothing when run again", async () => {
      const { db } = core.database;
      const before = await Promise.all([
        db.user.count({ where: { id: { not: "" } } }),
        db.userSkill.count({ where: { id: { not: "" } } }),
        db.follow.count({ where: { followerId: { not: "" } } }),
      ]);
      expect(await seedDemo(core)).toEqual({ created: false, users: 240 });
      const after = await Promise.all([
        db.user.count({ where: { id: { not: "" } } }),
        db.userSkill.count({ where: { id: { not: "" } } }),
        db.follow.count({ where: { followerId: { not: "" } } }),
      ]);
      expect(after).toEqual(before);
    });

    it("gives public demo profiles that anyone can read through the use cases", async () => {
      const someone = await core.database.db.user.findFirstOrThrow({
        where: { id: { startsWith: "demo-user-" }, visibility: "public" },
        select: { handle: true },
      });
      const profile = await core.services.profiles.get(null, someone.handle);
      expect(profile.location).not.toBeNull();
      expect(profile.skills.length).toBeGreaterThanOrEqual(3);
    });
  });

  describe(`synthetic users on ${provider}`, () => {
    let core: TestCore;
    beforeAll(async () => {
      core = await createTestCore(provider);
    });
    afterAll(() => core.close());

    async function fingerprint(seed: number): Promise<string> {
      const { db } = core.database;
      const prefix = `syn-${seed}-`;
      const users = await db.user.findMany({
        where: { id: { startsWith: prefix } },
        select: { handle: true, displayName: true, locationId: true, visibility: true },
        orderBy: { id: "asc" },
      });
      const skills = await db.userSkill.findMany({
        where: { userId: { startsWith: prefix } },
        select: { userId: true, skillId: true, direction: true, level: true },
        orderBy: { id: "asc" },
      });
      return createHash("sha256")
        .update(JSON.stringify([users, skills]))
        .digest("hex");
    }

    it("writes exactly the rows it reports", async () => {
      const result = await seedSynthetic(core, { users: 2_000, seed: 7 });
      const { db } = core.database;
      expect(result.users).toBe(2_000);
      expect(await db.user.count({ where: { id: { startsWith: "syn-7-" } } })).toBe(2_000);
      expect(await db.userSkill.count({ where: { userId: { startsWith: "syn-7-" } } })).toBe(result.userSkills);
      expect(await db.availabilitySlot.count({ where: { userId: { startsWith: "syn-7-" } } })).toBe(result.slots);
      const sample = await core.services.profiles.me({ userId: "syn-7-42" });
      expect(sample.skills.length).toBeGreaterThanOrEqual(2);
      expect(sample.location).not.toBeNull();
    });

    it("is deterministic: the same seed gives the same people, another seed other people", async () => {
      const first = await fingerprint(7);
      expect(await seedSynthetic(core, { users: 2_000, seed: 7 })).toMatchObject({ users: 2_000 });
      expect(await fingerprint(7)).toBe(first);
      await seedSynthetic(core, { users: 2_000, seed: 8 });
      const other = await fingerprint(8);
      expect(other).not.toBe(first);
      // Same generator, fresh database: the seed alone decides the data.
      const again = await createTestCore(provider);
      try {
        await seedSynthetic(again, { users: 2_000, seed: 7 });
        const users = await again.database.db.user.findMany({
          where: { id: { startsWith: "syn-7-" } },
          select: { handle: true, displayName: true, locationId: true, visibility: true },
          orderBy: { id: "asc" },
        });
        const mine = await core.database.db.user.findMany({
          where: { id: { startsWith: "syn-7-" } },
          select: { handle: true, displayName: true, locationId: true, visibility: true },
          orderBy: { id: "asc" },
        });
        expect(users).toEqual(mine);
      } finally {
        await again.close();
      }
    });
  });
}
