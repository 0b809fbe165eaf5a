import {
  relevance,
  sortKeys,
  type PeopleQuery,
  type SearchConcept,
  type SkillFilter,
  type TextField,
} from "../../ports/search-index.js";

/** One word position of a concept: any of the alternatives exactly, or (the last word) anything it begins. */
export interface WordSlot {
  readonly alternatives: readonly string[];
  readonly prefix?: string;
}

/** A concept with its words resolved against the index vocabulary: exact words, and typo/prefix variants. */
export interface ResolvedConcept {
  readonly concept: SearchConcept;
  readonly exact: readonly WordSlot[];
  /** Null when no word has a variant: the exact slots are all there is. */
  readonly loose: readonly WordSlot[] | null;
}

/** What differs between the SQL databases; everything else in a people query is shared. */
export interface SqlDialect {
  placeholder(position: number): string;
  /** A subquery selecting `doc` for every person whose `field` holds every slot. */
  textMatch(field: TextField, slots: readonly WordSlot[], param: (value: unknown) => string): string;
  /** Kilometres from the given point to the person row `p`; NULL when the person has no location. */
  distanceKm(latitude: string, longitude: string): string;
  integer(expression: string): string;
}

export interface BuiltQuery {
  readonly sql: string;
  readonly params: unknown[];
}

const kmPerDegree = 111.195;

function skillConditions(filter: SkillFilter, param: (value: unknown) => string, alias = ""): string[] {
  const conditions: string[] = [];
  if (filter.categoryId !== undefined) conditions.push(`${alias}category_id = ${param(filter.categoryId)}`);
  if (filter.direction !== undefined) conditions.push(`${alias}direction = ${param(filter.direction)}`);
  if (filter.minLevel !== undefined) conditions.push(`${alias}level >= ${param(filter.minLevel)}`);
  return conditions;
}

const list = (values: readonly unknown[], param: (value: unknown) => string) => values.map(param).join(", ");

/**
 * The people query as one SQL statement: every concept's ways of matching (skills, then each text field,
 * exact and loose) as scored rows, best per concept, summed per person, kept only when every concept
 * matched; then visibility, filters, the sort key and the keyset position.
 */
