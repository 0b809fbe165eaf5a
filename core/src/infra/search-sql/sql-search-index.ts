import { LRUCache } from "lru-cache";
import { editDistance } from "../../text/edit-distance.js";
import {
  relevance,
  type FeedPosition,
  type PeopleQuery,
  type SearchDocument,
  type SearchIndex,
  type SearchPage,
  type TextField,
} from "../../ports/search-index.js";
import { bandsFor } from "./bands.js";
import { personRow, vocabularyOf, type PersonRow } from "./documents.js";
import { pageRow, reasonsFor, skillRowMeets, toHit, type PageSkill, type PageSlot } from "./hits.js";
import {
  buildPeopleQuery,
  restrictsSkillRows,
  type ResolvedConcept,
  type SqlDialect,
  type WordSlot,
} from "./people-sql.js";

export type Row = Record<string, unknown>;
export type Run = (sql: string, params: readonly unknown[]) => Promise<void>;
export type Select = (sql: string, params: readonly unknown[]) => Promise<Row[]>;

/** What a SQL database must provide for the shared search index. */
export interface SqlDriver {
  readonly kind: string;
  readonly dialect: SqlDialect;
  select: Select;
  /** Runs `work` in one write transaction: all of it commits, or none. */
  transaction(work: (run: Run, select: Select) => Promise<void>): Promise<void>;
  /** Extra writes for the full-text part, where it is not derived by the database itself. */
  writeText?(run: Run, rows: ReadonlyArray<{ doc: number; row: PersonRow }>): Promise<void>;
  deleteText?(run: Run, docs: readonly number[]): Promise<void>;
  /** Empties the full-text part and the typo vocabulary. */
  clearText(run: Run): Promise<void>;
  /** The secondary indexes of the search tables as their CREATE statements (dropped while rebuilding). */
  secondaryIndexes(select: Select): Promise<Array<{ name: string; sql: string }>>;
  /** Refreshes the planner's statistics of the search tables after they were rebuilt, where that is needed. */
  analyze?(run: Run): Promise<void>;
  /** Indexed words sharing trigrams with `word`, most similar first. */
  trigramNeighbours(word: string): Promise<string[]>;
  close(): Promise<void>;
}

/** Parameters per statement, under both SQLite's (32,766) and PostgreSQL's (65,535) limits. */
const maxParams = 30_000;
const tables = ["search_skill", "search_slot", "search_member", "search_person"] as const;
const maxVariants = 8;
/** Words known to be in the vocabulary, kept to skip asking again (see isIndexedWord). */
const knownWords = 20_000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The people-search index over any SQL database: one table of people with normalised words and integer sort
 * keys, skills, weekly slots and community memberships by document number, plus a vocabulary for typos.
 * Reads are one statement per page (see people-sql.ts); writes replace whole people in one transaction.
 */
export class SqlSearchIndex implements SearchIndex {
  /**
   * `shortcuts: false` runs every query through the general statement, without the one-skill bands (bands.ts)
   * or the dialect's row-level shortcuts (SqlDialect's optional parts): tests compare the two.
   */
  constructor(
    private readonly driver: SqlDriver,
    private readonly options: { readonly shortcuts: boolean } = { shortcuts: true },
  ) {
    const plain: SqlDialect = {
      ...driver.dialect,
      inCommunities: undefined,
      rowsOfPerson: undefined,
      fieldCondition: undefined,
    };
    this.dialect = options.shortcuts ? driver.dialect : plain;
  }

  private readonly dialect: SqlDialect;

  /**
   * The vocabulary only grows between rebuilds, so a word found in it stays there: it is not asked again, which
   * on PostgreSQL saves a round trip on most searches. Cleared by this process's rebuild; another process's
   * rebuild may drop a word nobody uses any more, which then only misses its typo variants until this
   * process forgets it.
   */
  private readonly indexedWords = new LRUCache<string, true>({ max: knownWords });

  get kind(): string {
    return this.driver.kind;
  }

  private inList(values: readonly unknown[], offset = 0): string {
    return values.map((_, i) => this.dialect.placeholder(offset + i + 1)).join(", ");
  }

