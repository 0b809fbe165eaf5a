import BetterSqlite3 from "better-sqlite3";
import { distanceKm } from "../gazetteer/distance.js";
import type { Database } from "../prisma/database.js";
import { sqliteFile } from "../prisma/migrate.js";
import type { SqlDialect, WordSlot } from "../search-sql/people-sql.js";
import { SqlSearchIndex, textColumns, type Row, type SqlDriver } from "../search-sql/sql-search-index.js";

/** FTS5 query text: every slot in the column, each slot any of its words (quoted) or its prefix. */
function ftsExpression(column: string, slots: readonly WordSlot[]): string {
  const slot = (s: WordSlot) =>
    `(${[...s.alternatives.map((w) => `"${w}"`), ...(s.prefix === undefined ? [] : [`"${s.prefix}" *`])].join(" OR ")})`;
  return `{${column}} : (${slots.map(slot).join(" AND ")})`;
}

const dialect: SqlDialect = {
  placeholder: () => "?",
  textMatch: (field, slots, param) =>
    `SELECT rowid AS doc FROM search_text WHERE search_text MATCH ${param(ftsExpression(textColumns[field], slots))}`,
  distanceKm: (latitude, longitude) => `distance_km(${latitude}, ${longitude}, p.latitude, p.longitude)`,
  integer: (expression) => `CAST(${expression} AS INTEGER)`,
};

/**
 * The embedded search index: tables in the application's SQLite file, FTS5 for names, handles and bios, an
 * FTS5 trigram table for typo lookups. Reads use their own read-only connection (WAL readers never wait);
 * writes go through the application's Prisma connection, whose transactions are already serialised, so an
 * index write never blocks the event loop waiting for a lock that a pending Prisma transaction holds.
 */
export function sqliteSearchIndex(
  database: Database,
  options?: ConstructorParameters<typeof SqlSearchIndex>[1],
): SqlSearchIndex {
  // Opened on first use: a core created without migrations (doctor) may have no database file yet.
  let connection: BetterSqlite3.Database | undefined;
  const reader = () => {
    if (connection !== undefined) return connection;
    connection = new BetterSqlite3(sqliteFile(database.url), { readonly: true, timeout: 10_000 });
    connection.function("distance_km", { deterministic: true }, (lat1, lon1, lat2, lon2) =>
      lat2 === null || lon2 === null
        ? null
        : distanceKm(
            { latitude: Number(lat1), longitude: Number(lon1) },
            { latitude: Number(lat2), longitude: Number(lon2) },
          ),
    );
    return connection;
  };
  const statements = new Map<string, BetterSqlite3.Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      if (statements.size > 500) statements.clear();
      statement = reader().prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const select = (sql: string, params: readonly unknown[]) => Promise.resolve(prepared(sql).all(...params) as Row[]);

  const driver: SqlDriver = {
    kind: "sqlite-fts5",
    dialect,
    select,
    transaction: async (work) => {
      await database.db.$transaction(
        async (tx) => {
          await work(
            async (sql, params) => {
              await tx.$executeRawUnsafe(sql, ...params);
            },
            (sql, params) => tx.$queryRawUnsafe<Row[]>(sql, ...params),
          );
        },
        // A full rebuild of 100,000 people takes seconds, not Prisma's default 5.
        { timeout: 600_000, maxWait: 60_000 },
      );
    },
    writeText: async (run, rows) => {
      const perStatement = 5_000;
      for (let i = 0; i < rows.length; i += perStatement) {
        const batch = rows.slice(i, i + perStatement);
        await run(
          `INSERT INTO search_text (rowid, name_words, handle_words, bio_words) VALUES ${batch.map(() => "(?, ?, ?, ?)").join(", ")}`,
          batch.flatMap(({ doc, row }) => [doc, row.nameWords, row.handleWords, row.bioWords]),
        );
      }
    },
    deleteText: async (run, docs) => {
      await run(`DELETE FROM search_text WHERE rowid IN (${docs.map(() => "?").join(", ")})`, docs);
    },
    clearText: async (run) => {
      await run(`DELETE FROM search_text`, []);
      await run(`DELETE FROM search_word`, []);
      await run(`DELETE FROM search_term`, []);
    },
    trigramNeighbours: (word) => {
      const trigrams = [
        ...new Set(Array.from({ length: Math.max(0, word.length - 2) }, (_, i) => word.slice(i, i + 3))),
      ];
      if (trigrams.length === 0) return Promise.resolve([]);
      const rows = prepared(`SELECT term FROM search_term WHERE search_term MATCH ? ORDER BY rank LIMIT 200`).all(
        trigrams.map((t) => `"${t}"`).join(" OR "),
      ) as Row[];
      return Promise.resolve(rows.map((r) => String(r.term)));
    },
    close: () => {
      connection?.close();
      return Promise.resolve();
    },
  };
  return new SqlSearchIndex(driver, options);
}