export function buildPeopleQuery(dialect: SqlDialect, query: PeopleQuery, concepts: readonly ResolvedConcept[]) {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return dialect.placeholder(params.length);
  };

  const matches: string[] = [];
  concepts.forEach(({ concept, exact, loose }, index) => {
    if (concept.skills.length > 0) {
      const fuzzy = concept.skills.filter((s) => s.kind === "fuzzy").map((s) => s.skillId);
      const base =
        fuzzy.length === 0
          ? String(relevance.skill)
          : `CASE WHEN skill_id IN (${list(fuzzy, param)}) THEN ${relevance.fuzzySkill} ELSE ${relevance.skill} END`;
      const where = [
        `skill_id IN (${list(
          concept.skills.map((s) => s.skillId),
          param,
        )})`,
        ...skillConditions(query.skillFilter, param),
      ];
      matches.push(
        `SELECT doc, ${index} AS concept, ${base} + CASE WHEN direction = 'teach' THEN level * ${relevance.teachLevelBonus} ELSE 0 END AS score FROM search_skill WHERE ${where.join(" AND ")}`,
      );
    }
    if (!concept.textAllowed || exact.length === 0) return;
    for (const field of ["name", "handle", "bio"] as const) {
      const weights = relevance.text[field];
      matches.push(
        `SELECT doc, ${index} AS concept, ${weights.exact} AS score FROM (${dialect.textMatch(field, exact, param)}) t`,
      );
      if (loose !== null)
        matches.push(
          `SELECT doc, ${index} AS concept, ${weights.loose} AS score FROM (${dialect.textMatch(field, loose, param)}) t`,
        );
    }
  });

  // Positional placeholders (SQLite's "?") bind in the order they appear in the text, so every fragment below
  // is built in the order it is written out: select list, WHERE, outer WHERE, LIMIT.
  const origin = query.origin;
  const distance = origin === undefined ? "NULL" : dialect.distanceKm(param(origin.latitude), param(origin.longitude));

  const where: string[] = [];
  const { viewer } = query;
  where.push(`p.user_id <> ${param(viewer.userId)}`);
  if (viewer.hidden.length > 0) where.push(`p.user_id NOT IN (${list(viewer.hidden, param)})`);
  where.push(
    viewer.communityIds.length === 0
      ? `p.visibility = 'public'`
      : `(p.visibility = 'public' OR p.doc IN (SELECT doc FROM search_member WHERE community_id IN (${list(viewer.communityIds, param)})))`,
  );
  const filtered = Object.values(query.skillFilter).some((value) => value !== undefined);
  if (filtered && !concepts.some((c) => c.concept.skills.length > 0))
    where.push(
      `p.doc IN (SELECT doc FROM search_skill WHERE ${skillConditions(query.skillFilter, param).join(" AND ")})`,
    );
  if (query.mode !== undefined) where.push(`p.mode IN (${param(query.mode)}, 'either')`);
  if (query.communityId !== undefined)
    where.push(`p.doc IN (SELECT doc FROM search_member WHERE community_id = ${param(query.communityId)})`);
  if (query.window !== undefined && query.window.length > 0) {
    const overlaps = query.window
      .map((w) => `(s.start_minute < ${param(w.end)} AND s.end_minute > ${param(w.start)})`)
      .join(" OR ");
    where.push(`p.doc IN (SELECT s.doc FROM search_slot s WHERE ${overlaps})`);
  }
  if (origin?.km !== undefined) {
    // A bounding box first, so an index on latitude narrows the rows before the exact distance is computed.
    const dLat = origin.km / kmPerDegree;
    where.push(`p.latitude BETWEEN ${param(origin.latitude - dLat)} AND ${param(origin.latitude + dLat)}`);
    const cos = Math.cos((origin.latitude * Math.PI) / 180);
    const dLon = cos < 0.01 ? 360 : origin.km / (kmPerDegree * cos);
    if (origin.longitude - dLon > -180 && origin.longitude + dLon < 180)
      where.push(`p.longitude BETWEEN ${param(origin.longitude - dLon)} AND ${param(origin.longitude + dLon)}`);
  }

  const { key, descending } = sortKeyOf(dialect, query);
  const outer: string[] = [];
  if (origin?.km !== undefined) outer.push(`r.km <= ${param(origin.km)}`);
  if (query.after !== undefined) {
    const k = param(query.after.key);
    const k2 = param(query.after.key);
    const id = param(query.after.userId);
    outer.push(`(r.sort_key ${descending ? "<" : ">"} ${k} OR (r.sort_key = ${k2} AND r.user_id > ${id}))`);
  }

  const source = matches.length === 0 ? `search_person p` : `hit h JOIN search_person p ON p.doc = h.doc`;
  const score = matches.length === 0 ? "0" : "h.score";
  const head =
    matches.length === 0
      ? ""
      : `WITH m(doc, concept, score) AS (${matches.join(" UNION ALL ")}),
         hit AS (SELECT doc, SUM(score) AS score FROM (SELECT doc, concept, MAX(score) AS score FROM m GROUP BY doc, concept) b
                 GROUP BY doc HAVING COUNT(*) = ${concepts.length}) `;
  const sql = `${head}SELECT r.* FROM (
      SELECT q.*, ${key} AS sort_key FROM (
        SELECT p.doc, p.user_id, p.handle, p.display_name, p.location_name, p.trust, p.trust_key, p.rating_count,
               p.rating_key, p.active_at, p.name_words, p.handle_words, p.bio_words,
               ${score} AS score, ${distance} AS km
        FROM ${source}
        WHERE ${where.join(" AND ")}
      ) q
    ) r
    ${outer.length === 0 ? "" : `WHERE ${outer.join(" AND ")}`}
    ORDER BY r.sort_key ${descending ? "DESC" : "ASC"}, r.user_id ASC
    LIMIT ${param(query.limit + 1)}`;
  return { sql, params } satisfies BuiltQuery;
}

/** The integer each order sorts on, over the columns of one result row `q`: no parameters in it. */
function sortKeyOf(dialect: SqlDialect, query: PeopleQuery) {
  switch (query.sort) {
    case "relevance":
      return { key: `q.score * ${sortKeys.relevanceScale} + q.trust_key`, descending: true };
    case "rating":
      return { key: `q.rating_key`, descending: true };
    case "recent":
      return { key: `q.active_at`, descending: true };
    case "distance":
      return {
        key: dialect.integer(`COALESCE(q.km, ${sortKeys.unknownDistanceKm}) * 1000`),
        descending: false,
      };
  }
}