  async similarWords(word: string, maxEdits: number): Promise<string[]> {
    if (maxEdits <= 0) return [];
    // Trigrams miss short words with a swapped letter ("jonh" shares none with "john"): the first two
    // letters, looked up as a key range, catch those.
    const head = word.slice(0, 2);
    const next = head.slice(0, -1) + String.fromCodePoint((head.codePointAt(head.length - 1) ?? 0) + 1);
    const [byTrigram, byHead] = await Promise.all([
      this.driver.trigramNeighbours(word),
      this.driver.select(
        `SELECT term FROM search_word WHERE term >= ${this.dialect.placeholder(1)} AND term < ${this.dialect.placeholder(2)} LIMIT 2000`,
        [head, next],
      ),
    ]);
    const scored = new Map<string, number>();
    for (const term of [...byTrigram, ...byHead.map((r) => String(r.term))]) {
      if (term === word || scored.has(term)) continue;
      const distance = editDistance(word, term, maxEdits);
      if (distance <= maxEdits) scored.set(term, distance);
    }
    return [...scored]
      .sort(([a, da], [b, db]) => da - db || a.localeCompare(b))
      .map(([term]) => term)
      .slice(0, maxVariants);
  }

  private async isIndexedWord(word: string): Promise<boolean> {
    if (this.indexedWords.has(word)) return true;
    const rows = await this.driver.select(
      `SELECT 1 AS found FROM search_word WHERE term = ${this.dialect.placeholder(1)}`,
      [word],
    );
    if (rows.length > 0) this.indexedWords.set(word, true);
    return rows.length > 0;
  }

  /** Adds typo variants to words the index does not hold as such, and the prefix on the last word. */
  private async resolve(query: PeopleQuery): Promise<ResolvedConcept[]> {
    return Promise.all(
      query.concepts.map(async (concept) => {
        const exact: WordSlot[] = concept.words.map((w) => ({ alternatives: [w.text] }));
        let loosened = false;
        const loose: WordSlot[] = await Promise.all(
          concept.words.map(async (w, i) => {
            const isLast = i === concept.words.length - 1;
            const variants =
              w.maxEdits > 0 && !(await this.isIndexedWord(w.text)) ? await this.similarWords(w.text, w.maxEdits) : [];
            const prefix = concept.prefix && isLast && w.text.length >= 2 ? w.text : undefined;
            if (variants.length > 0 || prefix !== undefined) loosened = true;
            return { alternatives: [w.text, ...variants], ...(prefix === undefined ? {} : { prefix }) };
          }),
        );
        return { concept, exact, loose: loosened ? loose : null };
      }),
    );
  }

  private async select(built: { sql: string; params: readonly unknown[] }) {
    return this.driver.select(built.sql, built.params);
  }

  async people(query: PeopleQuery): Promise<SearchPage> {
    const concepts = await this.resolve(query);
    const bands = this.options.shortcuts ? bandsFor(this.dialect, query, concepts) : null;
    let rows: Row[] = [];
    if (bands === null) rows = await this.select(buildPeopleQuery(this.dialect, query, concepts));
    else
      for (const band of bands) {
        if (rows.length > query.limit) break;
        if (query.after !== undefined && query.after.key < band.floor) continue;
        rows = [...rows, ...(await this.select(band.build({ ...query, limit: query.limit - rows.length })))];
      }
    const page = rows.slice(0, query.limit);
    if (page.length === 0) return { hits: [], more: false };
    const skills = await this.pageSkills(query, page);
    const hits = page.map((raw) => {
      const row = pageRow(raw);
      const fields = {
        doc: row.doc,
        name: String(raw.name_words),
        handle: String(raw.handle_words),
        bio: String(raw.bio_words),
      };
      const reasons = reasonsFor(
        concepts,
        query,
        skills.filter((s) => s.doc === row.doc),
        fields,
      );
      return toHit(row, reasons);
    });
    return { hits, more: rows.length > query.limit };
  }

  /** The skill rows of the people on a page, each saying whether it can be had as the query asks. */
  private async pageSkills(query: PeopleQuery, page: readonly Row[]): Promise<PageSkill[]> {
    const { skillRows, slotRows } = page.every((row) => "page_skills" in row)
      ? {
          skillRows: page.flatMap((row) =>
            carried(row.page_skills, row.doc, ["skill_id", "category_id", "direction", "level", "mode", "own_week"]),
          ),
          slotRows: page.flatMap((row) =>
            carried(row.page_slots, row.doc, ["skill_id", "direction", "start_minute", "end_minute"]),
          ),
        }
      : await this.readPageRows(
          query,
          page.map((row) => Number(row.doc)),
        );
    const slots = slotRows.map((r): PageSlot => ({
      doc: Number(r.doc),
      skillId: String(r.skill_id),
      direction: String(r.direction),
      start: Number(r.start_minute),
      end: Number(r.end_minute),
    }));
    return skillRows.map((r): PageSkill => {
      const doc = Number(r.doc);
      const row = {
        skillId: String(r.skill_id),
        direction: String(r.direction),
        mode: String(r.mode),
        ownWeek: Number(r.own_week) === 1,
      };
      return {
        doc,
        skillId: row.skillId,
        categoryId: String(r.category_id),
        direction: r.direction === "teach" ? "teach" : "learn",
        level: Number(r.level),
        meets: skillRowMeets(
          query,
          row,
          slots.filter((slot) => slot.doc === doc),
        ),
      };
    });
  }

