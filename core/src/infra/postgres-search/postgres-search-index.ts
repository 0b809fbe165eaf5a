import { plainPool } from "../pg-pool.js";
import type { TextField } from "../../ports/search-index.js";
import type { SqlDialect, WordSlot } from "../search-sql/people-sql.js";
import { SqlSearchIndex, type Row, type SqlDriver } from "../search-sql/sql-search-index.js";

/** Each text field has its own tsvector column and GIN index (see the search_person_fields migration). */
const vectorOf: Record<TextField, string> = { name: "name_tsv", handle: "handle_tsv", bio: "bio_tsv" };

/** tsquery text: every slot, each any of its words or its prefix. */
function tsExpression(slots: readonly WordSlot[]): string {
  const slot = (s: WordSlot) =>
    `(${[...s.alternatives, ...(s.prefix === undefined ? [] : [`${s.prefix}:*`])].join(" | ")})`;
  return slots.map(slot).join(" & ");
}

const dialect: SqlDialect = {
  placeholder: (position) => `$${position}`,
  textMatch: (field, slots, param) =>
    `SELECT doc FROM search_person WHERE ${vectorOf[field]} @@ to_tsquery('simple', ${param(tsExpression(slots))})`,
  distanceKm: (latitude, longitude) =>
    `search_distance_km(${latitude}::double precision, ${longitude}::double precision, p.latitude, p.longitude)`,
  integer: (expression) => `CAST(${expression} AS BIGINT)`,
  excludeFoundBy: (fields) => ({
    cte: null,
    condition: (param) =>
      `NOT (${fields.map(({ field, slots }) => `p.${vectorOf[field]} @@ to_tsquery('simple', ${param(tsExpression(slots))})`).join(" OR ")})`,
  }),
  skillsOfPerson: (alias) => `search_skill ${alias}`,
  inCommunities: (communityIds, param) =>
    `string_to_array(p.community_ids, ' ') && ARRAY[${communityIds.map((id) => `${param(id)}::text`).join(", ")}]`,
  rowsOfPerson: (table, doc) =>
    table === "skill"
      ? `(SELECT json_agg(json_build_array(x.skill_id, x.category_id, x.direction, x.level, x.mode, x.own_week)) FROM search_skill x WHERE x.doc = ${doc})`
      : `(SELECT json_agg(json_build_array(x.skill_id, x.direction, x.start_minute, x.end_minute)) FROM search_slot x WHERE x.doc = ${doc})`,
  fieldCondition: (field, slots, param) =>
    `p.${vectorOf[field]} @@ to_tsquery('simple', ${param(tsExpression(slots))})`,
};

/** Serialises index writers across processes (web, worker): document numbers are allocated as MAX + 1. */
const writeLock = 72_707_370;

/**
 * The search index in PostgreSQL (used when DATABASE_URL is PostgreSQL and no Elasticsearch is configured):
 * a generated tsvector per text field with a GIN index each for words, pg_trgm for typo lookups, the same SQL as SQLite
 * for everything else.
 */
export function postgresSearchIndex(
  url: string,
  options?: ConstructorParameters<typeof SqlSearchIndex>[1],
): SqlSearchIndex {
  // A search reads a page: starting parallel workers costs more than they save (on two cores the distance
  // search took half again as long with them), and they would take the cores other requests are waiting for.
  const pool = plainPool(url, 4, { max_parallel_workers_per_gather: "0" });
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
