import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseProvider } from "../../config.js";

/**
 * Applies pending migrations and records them in `_prisma_migrations` the way `prisma migrate deploy` does
 * (same table, same checksum: sha256 of migration.sql), so the Prisma CLI and this runner agree.
 * It runs at start-up without the schema engine: each migration is one transaction.
 */
const repoPrisma = fileURLToPath(new URL("../../../../prisma/", import.meta.url));
export const migrationsDir: Record<DatabaseProvider, string> = {
  sqlite: join(repoPrisma, "migrations"),
  postgresql: join(repoPrisma, "postgres", "migrations"),
};

export interface Migration {
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

export interface MigrationReport {
  readonly applied: readonly string[];
  readonly alreadyApplied: number;
  /** Applied earlier, but migration.sql has changed since: worth a warning, never a silent re-run. */
  readonly modified: readonly string[];
}

export function readMigrations(provider: DatabaseProvider, dir = migrationsDir[provider]): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

/** The few operations the runner needs, over the raw driver (migration SQL holds many statements). */
interface MigrationDriver {
  ensureTable(): Promise<void>;
  appliedRows(): Promise<AppliedRow[]>;
  apply(migration: Migration): Promise<void>;
  close(): Promise<void>;
}

function sqliteDriver(file: string): MigrationDriver {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 10_000 });
  // WAL lets readers work while one writer writes; the mode is stored in the file.
  db.pragma("journal_mode = WAL");
  return {
    ensureTable: () => {
      db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
        "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
        "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
        "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`);
      return Promise.resolve();
    },
    appliedRows: () =>
      Promise.resolve(
        db
          .prepare(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`)
          .all() as AppliedRow[],
      ),
    apply: (migration) => {
      // IMMEDIATE takes the write lock first, so two processes starting together apply a migration once.
      const run = db.transaction(() => {
        const done = db
          .prepare(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = ? AND rolled_back_at IS NULL`)
          .get(migration.name);
        if (done !== undefined) return;
        db.exec(migration.sql);
        const dangling = db.pragma("foreign_key_check") as unknown[];
        if (dangling.length > 0)
          throw new Error(`${migration.name} leaves ${dangling.length} rows pointing at rows that are gone`);
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES (?, ?, ?, ?, ?, 1)`,
        ).run(randomUUID(), migration.checksum, Date.now(), migration.name, Date.now());
      });
      // Prisma rebuilds a SQLite table by copying it, dropping the old one and renaming the copy. With foreign
      // keys enforced, that DROP deletes (cascades to) every row pointing at the table, and SQLite ignores the
      // migration's own `PRAGMA foreign_keys=OFF` inside a transaction. So keys are off around the transaction
      // and checked before it commits.
      db.pragma("foreign_keys = OFF");
      try {
        run.immediate();
      } finally {
        db.pragma("foreign_keys = ON");
      }
      return Promise.resolve();
    },
    close: () => {
      db.close();
      return Promise.resolve();
    },
  };
}

// The key Prisma itself uses for its migration advisory lock, so this runner and `prisma migrate` exclude each other.
const advisoryLockKey = 72707369;

function postgresDriver(url: string): MigrationDriver {
  const client = new pg.Client({ connectionString: url });
  let connected: Promise<void> | undefined;
  const ready = () =>
    (connected ??= client
      .connect()
      .then(() => client.query("SELECT pg_advisory_lock($1)", [advisoryLockKey]))
      .then(() => undefined));
  return {
    ensureTable: async () => {
      await ready();
      await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
        id VARCHAR(36) PRIMARY KEY NOT NULL, checksum VARCHAR(64) NOT NULL, finished_at TIMESTAMPTZ,
        migration_name VARCHAR(255) NOT NULL, logs TEXT, rolled_back_at TIMESTAMPTZ,
        started_at TIMESTAMPTZ NOT NULL DEFAULT now(), applied_steps_count INTEGER NOT NULL DEFAULT 0)`);
    },
    appliedRows: async () =>
      (
        await client.query<AppliedRow>(
          `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
        )
      ).rows,
    apply: async (migration) => {
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
    close: async () => {
      if (connected !== undefined)
        await client.query("SELECT pg_advisory_unlock($1)", [advisoryLockKey]).catch(() => undefined);
      await client.end();
    },
  };
}

export class MigrationError extends Error {
  override readonly name = "MigrationError";
}

export function sqliteFile(url: string): string {
  return url.replace(/^file:/, "");
}

/** Brings the database at `url` up to the newest migration shipped with this build. */
export async function migrate(
  provider: DatabaseProvider,
  url: string,
  migrations = readMigrations(provider),
): Promise<MigrationReport> {
  const driver = provider === "sqlite" ? sqliteDriver(sqliteFile(url)) : postgresDriver(url);
  try {
    await driver.ensureTable();
    const rows = await driver.appliedRows();
    const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
    if (failed !== undefined) {
      throw new MigrationError(
        `Migration ${failed.migration_name} failed earlier and was never finished. Fix the database, then mark it rolled back (prisma migrate resolve).`,
      );
    }
    const done = new Map(
      rows.filter((row) => row.rolled_back_at === null).map((row) => [row.migration_name, row.checksum]),
    );
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.name)) continue;
      await driver.apply(migration);
      applied.push(migration.name);
    }
    const modified = migrations.filter((m) => done.has(m.name) && done.get(m.name) !== m.checksum).map((m) => m.name);
    return { applied, alreadyApplied: done.size, modified };
  } finally {
    await driver.close();
  }
}
