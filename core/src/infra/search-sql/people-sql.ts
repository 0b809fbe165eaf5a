import {
  relevance,
  sortKeys,
  type PeopleQuery,
  type SearchConcept,
  type SkillFilter,
  type SkillMatchKind,
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
  /**
   * search_skill as `alias`, for the rows of one person: looked up by document number. (SQLite, without table
   * statistics, may otherwise walk the category index for a category filter: every row of a category.)
   */
  skillsOfPerson(alias: string): string;
  /** How a statement leaves out the people any of these fields finds (see WordExclusion). */
  excludeFoundBy(fields: readonly FieldSlots[], param: Param): WordExclusion;
  /**
   * Whether the person row `p` is a member of any of these communities, where the database tests it on the row
   * (its community_ids) better than in search_member: PostgreSQL otherwise hashes every member of the viewer's
   * communities (tens of thousands) to check a few hundred people.
   */
  readonly inCommunities?: ((communityIds: readonly string[], param: Param) => string) | undefined;
  /**
   * A person's rows of search_skill or search_slot as one value (a JSON array of arrays, in the columns
   * pageSkills reads), where the database computes it only for the rows a page keeps (PostgreSQL postpones
   * such select-list subqueries past ORDER BY … LIMIT): the page's skills then come with it, a round trip saved.
   */
  readonly rowsOfPerson?: ((table: "skill" | "slot", doc: string) => string) | undefined;
  /**
   * Where a database can test a person row's own field for the slots (PostgreSQL's tsvector per field), a
   * search that only words decide reads each person once: its conditions and scores on the row it fetched,
   * instead of a subquery per field and way of matching joined back to the person (see textOnlyQuery). Such a
   * database's GREATEST skips NULLs, as PostgreSQL's does.
   */
  readonly fieldCondition?: ((field: TextField, slots: readonly WordSlot[], param: Param) => string) | undefined;
}

export interface FieldSlots {
  readonly field: TextField;
  readonly slots: readonly WordSlot[];
}

/**
 * A common table expression to write first, if any, and a condition on the person row `p` (its parameters bound
 * where it is written). Each database has its cheap way: SQLite looks the words up once in its full-text table;
 * PostgreSQL tests each person's own tsvector, which keeps its planner walking a skill's index in order.
 */
export interface WordExclusion {
  readonly cte: string | null;
  condition(param: Param): string;
}

export interface BuiltQuery {
  readonly sql: string;
  readonly params: unknown[];
}

const kmPerDegree = 111.195;

/** What a match on a skill row weighs before the teaching bonus, by how the skill was reached. */
export const skillWeights: Record<SkillMatchKind, number> = {
  name: relevance.skill,
  fuzzy: relevance.fuzzySkill,
  prefix: relevance.prefixSkill,
};

export function skillConditions(filter: SkillFilter, param: (value: unknown) => string, alias = ""): string[] {
  const conditions: string[] = [];
  if (filter.categoryId !== undefined) conditions.push(`${alias}category_id = ${param(filter.categoryId)}`);
  if (filter.direction !== undefined) conditions.push(`${alias}direction = ${param(filter.direction)}`);
  if (filter.minLevel !== undefined) conditions.push(`${alias}level >= ${param(filter.minLevel)}`);
  return conditions;
}

export const list = (values: readonly unknown[], param: (value: unknown) => string) => values.map(param).join(", ");

export type Param = (value: unknown) => string;

/** "Overlaps one of the query's windows", for the slot row aliased `w`. */
function overlapsWindow(window: readonly WeekInterval[], param: Param): string {
  return window.map((q) => `(w.start_minute < ${param(q.end)} AND w.end_minute > ${param(q.start)})`).join(" OR ");
}

/**
 * A skill row (`alias`, e.g. "k.") may count for a query that asks for a way of meeting or a time only if that
 * skill can be had so: its mode (its own, or the person's) allows the meeting, and its slots (its own when it
 * has some, else the person's general ones) overlap the window.
 */
