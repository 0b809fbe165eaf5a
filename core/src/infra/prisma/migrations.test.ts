import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "../../config.js";
import { freshPostgresDatabase } from "../../testing/postgres.js";
import { openDatabase } from "./database.js";
import { migrate, readMigrations } from "./migrate.js";

const repo = fileURLToPath(new URL("../../../../", import.meta.url));
const checkDrift = (...args: string[]) =>
  execFileSync(
    process.execPath,
    ["--experimental-wasm-modules", "--no-warnings", "prisma/scripts/check-drift.mjs", ...args],
    {
      cwd: repo,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    },
  );

const dir = mkdtempSync(join(tmpdir(), "skillswap-migrations-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the schema and its migrations", () => {
  it("agree: every change to schema.prisma has a migration for SQLite and PostgreSQL", () => {
    expect(checkDrift()).toContain("Schema and migrations agree.");
  });

  it("ship the same migrations for both databases", () => {
    expect(readMigrations("postgresql").map((m) => m.name)).toEqual(readMigrations("sqlite").map((m) => m.name));
    expect(readMigrations("sqlite").length).toBeGreaterThan(0);
  });
});

describe("migrating an empty SQLite file", () => {
  const url = `file:${join(dir, "fresh.db")}`;

  it("applies every migration and records it the way prisma migrate deploy does", async () => {
    const report = await migrate("sqlite", url);
    expect(report.applied).toEqual(readMigrations("sqlite").map((m) => m.name));
    const db = new Database(url.slice("file:".length), { readonly: true });
    const rows = db
      .prepare(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations`)
      .all();
    db.close();
    expect(rows).toEqual(
      readMigrations("sqlite").map((m) => ({
        migration_name: m.name,
        checksum: m.checksum,
        finished_at: expect.any(Number) as unknown,
        applied_steps_count: 1,
      })),
    );
  });

  it("yields exactly the database schema.prisma describes", () => {
    expect(checkDrift("--database", url)).toContain("Schema and migrations agree.");
  });

  it("applies nothing the second time", async () => {
    const report = await migrate("sqlite", url);
    expect(report).toEqual({ applied: [], alreadyApplied: readMigrations("sqlite").length, modified: [] });
  });

  it("runs in WAL mode with foreign keys enforced", async () => {
    const database = await openDatabase(url);
    try {
      expect(await database.db.$queryRawUnsafe(`PRAGMA journal_mode`)).toEqual([{ journal_mode: "wal" }]);
      await expect(
        database.db.identity.create({ data: { id: "i1", userId: "nobody", provider: "discord", subject: "1" } }),
      ).rejects.toThrow();
    } finally {
      await database.close();
    }
  });

  it("notices a migration edited after it was applied", async () => {
    const edited = readMigrations("sqlite").map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
    const report = await migrate("sqlite", url, edited);
    expect(report.modified).toEqual([edited[0]?.name]);
  });
});

describe("upgrading a SQLite file that holds people", () => {
  it("keeps every row that points at a table a migration rebuilds", async () => {
    const file = join(dir, "upgrade.db");
    const all = readMigrations("sqlite");
    // The newest migrations before one that rebuilds User (SQLite cannot add every kind of column in place).
    const rebuild = all.findIndex((m) => m.sql.includes(`DROP TABLE "User"`));
    expect(rebuild).toBeGreaterThan(0);
    await migrate("sqlite", `file:${file}`, all.slice(0, rebuild));
    const db = new Database(file);
    db.exec(`INSERT INTO "User" (id, handle, displayName, updatedAt) VALUES ('u1', 'ana', 'Ana', 0);
      INSERT INTO "Identity" (id, userId, provider, subject) VALUES ('i1', 'u1', 'discord', '42');`);
    db.close();

    await migrate("sqlite", `file:${file}`, all);

    const after = new Database(file, { readonly: true });
    const identities = after.prepare(`SELECT id, userId FROM "Identity"`).all();
    const dangling = after.pragma("foreign_key_check");
    after.close();
    expect(identities).toEqual([{ id: "i1", userId: "u1" }]);
    expect(dangling).toEqual([]);
  });
});

describe("the empty-where guard", () => {
  it("refuses a bulk delete whose filter is undefined instead of deleting every row", async () => {
    const database = await openDatabase(`file:${join(dir, "guard.db")}`);
    try {
      await database.db.user.create({ data: { id: "u1", handle: "ana", displayName: "Ana" } });
      // Typed code cannot write this under exactOptionalPropertyTypes; values parsed from outside still can.
      const fromOutside = { id: undefined } as unknown as { id: string };
      await expect(database.db.user.deleteMany({ where: fromOutside })).rejects.toThrow(/without a where clause/);
      await expect(database.db.user.updateMany({ where: {}, data: { bio: "x" } })).rejects.toThrow(
        /without a where clause/,
      );
      expect(await database.db.user.count({ where: { id: "u1" } })).toBe(1);
    } finally {
      await database.close();
    }
  });
});

describe.runIf(testDatabaseUrl() !== undefined)("migrating an empty PostgreSQL database", () => {
  it("applies every migration once, records it, and creates the whole model", async () => {
    const fresh = await freshPostgresDatabase();
    try {
      const first = await migrate("postgresql", fresh.url);
      const second = await migrate("postgresql", fresh.url);
      expect(first.applied).toEqual(readMigrations("postgresql").map((m) => m.name));
      expect(second.applied).toEqual([]);
      const client = new pg.Client({ connectionString: fresh.url });
      await client.connect();
      const recorded = await client.query(
        `SELECT migration_name, checksum, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`,
      );
      const tables = await client.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
      );
      await client.end();
      expect(recorded.rows).toEqual(
        readMigrations("postgresql").map((m) => ({
          migration_name: m.name,
          checksum: m.checksum,
          applied_steps_count: 1,
        })),
      );
      expect(tables.rows.map((r: { table_name: string }) => r.table_name)).toEqual(
        expect.arrayContaining([
          "User",
          "Identity",
          "Community",
          "Skill",
          "SkillAlias",
          "UserSkill",
          "Swap",
          "Message",
          "Review",
          "OutboxEvent",
          "AuditLog",
        ]),
      );
      const database = await openDatabase(fresh.url, { migrate: false });
      await database.db.user.create({ data: { id: "u1", handle: "ana", displayName: "Ana" } });
      expect(await database.db.user.count({ where: { handle: "ana" } })).toBe(1);
      await database.close();
    } finally {
      await fresh.drop();
    }
  });
});
