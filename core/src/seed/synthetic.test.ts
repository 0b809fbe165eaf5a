import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CoreInternals } from "../app.js";
import { createTestCore, testProviders, type TestCore } from "../testing/index.js";
import { seedSynthetic } from "./synthetic.js";

/** A hash of the sorted handles and (user, skill, direction, level) tuples of one seed's people. */
async function fingerprint(core: CoreInternals, seed: number): Promise<string> {
  const { db } = core.database;
  const prefix = `syn-${seed}-`;
  const users = await db.user.findMany({ where: { id: { startsWith: prefix } }, select: { handle: true } });
  const skills = await db.userSkill.findMany({
    where: { userId: { startsWith: prefix } },
    select: { userId: true, skillId: true, direction: true, level: true },
  });
  const lines = [
    ...users.map((u) => u.handle).sort(),
    ...skills.map((s) => `${s.userId} ${s.skillId} ${s.direction} ${s.level}`).sort(),
  ];
  return createHash("sha256").update(lines.join("\n")).digest("hex");
}

for (const provider of testProviders()) {
  describe(`synthetic users on ${provider}`, () => {
    let core: TestCore;
    beforeAll(async () => {
      core = await createTestCore(provider);
    });
    afterAll(() => core.close());

    it("writes exactly the rows it reports", async () => {
      const result = await seedSynthetic(core, { users: 2_000, seed: 7 });
      const { db } = core.database;
      expect(result.users).toBe(2_000);
      expect(await db.user.count({ where: { id: { startsWith: "syn-7-" } } })).toBe(2_000);
      expect(await db.userSkill.count({ where: { userId: { startsWith: "syn-7-" } } })).toBe(result.userSkills);
      expect(await db.availabilitySlot.count({ where: { userId: { startsWith: "syn-7-" } } })).toBe(result.slots);
    });

    it("gives every person something to teach and something to learn, readable through the use cases", async () => {
      const { db } = core.database;
      const directions = await db.userSkill.groupBy({
        by: ["direction"],
        where: { userId: { startsWith: "syn-7-" } },
        _count: { _all: true },
      });
      expect(directions).toHaveLength(2);
      for (const direction of ["teach", "learn"]) {
        const people = await db.userSkill.findMany({
          where: { userId: { startsWith: "syn-7-" }, direction },
          distinct: ["userId"],
          select: { userId: true },
        });
        expect(people).toHaveLength(2_000);
      }
      const sample = await core.services.profiles.me({ userId: "syn-7-42" });
      expect(sample.handle).toBe("user-7-42");
      expect(sample.location).not.toBeNull();
    });

    it("stores instants Prisma reads back as written, whatever the process time zone", async () => {
      // Synthetic people joined a whole number of days before the test clock's 10:00 UTC.
      const people = await core.database.db.user.findMany({
        where: { id: { startsWith: "syn-7-" } },
        select: { createdAt: true },
        take: 50,
      });
      for (const person of people) expect(person.createdAt.toISOString()).toMatch(/T10:00:00\.000Z$/);
    });

    it.runIf(provider === "postgresql")(
      "leaves PostgreSQL planning for the rows it wrote, not for empty tables",
      async () => {
        // Autovacuum may be off or not yet round: a search right after a bulk load ran for seconds without this.
        const { readRows } = core.database;
        const [planned] = await readRows(`SELECT reltuples FROM pg_class WHERE relname = 'User'`, []);
        const [counted] = await readRows(`SELECT COUNT(*) AS n FROM "User"`, []);
        expect(Number(planned?.reltuples)).toBe(Number(counted?.n));
      },
    );

    it("is deterministic: the same seed gives the same people, another seed other people", async () => {
      const first = await fingerprint(core, 7);
      expect(await seedSynthetic(core, { users: 2_000, seed: 7 })).toMatchObject({ users: 2_000 });
      expect(await fingerprint(core, 7)).toBe(first);
      await seedSynthetic(core, { users: 2_000, seed: 8 });
      expect(await fingerprint(core, 8)).not.toBe(first);
      // Same generator, fresh database: the seed alone decides the data.
      const again = await createTestCore(provider);
      try {
        await seedSynthetic(again, { users: 2_000, seed: 7 });
        expect(await fingerprint(again, 7)).toBe(first);
      } finally {
        await again.close();
      }
    });
  });
}