export function meetingConditions(query: PeopleQuery, param: Param, alias: string): string[] {
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
 * Whether a row of that skill counts for the person `doc` under the query's filters, mode and time: EXISTS, or
 * NOT EXISTS when `absent`.
 */
export function countsForSkill(
  dialect: SqlDialect,
  query: PeopleQuery,
  skillId: string,
  param: Param,
  doc: string,
  absent = false,
) {
  const conditions = [
    `x.doc = ${doc}`,
    `x.skill_id = ${param(skillId)}`,
    ...skillConditions(query.skillFilter, param, "x."),
    ...meetingConditions(query, param, "x."),
  ];
  return `${absent ? "NOT " : ""}EXISTS (SELECT 1 FROM ${dialect.skillsOfPerson("x")} WHERE ${conditions.join(" AND ")})`;
}

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
export function personConditions(
  dialect: SqlDialect,
  query: PeopleQuery,
  param: Param,
  { boxed }: { readonly boxed: boolean } = { boxed: true },
): string[] {
  const where: string[] = [];
  const { viewer } = query;
  where.push(`p.user_id <> ${param(viewer.userId)}`);
  if (viewer.hidden.length > 0) where.push(`p.user_id NOT IN (${list(viewer.hidden, param)})`);
  if (viewer.communityIds.length === 0) where.push(`p.visibility = 'public'`);
  else {
    const shared =
      dialect.inCommunities?.(viewer.communityIds, param) ??
      `EXISTS (SELECT 1 FROM search_member sm WHERE sm.doc = p.doc AND sm.community_id IN (${list(viewer.communityIds, param)}))`;
    where.push(`(p.visibility = 'public' OR ${shared})`);
  }
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
  // A bounding box first, so an index on latitude narrows the rows before the exact distance is computed. Not
  // when the skill rows joined were already held to it: the planner would count the box twice, expect no rows
  // at all, and walk the box's people instead of the skill's rows.
  if (boxed) where.push(...withinBox(query, param, "p."));
  return where;
}

/**
 * The bounding box of the query's distance on a row that carries the person's coordinates (`alias`: "p." for
 * the person, "k."/"s." for a skill row, which holds them too so a skill's rows are narrowed before each is
 * joined to its person); nothing without a distance.
 */
export function withinBox(query: PeopleQuery, param: Param, alias: string): string[] {
  const origin = query.origin;
  if (origin?.km === undefined) return [];
  const dLat = origin.km / kmPerDegree;
  const box = [`${alias}latitude BETWEEN ${param(origin.latitude - dLat)} AND ${param(origin.latitude + dLat)}`];
  const cos = Math.cos((origin.latitude * Math.PI) / 180);
  const dLon = cos < 0.01 ? 360 : origin.km / (kmPerDegree * cos);
  if (origin.longitude - dLon > -180 && origin.longitude + dLon < 180)
    box.push(`${alias}longitude BETWEEN ${param(origin.longitude - dLon)} AND ${param(origin.longitude + dLon)}`);
  return box;
}

const personFields = `p.doc, p.user_id, p.handle, p.display_name, p.avatar_key, p.location_name, p.trust, p.trust_key,
  p.rating_count, p.rating_key, p.active_at, p.name_words, p.handle_words, p.bio_words`;

/**
 * The columns of a hit: the person's, and where the dialect can, their skill rows (and their slots when the
 * query holds skills to a mode or time) for the reasons, read with the page instead of after it.
 */
export function personColumns(dialect: SqlDialect, query: PeopleQuery): string {
  const of = dialect.rowsOfPerson;
  if (of === undefined) return personFields;
  const slots = restrictsSkillRows(query) ? `, ${of("slot", "p.doc")} AS page_slots` : "";
  return `${personFields}, ${of("skill", "p.doc")} AS page_skills${slots}`;
}

export function parameters(dialect: SqlDialect) {
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
 * a match on that skill counts for (the text-only band of a one-concept search, see bands.ts).
 */
export function buildPeopleQuery(
  dialect: SqlDialect,
  query: PeopleQuery,
  concepts: readonly ResolvedConcept[],
  withoutSkill?: string,
): BuiltQuery {
  const onlyWords = concepts.every(
    ({ concept, exact }) => concept.skills.length === 0 && concept.textAllowed && exact.length > 0,
  );
  if (dialect.fieldCondition !== undefined && concepts.length > 0 && onlyWords)
    return textOnlyQuery(dialect, dialect.fieldCondition, query, concepts, withoutSkill);
  const { params, param } = parameters(dialect);
  const matches: string[] = [];
  concepts.forEach(({ concept, exact, loose }, index) => {
    if (concept.skills.length > 0) {
      const lighter = (["fuzzy", "prefix"] as const)
        .map((kind) => ({ kind, skillIds: concept.skills.filter((s) => s.kind === kind).map((s) => s.skillId) }))
        .filter(({ skillIds }) => skillIds.length > 0);
      const base =
        lighter.length === 0
          ? String(relevance.skill)
          : `CASE ${lighter.map(({ kind, skillIds }) => `WHEN k.skill_id IN (${list(skillIds, param)}) THEN ${skillWeights[kind]}`).join(" ")} ELSE ${relevance.skill} END`;
      const where = [
        `k.skill_id IN (${list(
          concept.skills.map((s) => s.skillId),
          param,
        )})`,
        ...skillConditions(query.skillFilter, param, "k."),
        ...withinBox(query, param, "k."),
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
  const where = personConditions(dialect, query, param);
  const filtered = Object.values(query.skillFilter).some((value) => value !== undefined);
  if (filtered && !concepts.some((c) => c.concept.skills.length > 0))
    where.push(
      `p.doc IN (SELECT k.doc FROM search_skill k WHERE ${[
        ...skillConditions(query.skillFilter, param, "k."),
        ...meetingConditions(query, param, "k."),
      ].join(" AND ")})`,
    );
  if (withoutSkill !== undefined) where.push(countsForSkill(dialect, query, withoutSkill, param, "p.doc", true));

  const head =
    matches.length === 0
      ? ""
      : `WITH m(doc, concept, score) AS (${matches.join(" UNION ALL ")}),
         hit AS (SELECT doc, SUM(score) AS score FROM (SELECT doc, concept, MAX(score) AS score FROM m GROUP BY doc, concept) b
                 GROUP BY doc HAVING COUNT(*) = ${concepts.length}) `;
  const sql = pageStatement(dialect, query, param, {
    head,
    score: matches.length === 0 ? "0" : "h.score",
    distance,
    from: matches.length === 0 ? `search_person p` : `hit h JOIN search_person p ON p.doc = h.doc`,
    where,
  });
  return { sql, params };
}

/**
 * The statement around a page's rows: the person rows `from` yields under `where` with their score and distance,
 * sorted by the query's key, past the cursor, one more than a page. Its parameters come after those of `parts`.
 */
function pageStatement(
  dialect: SqlDialect,
  query: PeopleQuery,
  param: Param,
  parts: { head: string; score: string; distance: string; from: string; where: readonly string[] },
): string {
  const { key, descending } = sortKeyOf(dialect, query);
  const outer = outerConditions(query, param, descending);
  return `${parts.head}SELECT r.* FROM (
      SELECT q.*, ${key} AS sort_key FROM (
        SELECT ${personColumns(dialect, query)}, ${parts.score} AS score, ${parts.distance} AS km
        FROM ${parts.from}
        WHERE ${parts.where.join(" AND ")}
      ) q
    ) r
    ${outer.length === 0 ? "" : `WHERE ${outer.join(" AND ")}`}
    ORDER BY r.sort_key ${descending ? "DESC" : "ASC"}, r.user_id ASC
    LIMIT ${param(query.limit + 1)}`;
}

/** Conditions on a result row `r`: within the distance asked for, after the keyset position. */
function outerConditions(query: PeopleQuery, param: Param, descending: boolean): string[] {
  const outer: string[] = [];
  if (query.origin?.km !== undefined) outer.push(`r.km <= ${param(query.origin.km)}`);
  if (query.after !== undefined) {
    const k = param(query.after.key);
    const k2 = param(query.after.key);
    const id = param(query.after.userId);
    outer.push(`(r.sort_key ${descending ? "<" : ">"} ${k} OR (r.sort_key = ${k2} AND r.user_id > ${id}))`);
  }
  return outer;
}

/**
 * buildPeopleQuery for a search only words decide, where the database tests a person row's fields itself: one
 * pass over the people any field finds, each concept scored as its best way of matching (the exact words, or
 * their variants), every concept required. Same hits, scores and order as the general statement.
 */
function textOnlyQuery(
  dialect: SqlDialect,
  fieldCondition: NonNullable<SqlDialect["fieldCondition"]>,
  query: PeopleQuery,
  concepts: readonly ResolvedConcept[],
  withoutSkill: string | undefined,
): BuiltQuery {
  const { params, param } = parameters(dialect);
  const fields = ["name", "handle", "bio"] as const;
  const scores = concepts.map(({ exact, loose }) => {
    const ways = fields.flatMap((field) => {
      const weights = relevance.text[field];
      const variants = looseFor(field, loose);
      return [
        `CASE WHEN ${fieldCondition(field, exact, param)} THEN ${weights.exact} END`,
        ...(variants === null ? [] : [`CASE WHEN ${fieldCondition(field, variants, param)} THEN ${weights.loose} END`]),
      ];
    });
    return `GREATEST(${ways.join(", ")})`;
  });
  const origin = query.origin;
  const distance = origin === undefined ? "NULL" : dialect.distanceKm(param(origin.latitude), param(origin.longitude));
  // A concept is found when any field holds its words or their variants (the variants include the words).
  const found = concepts.map(
    ({ exact, loose }) =>
      `(${fields.map((field) => fieldCondition(field, looseFor(field, loose) ?? exact, param)).join(" OR ")})`,
  );
  const where = [...found, ...personConditions(dialect, query, param)];
  if (withoutSkill !== undefined) where.push(countsForSkill(dialect, query, withoutSkill, param, "p.doc", true));
  const sql = pageStatement(dialect, query, param, {
    head: "",
    score: scores.join(" + "),
    distance,
    from: "search_person p",
    where,
  });
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