  /** The skill rows (and, when the query holds skills to a mode or time, the slots) of these people. */
  private async readPageRows(query: PeopleQuery, docs: readonly number[]) {
    const [skillRows, slotRows] = await Promise.all([
      this.driver.select(
        `SELECT doc, skill_id, category_id, direction, level, mode, own_week FROM search_skill WHERE doc IN (${this.inList(docs)})`,
        docs,
      ),
      restrictsSkillRows(query)
        ? this.driver.select(
            `SELECT doc, skill_id, direction, start_minute, end_minute FROM search_slot WHERE doc IN (${this.inList(docs)})`,
            docs,
          )
        : Promise.resolve([]),
    ]);
    return { skillRows, slotRows };
  }

  async apply(change: {
    readonly upsert: readonly SearchDocument[];
    readonly remove: readonly string[];
    readonly position: FeedPosition | null;
  }): Promise<void> {
    await this.driver.transaction(async (run, select) => {
      const userIds = [...change.upsert.map((d) => d.userId), ...change.remove];
      for (const ids of chunks(userIds, 5_000)) {
        const old = await select(`SELECT doc FROM search_person WHERE user_id IN (${this.inList(ids)})`, ids);
        await this.deleteDocs(
          run,
          old.map((r) => Number(r.doc)),
        );
      }
      const [top] = await select(`SELECT COALESCE(MAX(doc), 0) AS top FROM search_person`, []);
      await this.insertDocs(run, change.upsert, Number(top?.top ?? 0) + 1);
      if (change.position !== null) await this.savePosition(run, change.position);
    });
  }

  /** Replaces the whole index in one transaction: searches see the old index until the new one commits. */
  async rebuild(batches: AsyncIterable<readonly SearchDocument[]>, position: FeedPosition | null): Promise<number> {
    let indexed = 0;
    this.indexedWords.clear();
    await this.driver.transaction(async (run, select) => {
      for (const table of tables) await run(`DELETE FROM ${table}`, []);
      await this.driver.clearText(run);
      await run(`DELETE FROM search_feed`, []);
      // Building an index once over all rows is several times faster than updating it row by row; the
      // statements come from the database itself, so they stay what the migration made them.
      const indexes = await this.driver.secondaryIndexes(select);
      for (const index of indexes) await run(`DROP INDEX ${index.name}`, []);
      for await (const documents of batches) {
        await this.insertDocs(run, documents, indexed + 1);
        indexed += documents.length;
      }
      for (const index of indexes) await run(index.sql, []);
      if (position !== null) await this.savePosition(run, position);
      await this.driver.analyze?.(run);
    });
    return indexed;
  }

  async position(): Promise<FeedPosition | null> {
    const [row] = await this.driver.select(`SELECT event_id, created_at FROM search_feed WHERE id = 1`, []);
    // Stored in the columns of the first kind of position (an event id and its time), without a schema change.
    return row === undefined ? null : { cursor: String(row.event_id), since: new Date(Number(row.created_at)) };
  }

