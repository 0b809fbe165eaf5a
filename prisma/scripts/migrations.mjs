// Where migrations live and what schema text each one was made from.
// Every SQLite migration folder keeps a snapshot of schema.prisma as it was when the migration was made:
// the next migration is the diff from that snapshot, and "no drift" means the diff to the current schema is empty.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const migrationDirs = {
  sqlite: fileURLToPath(new URL("../migrations", import.meta.url)),
  postgresql: fileURLToPath(new URL("../postgres/migrations", import.meta.url)),
};
export const snapshotFile = "schema.snapshot.prisma";

export function listMigrations(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d{14}_[a-z0-9_]+$/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** The SQLite schema text the newest migration was made from, or null before the first one. */
export function latestSnapshot() {
  const names = listMigrations(migrationDirs.sqlite);
  const last = names.at(-1);
  if (last === undefined) return null;
  return readFileSync(join(migrationDirs.sqlite, last, snapshotFile), "utf8");
}
