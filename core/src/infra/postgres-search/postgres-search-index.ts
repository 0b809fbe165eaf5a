import { plainPool } from "../pg-pool.js";
import type { TextField } from "../../ports/search-index.js";
import type { SqlDialect, WordSlot } from "../search-sql/people-sql.js";
import { SqlSearchIndex, type Row, type SqlDriver } from "../search-sql/sql-search-index.js";

/** The tsvector weight each text field was indexed under (see the search_index migration). */
const weightOf: Record<TextField, string> = { name: "A", handle: "B", bio: "C" };

/** tsquery text: every slot, each any of its words or its prefix, restricted to the field's weight. */
function tsExpression(field: TextField, slots: readonly WordSlot[]): string {
  const weight = weightOf[field];
  const slot = (s: WordSlot) =>
    `(${[...s.alternatives.map((w) => `${w}:${weight}`), ...(s.prefix === undefined ? [] : [`${s.prefix}:*${weight}`])].join(" | ")})`;
  return slots.map(slot).join(" & ");
}

const dialect: SqlDialect = {
  placeholder: (position) => `$${position}`,
  textMatch: (field, slots, param) =>
    `SELECT doc FROM search_person WHERE tsv @@ to_tsquery('simple', ${param(tsExpression(field, slots))})`,
  distanceKm: (latitude, longitude) =>
    `search_distance_km(${latitude}::double precision, ${longitude}::double precision, p.latitude, p.longitude)`,
  integer: (expression) => `CAST(${expression} AS BIGINT)`,
  excludeFoundBy: (fields) => ({
    cte: null,
    condition: (param) =>
      `NOT (p.tsv @@ to_tsquery('simple', ${param(fields.map(({ field, slots }) => `(${tsExpression(field, slots)})`).join(" | "))}))`,
  }),
  skillsOfPerson: (alias) => `search_skill ${alias}`,
};

/** Serialises index writers across processes (web, worker): document numbers are allocated as MAX + 1. */
const writeLock = 72_707_370;

/**
 * The search index in PostgreSQL (used when DATABASE_URL is PostgreSQL and no Elasticsearch is configured):
 * a generated, weighted tsvector with a GIN index for words, pg_trgm for typo lookups, the same SQL as SQLite
 * for everything else.
 */
export function postgresSearchIndex(
  url: string,
  options?: ConstructorParameters<typeof SqlSearchIndex>[1],
): SqlSearchIndex {
  const pool = plainPool(url);
  const select = async (sql: string, params: readonly unknown[]) => (await pool.query<Row>(sql, [...params])).rows;
  const driver: SqlDriver = {
    kind: "postgres-tsvector",
    dialect,
    select,
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query("SELECT pg_advisory_xact_lock($1)", [writeLock]);
        await work(
          async (sql, params) => {
            await client.query(sql, [...params]);
          },
          async (sql, params) => (await client.query<Row>(sql, [...params])).rows,
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
    },
    clearText: async (run) => {
      await run(`DELETE FROM search_word`, []);
    },
    // Without statistics the planner takes the freshly filled tables for empty ones (autovacuum may be off, or
    // not yet round): filtered searches then ran for seconds. ANALYZE may run in the rebuild's transaction, and
    // counts the rows it inserted.
    analyze: async (run) => {
      await run(`ANALYZE search_person, search_skill, search_slot, search_member, search_word`, []);
    },
    secondaryIndexes: async (select) =>
      (
        await select(
          `SELECT i.indexname AS name, i.indexdef AS sql FROM pg_indexes i
           WHERE i.schemaname = current_schema()
             AND i.tablename IN ('search_person', 'search_skill', 'search_slot', 'search_member')
             AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
          [],
        )
      ).map((r) => ({ name: `"${String(r.name)}"`, sql: String(r.sql) })),
    trigramNeighbours: async (word) =>
      (
        await select(
          `SELECT term FROM search_word WHERE term % $1 ORDER BY similarity(term, $1) DESC, term LIMIT 200`,
          [word],
        )
      ).map((r) => String(r.term)),
    close: () => pool.end(),
  };
  return new SqlSearchIndex(driver, options);
}