  async size(): Promise<number> {
    const [row] = await this.driver.select(`SELECT COUNT(*) AS n FROM search_person`, []);
    return Number(row?.n ?? 0);
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  private async savePosition(run: Run, position: FeedPosition): Promise<void> {
    await run(`DELETE FROM search_feed`, []);
    await run(
      `INSERT INTO search_feed (id, event_id, created_at) VALUES (1, ${this.dialect.placeholder(1)}, ${this.dialect.placeholder(2)})`,
      [position.cursor, position.since.getTime()],
    );
  }

  private async deleteDocs(run: Run, docs: readonly number[]): Promise<void> {
    if (docs.length === 0) return;
    for (const table of tables) await run(`DELETE FROM ${table} WHERE doc IN (${this.inList(docs)})`, docs);
    await this.driver.deleteText?.(run, docs);
  }

  private async insertRows(run: Run, table: string, columns: readonly string[], rows: readonly unknown[][]) {
    const perStatement = Math.max(1, Math.floor(maxParams / columns.length));
    for (const batch of chunks(rows, perStatement)) {
      let n = 0;
      const values = batch.map((row) => `(${row.map(() => this.dialect.placeholder(++n)).join(", ")})`).join(", ");
      await run(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${values}`, batch.flat());
    }
  }

  private async insertDocs(run: Run, documents: readonly SearchDocument[], firstDoc: number): Promise<void> {
    if (documents.length === 0) return;
    const people = documents.map((document, i) => ({ doc: firstDoc + i, document, row: personRow(document) }));
    await this.insertRows(
      run,
      "search_person",
      [
        "doc",
        "user_id",
        "handle",
        "display_name",
        "avatar_key",
        "name_words",
        "handle_words",
        "bio_words",
        "visibility",
        "mode",
        "location_name",
        "latitude",
        "longitude",
        "trust",
        "trust_key",
        "rating_count",
        "rating_key",
        "active_at",
        "community_ids",
      ],
      people.map(({ doc, row }) => [
        doc,
        row.userId,
        row.handle,
        row.displayName,
        row.avatarKey,
        row.nameWords,
        row.handleWords,
        row.bioWords,
        row.visibility,
        row.mode,
        row.locationName,
        row.latitude,
        row.longitude,
        row.trust,
        row.trustKey,
        row.ratingCount,
        row.ratingKey,
        row.activeAt,
        row.communityIds,
      ]),
    );
    await this.insertRows(
      run,
      "search_skill",
      [
        "skill_id",
        "direction",
        "doc",
        "user_id",
        "category_id",
        "level",
        "rank_key",
        "is_best",
        "mode",
        "own_week",
        "latitude",
        "longitude",
      ],
      sortedByKey(
        people.flatMap(({ doc, document, row }) =>
          skillRows(document, row.trustKey).map((s) => [
            s.skillId,
            s.direction,
            doc,
            document.userId,
            s.categoryId,
            s.level,
            s.rankKey,
            s.isBest ? 1 : 0,
            s.mode,
            s.week === null ? 0 : 1,
            row.latitude,
            row.longitude,
          ]),
        ),
      ),
    );
    // General slots under skill "" and direction "", a skill's own slots under that skill and direction.
    await this.insertRows(
      run,
      "search_slot",
      ["doc", "skill_id", "direction", "start_minute", "end_minute"],
      people.flatMap(({ doc, document }) => [
        ...document.week.map((w) => [doc, "", "", w.start, w.end]),
        ...document.skills.flatMap((s) => (s.week ?? []).map((w) => [doc, s.skillId, s.direction, w.start, w.end])),
      ]),
    );
    await this.insertRows(
      run,
      "search_member",
      ["community_id", "doc"],
      people.flatMap(({ doc, document }) => [...new Set(document.communityIds)].map((c) => [c, doc])),
    );
    await this.driver.writeText?.(run, people);
    const words = vocabularyOf(people.map((p) => p.row));
    for (const batch of chunks(words, 5_000))
      await run(
        `INSERT INTO search_word (term) VALUES ${batch.map((_, i) => `(${this.dialect.placeholder(i + 1)})`).join(", ")} ON CONFLICT (term) DO NOTHING`,
        batch,
      );
  }
}

/**
 * Rows a hit carried (see SqlDialect.rowsOfPerson) as the rows a query would have read: a JSON array of arrays
 * in `columns` order (parsed already by the driver, or as text), NULL when the person has none.
 */
function carried(value: unknown, doc: unknown, columns: readonly string[]): Row[] {
  if (value === null || value === undefined) return [];
  const rows: unknown = typeof value === "string" ? JSON.parse(value) : value;
  if (!Array.isArray(rows)) throw new Error(`Expected the rows of a person as a JSON array, got ${typeof rows}`);
  return rows.map((values: unknown) => {
    if (!Array.isArray(values)) throw new Error("Expected each row of a person as a JSON array");
    return Object.fromEntries([["doc", doc], ...columns.map((column, i): [string, unknown] => [column, values[i]])]);
  });
}

/** Rows in primary-key order (skill, direction, document): appending to a B-tree beats inserting all over it. */
function sortedByKey(rows: unknown[][]): unknown[][] {
  const key = (row: unknown[]) => `${String(row[0])}\u0000${String(row[1])}`;
  return rows.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : Number(a[2]) - Number(b[2]);
  });
}

/** Each skill row with the relevance key an exact match on it earns, and whether it is the person's better row. */
function skillRows(document: SearchDocument, trustKey: number) {
  const rows = document.skills.map((s) => ({
    ...s,
    rankKey: (relevance.skill + (s.direction === "teach" ? s.level * relevance.teachLevelBonus : 0)) * 1000 + trustKey,
  }));
  return rows.map((row) => ({
    ...row,
    // Teaching wins a tie: its row carries the bonus, so a tie only happens between equal rows.
    isBest: !rows.some(
      (other) =>
        other !== row &&
        other.skillId === row.skillId &&
        (other.rankKey > row.rankKey || (other.rankKey === row.rankKey && other.direction === "teach")),
    ),
  }));
}

export const textColumns: Record<TextField, string> = {
  name: "name_words",
  handle: "handle_words",
  bio: "bio_words",
};
