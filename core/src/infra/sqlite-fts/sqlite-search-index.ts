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

const textMatch: SqlDialect["textMatch"] = (field, slots, param) =>
  `SELECT rowid AS doc FROM search_text WHERE search_text MATCH ${param(ftsExpression(textColumns[field], slots))}`;

const dialect: SqlDialect = {
  placeholder: () => "?",
  textMatch,
  // Looked up once for the whole statement: a short prefix reads long lists of words.
  excludeFoundBy: (fields, param) => ({
    cte: `found(doc) AS MATERIALIZED (${fields.map(({ field, slots }) => textMatch(field, slots, param)).join(" UNION ALL ")})`,
    condition: () => `p.doc NOT IN (SELECT doc FROM found)`,
  }),
  distanceKm: (latitude, longitude) => `distance_km(${latitude}, ${longitude}, p.latitude, p.longitude)`,
  integer: (expression) => `CAST(${expression} AS INTEGER)`,
  skillsOfPerson: (alias) => `search_skill ${alias} INDEXED BY search_skill_doc`,
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The embedded search index: tables in the application's SQLite file, FTS5 for names, handles and bios, an
 * FTS5 trigram table for typo lookups. It has its own connections: a read-only one for searches (WAL readers
 * never wait) and a writer.
 *
 * Writes and event loop: better-sqlite3 is synchronous, and so is Prisma's SQLite adapter, so a connection
 * that waits for a lock inside SQLite's busy handler stops the whole process — including the transaction that
 * holds the lock. So the writer never waits inside SQLite: it takes the write lock with BEGIN IMMEDIATE, and
 * when that is busy it retries on a timer, leaving the loop free for the holder to finish. Once it holds the
 * lock, a batch runs without awaiting anything truly asynchronous (reads are synchronous underneath), so no
 * other query starts in between.
 */
export function sqliteSearchIndex(
  database: Database,
  options?: ConstructorParameters<typeof SqlSearchIndex>[1],
): SqlSearchIndex {
  const file = sqliteFile(database.url);
  // Opened on first use: a core created without migrations (doctor) may have no database file yet.
  let readConnection: BetterSqlite3.Database | undefined;
  let writeConnection: BetterSqlite3.Database | undefined;
  const reader = () => {
    if (readConnection !== undefined) return readConnection;
    readConnection = new BetterSqlite3(file, { readonly: true, timeout: 10_000 });
    readConnection.function("distance_km", { deterministic: true }, (lat1, lon1, lat2, lon2) =>
      lat2 === null || lon2 === null
        ? null
        : distanceKm(
            { latitude: Number(lat1), longitude: Number(lon1) },
            { latitude: Number(lat2), longitude: Number(lon2) },
          ),
    );
    return readConnection;
  };
  const writer = () => {
    writeConnection ??= new BetterSqlite3(file, { timeout: 0 });
    return writeConnection;
  };
  const cache = (connection: () => BetterSqlite3.Database) => {
    const statements = new Map<string, BetterSqlite3.Statement>();
    return (sql: string) => {
      let statement = statements.get(sql);
      if (statement === undefined) {
        if (statements.size > 500) statements.clear();
        statement = connection().prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    };
  };
  const prepared = cache(reader);
  const preparedForWrite = cache(writer);
  const select = (sql: string, params: readonly unknown[]) => Promise.resolve(prepared(sql).all(...params) as Row[]);

  async function beginImmediate(connection: BetterSqlite3.Database): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        connection.exec("BEGIN IMMEDIATE");
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== "SQLITE_BUSY" || Date.now() > deadline) throw error;
        await sleep(5);
      }
    }
  }

  const driver: SqlDriver = {
    kind: "sqlite-fts5",
    dialect,
    select,
    transaction: async (work) => {
      const connection = writer();
      await beginImmediate(connection);
      try {
        await work(
          (sql, params) => {
            preparedForWrite(sql).run(...params);
            return Promise.resolve();
          },
          (sql, params) => Promise.resolve(preparedForWrite(sql).all(...params) as Row[]),
        );
        connection.exec("COMMIT");
      } catch (error) {
        if (connection.inTransaction) connection.exec("ROLLBACK");
        throw error;
      }
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
    secondaryIndexes: async (select) =>
      (
        await select(
          `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
           AND tbl_name IN ('search_person', 'search_skill', 'search_slot', 'search_member')`,
          [],
        )
      ).map((r) => ({ name: `"${String(r.name)}"`, sql: String(r.sql) })),
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
      readConnection?.close();
      writeConnection?.close();
      return Promise.resolve();
    },
  };
  return new SqlSearchIndex(driver, options);
}
