import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseProvider } from "../config.js";

export type Cell = string | number | null | Date;

/**
 * Inserts many rows fast, under Prisma: one prepared statement per table inside one SQLite transaction, or
 * multi-row INSERTs on PostgreSQL. Used only for bulk synthetic data; use cases always go through Prisma.
 * Existing rows are skipped (ON CONFLICT DO NOTHING), so a rerun is harmless.
 */
export interface BulkWriter {
  insert(table: string, columns: readonly string[], rows: readonly Cell[][]): Promise<void>;
  commit(): Promise<void>;
  close(): Promise<void>;
}

// The Prisma SQLite adapter stores DateTime as ISO-8601 text with an explicit offset; match it exactly so
// Prisma reads these rows and text ordering stays chronological.
const sqliteCell = (cell: Cell) => (cell instanceof Date ? cell.toISOString().replace("Z", "+00:00") : cell);

function sqliteWriter(url: string): BulkWriter {
  const db = new Database(url.replace(/^file:/, ""), { timeout: 30_000 });
  db.pragma("foreign_keys = ON");
  db.exec("BEGIN IMMEDIATE");
  const statements = new Map<string, Database.Statement>();
  return {
    insert: (table, columns, rows) => {
      const key = `${table}(${columns.join(",")})`;
      let statement = statements.get(key);
      if (statement === undefined) {
        const sql = `INSERT OR IGNORE INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;
        statement = db.prepare(sql);
        statements.set(key, statement);
      }
      for (const row of rows) statement.run(row.map(sqliteCell));
      return Promise.resolve();
    },
    commit: () => {
      db.exec("COMMIT");
      return Promise.resolve();
    },
    close: () => {
      if (db.inTransaction) db.exec("ROLLBACK");
      db.close();
      return Promise.resolve();
    },
  };
}

// Prisma's DateTime is TIMESTAMP(3) without time zone on PostgreSQL, holding UTC. node-postgres would send a Date
// as local time with an offset, which such a column silently drops: send the UTC instant as text instead.
const postgresCell = (cell: Cell) => (cell instanceof Date ? cell.toISOString() : cell);

function postgresWriter(url: string): BulkWriter {
  const client = new pg.Client({ connectionString: url });
  const ready = client.connect().then(() => client.query("BEGIN"));
  // PostgreSQL allows 65,535 bind parameters per statement.
  const batchRows = (columns: number) => Math.max(1, Math.floor(60_000 / columns));
  const written = new Set<string>();
  return {
    insert: async (table, columns, rows) => {
      await ready;
      written.add(table);
      const size = batchRows(columns.length);
      for (let start = 0; start < rows.length; start += size) {
        const batch = rows.slice(start, start + size);
        const values = batch.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(", ")})`);
        await client.query(
          `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${values.join(", ")} ON CONFLICT DO NOTHING`,
          batch.flat().map(postgresCell),
        );
      }
    },
    commit: async () => {
      await ready;
      await client.query("COMMIT");
      // Until tables are analysed the planner plans for near-empty ones, and autovacuum may be off or a minute
      // away: a search right after a bulk load then took seconds instead of milliseconds.
      if (written.size > 0) await client.query(`ANALYZE ${[...written].map((t) => `"${t}"`).join(", ")}`);
    },
    close: async () => {
      await ready.catch(() => undefined);
      await client.end();
    },
  };
}

export function openBulkWriter(provider: DatabaseProvider, url: string): BulkWriter {
  return provider === "sqlite" ? sqliteWriter(url) : postgresWriter(url);
}
