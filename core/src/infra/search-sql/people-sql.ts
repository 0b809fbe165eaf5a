import {
  relevance,
  sortKeys,
  type PeopleQuery,
  type SearchConcept,
  type SkillFilter,
  type TextField,
  type WeekInterval,
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

type Param = (value: unknown) => string;

/** "Overlaps one of the query's windows", for the slot row aliased `w`. */
function overlapsWindow(window: readonly WeekInterval[], param: Param): string {
  return window.map((q) => `(w.start_minute < ${param(q.end)} AND w.end_minute > ${param(q.start)})`).join(" OR ");
}

/**
 * A skill row (`alias`, e.g. "k.") may count for a query that asks for a way of meeting or a time only if that
 * skill can be had so: its mode (its own, or the person's) allows the meeting, and its slots (its own when it
 * has some, else the person's general ones) overlap the window.
 */
function meetingConditions(query: PeopleQuery, param: Param, alias: string): string[] {
  const conditions: string[] = [];
  if (query.mode !== undefined) conditions.push(`${alias}mode IN (${param(query.mode)}, 'either')`);
  if (query.window !== undefined && query.window.length > 0)
    conditions.push(
      `EXISTS (SELECT 1 FROM search_slot w WHERE w.doc = ${alias}doc
         AND w.skill_id = CASE WHEN ${alias}own_week = 1 THEN ${alias}skill_id ELSE '' END
         AND w.direction = CASE WHEN ${alias}own_week = 1 THEN ${alias}direction ELSE '' END
         AND (${overlapsWindow(query.window, param)}))`,
    );
  return conditions;
}

/** Whether the query restricts which of a person's skill rows may count (see meetingConditions). */
export const restrictsSkillRows = (query: PeopleQuery) =>
  query.mode !== undefined || (query.window !== undefined && query.window.length > 0);

/**
 * The loose slots a field is searched with: prefixes only for names and handles (typing the start of a
 * name finds the person; the start of a word in a bio finds half the bios), null when nothing is left to add
 * to the exact words.
 */
export function looseFor(field: TextField, loose: readonly WordSlot[] | null): readonly WordSlot[] | null {
  if (loose === null || field !== "bio") return loose;
  const withoutPrefix = loose.map((slot) => ({ alternatives: slot.alternatives }));
  return withoutPrefix.some((slot) => slot.alternatives.length > 1) ? withoutPrefix : null;
}

/** The person-level conditions on `p` every query shares: visibility, blocks, mode, community, time, box. */
function personConditions(query: PeopleQuery, param: Param): string[] {
  const where: string[] = [];
  const { viewer, origin } = query;
  where.push(`p.user_id <> ${param(viewer.userId)}`);
  if (viewer.hidden.length > 0) where.push(`p.user_id NOT IN (${list(viewer.hidden, param)})`);
  where.push(
    viewer.communityIds.length === 0
      ? `p.visibility = 'public'`
      : `(p.visibility = 'public' OR EXISTS (SELECT 1 FROM search_member sm WHERE sm.doc = p.doc AND sm.community_id IN (${list(viewer.communityIds, param)})))`,
  );
  // A person meets the query's mode or time if they can for something: generally, or for one of their skills
  // (skill matches are held to that skill's own mode and time, see meetingConditions).
  if (query.mode !== undefined) {
    const mode = param(query.mode);
    where.push(
      `(p.mode IN (${mode}, 'either') OR EXISTS (SELECT 1 FROM search_skill ms WHERE ms.doc = p.doc AND ms.mode IN (${param(query.mode)}, 'either')))`,
    );
  }
  if (query.communityId !== undefined)
    where.push(
      `EXISTS (SELECT 1 FROM search_member sc WHERE sc.doc = p.doc AND sc.community_id = ${param(query.communityId)})`,
    );
  if (query.window !== undefined && query.window.length > 0)
    where.push(`EXISTS (SELECT 1 FROM search_slot w WHERE w.doc = p.doc AND (${overlapsWindow(query.window, param)}))`);
  if (origin?.km !== undefined) {
    // A bounding box first, so an index on latitude narrows the rows before the exact distance is computed.
    const dLat = origin.km / kmPerDegree;
    where.push(`p.latitude BETWEEN ${param(origin.latitude - dLat)} AND ${param(origin.latitude + dLat)}`);
    const cos = Math.cos((origin.latitude * Math.PI) / 180);
    const dLon = cos < 0.01 ? 360 : origin.km / (kmPerDegree * cos);
    if (origin.longitude - dLon > -180 && origin.longitude + dLon < 180)
      where.push(`p.longitude BETWEEN ${param(origin.longitude - dLon)} AND ${param(origin.longitude + dLon)}`);
  }
  return where;
}

const personColumns = `p.doc, p.user_id, p.handle, p.display_name, p.location_name, p.trust, p.trust_key,
  p.rating_count, p.rating_key, p.active_at, p.name_words, p.handle_words, p.bio_words`;

function parameters(dialect: SqlDialect) {
  const params: unknown[] = [];
  const param: Param = (value) => {
    params.push(value);
    return dialect.placeholder(params.length);
  };
  return { params, param };
}

// Positional placeholders (SQLite's "?") bind in the order they appear in the text, so in both builders every
// fragment is built in the order it is written out: select list, FROM, WHERE, outer WHERE, LIMIT.

/**
 * The people query as one SQL statement: every concept's ways of matching (skills, then each text field,
 * exact and loose) as scored rows, best per concept, summed per person, kept only when every concept
 * matched; then visibility, filters, the sort key and the keyset position. `withoutSkill` leaves out people
 * who list that skill (the text-only rest of a one-skill search, see buildSkillRegionQuery).
 */
export function buildPeopleQuery(
  dialect: SqlDialect,
  query: PeopleQuery,
  concepts: readonly ResolvedConcept[],
  withoutSkill?: string,
): BuiltQuery {
  const { params, param } = parameters(dialect);
  const matches: string[] = [];
  concepts.forEach(({ concept, exact, loose }, index) => {
    if (concept.skills.length > 0) {
      const fuzzy = concept.skills.filter((s) => s.kind === "fuzzy").map((s) => s.skillId);
      const base =
        fuzzy.length === 0
          ? String(relevance.skill)
          : `CASE WHEN k.skill_id IN (${list(fuzzy, param)}) THEN ${relevance.fuzzySkill} ELSE ${relevance.skill} END`;
      const where = [
        `k.skill_id IN (${list(
          concept.skills.map((s) => s.skillId),
          param,
        )})`,
        ...skillConditions(query.skillFilter, param, "k."),
        ...meetingConditions(query, param, "k."),
      ];
      matches.push(
        `SELECT k.doc, ${index} AS concept, ${base} + CASE WHEN k.direction = 'teach' THEN k.level * ${relevance.teachLevelBonus} ELSE 0 END AS score FROM search_skill k WHERE ${where.join(" AND ")}`,
      );
    }
    if (!concept.textAllowed || exact.length === 0) return;
    for (const field of ["name", "handle", "bio"] as const) {
      const weights = relevance.text[field];
      matches.push(
        `SELECT doc, ${index} AS concept, ${weights.exact} AS score FROM (${dialect.textMatch(field, exact, param)}) t`,
      );
      const variants = looseFor(field, loose);
      if (variants !== null)
        matches.push(
          `SELECT doc, ${index} AS concept, ${weights.loose} AS score FROM (${dialect.textMatch(field, variants, param)}) t`,
        );
    }
  });

  const origin = query.origin;
  const distance = origin === undefined ? "NULL" : dialect.distanceKm(param(origin.latitude), param(origin.longitude));
  const where = personConditions(query, param);
  const filtered = Object.values(query.skillFilter).some((value) => value !== undefined);
  if (filtered && !concepts.some((c) => c.concept.skills.length > 0))
    where.push(
      `p.doc IN (SELECT k.doc FROM search_skill k WHERE ${[
        ...skillConditions(query.skillFilter, param, "k."),
        ...meetingConditions(query, param, "k."),
      ].join(" AND ")})`,
    );
  if (withoutSkill !== undefined)
    where.push(`NOT EXISTS (SELECT 1 FROM search_skill x WHERE x.doc = p.doc AND x.skill_id = ${param(withoutSkill)})`);

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
        SELECT ${personColumns}, ${score} AS score, ${distance} AS km
        FROM ${source}
        WHERE ${where.join(" AND ")}
      ) q
    ) r
    ${outer.length === 0 ? "" : `WHERE ${outer.join(" AND ")}`}
    ORDER BY r.sort_key ${descending ? "DESC" : "ASC"}, r.user_id ASC
    LIMIT ${param(query.limit + 1)}`;
  return { sql, params };
}

/**
 * The people who list one skill, best first, for a one-skill search in relevance order: the rows come off the
 * (skill, rank_key, user_id) index already sorted and the query stops after a page, so its cost follows the
 * page, not the thousands who list a popular skill. Same scores and order as buildPeopleQuery, whose text
 * matches all rank below any skill match.
 */
export function buildSkillRegionQuery(
  dialect: SqlDialect,
  query: PeopleQuery,
  skill: { readonly skillId: string; readonly kind: "name" | "fuzzy" },
): BuiltQuery {
  const { params, param } = parameters(dialect);
  // Stored rank keys assume an exact skill match; a misspelt one weighs less, by the same amount for all.
  const offset = (relevance.skill - (skill.kind === "fuzzy" ? relevance.fuzzySkill : relevance.skill)) * 1000;
  const origin = query.origin;
  const distance = origin === undefined ? "NULL" : dialect.distanceKm(param(origin.latitude), param(origin.longitude));
  const where = [`s.skill_id = ${param(skill.skillId)}`];
  const { direction, minLevel, categoryId } = query.skillFilter;
  if (direction !== undefined) where.push(`s.direction = ${param(direction)}`);
  if (minLevel !== undefined) where.push(`s.level >= ${param(minLevel)}`);
  where.push(...meetingConditions(query, param, "s."));
  if (direction === undefined && minLevel === undefined && !restrictsSkillRows(query)) where.push(`s.is_best = 1`);
  else if (direction === undefined) {
    // Either direction, with rows held to a level, mode or time: a person counts once, by their better row that
    // qualifies (a teaching row always outranks a learning one: it carries the level bonus).
    const better = [
      ...(minLevel === undefined ? [] : [`o.level >= ${param(minLevel)}`]),
      ...meetingConditions(query, param, "o."),
    ];
    where.push(
      `NOT EXISTS (SELECT 1 FROM search_skill o WHERE o.skill_id = s.skill_id AND o.doc = s.doc AND o.rank_key > s.rank_key${better.map((c) => ` AND ${c}`).join("")})`,
    );
  }
  if (categoryId !== undefined) where.push(`s.category_id = ${param(categoryId)}`);
  where.push(...personConditions(query, param));
  if (origin?.km !== undefined)
    where.push(`${dialect.distanceKm(param(origin.latitude), param(origin.longitude))} <= ${param(origin.km)}`);
  if (query.after !== undefined) {
    const k = param(query.after.key + offset);
    const k2 = param(query.after.key + offset);
    const id = param(query.after.userId);
    where.push(`(s.rank_key < ${k} OR (s.rank_key = ${k2} AND s.user_id > ${id}))`);
  }
  const sql = `SELECT ${personColumns},
      (s.rank_key - p.trust_key - ${offset}) / 1000 AS score, ${distance} AS km, s.rank_key - ${offset} AS sort_key
    FROM search_skill s JOIN search_person p ON p.doc = s.doc
    WHERE ${where.join(" AND ")}
    ORDER BY s.rank_key DESC, s.user_id ASC
    LIMIT ${param(query.limit + 1)}`;
  return { sql, params };
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
