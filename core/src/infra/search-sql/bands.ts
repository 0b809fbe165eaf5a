import { relevance, sortKeys, type PeopleQuery, type SkillMatchKind } from "../../ports/search-index.js";
import {
  buildPeopleQuery,
  countsForSkill,
  list,
  looseFor,
  meetingConditions,
  parameters,
  personColumns,
  personConditions,
  restrictsSkillRows,
  skillConditions,
  skillWeights,
  type BuiltQuery,
  type FieldSlots,
  type Param,
  type ResolvedConcept,
  type SqlDialect,
  type WordExclusion,
  withinBox,
} from "./people-sql.js";

/**
 * A one-concept search in relevance order, read band by band: first the people the skill it names (or
 * misspells) counts for, then those only its words find, then those only a skill it begins counts for. The
 * weights keep the bands apart — every hit of a band outranks every hit of the next — so each band comes off
 * its own index already sorted and the search stops after a page: its cost follows the page, not the
 * thousands who list a popular skill. Same hits, scores and order as buildPeopleQuery.
 */
export interface Band {
  /** The lowest sort key a hit of this band can have: a cursor below it is past the whole band. */
  readonly floor: number;
  build(query: PeopleQuery): BuiltQuery;
}

/** Levels run 1–5 and trust 0–5: the most a skill row adds to its weight, and what trust adds to a key. */
const maxLevel = 5;
const maxTrustKey = 500;
const scale = sortKeys.relevanceScale;

/** The sort keys a band's hits can have, from its lowest and highest weights. */
const keys = (lowest: number, highest: number) => ({ floor: lowest * scale, ceiling: highest * scale + maxTrustKey });
const skillKeys = (kind: SkillMatchKind) =>
  keys(skillWeights[kind], skillWeights[kind] + maxLevel * relevance.teachLevelBonus);

interface SkillRegion {
  readonly skillIds: readonly string[];
  readonly kind: SkillMatchKind;
  /** People of earlier bands: those a match on this skill counts for, those these words find. */
  readonly without?: { readonly skillId?: string | undefined; readonly words?: ResolvedConcept | undefined };
}

/** The bands of a query, best first; null when it needs the general statement. */
export function bandsFor(dialect: SqlDialect, query: PeopleQuery, concepts: readonly ResolvedConcept[]): Band[] | null {
  const [resolved, ...more] = concepts;
  if (resolved === undefined || more.length > 0 || query.sort !== "relevance") return null;
  const { concept, exact, loose } = resolved;
  const named = concept.skills.filter((s) => s.kind !== "prefix");
  const begun = concept.skills.filter((s) => s.kind === "prefix").map((s) => s.skillId);
  const [skill, ...otherSkills] = named;
  if (otherSkills.length > 0 || concept.skills.length === 0) return null;
  const filtered = Object.values(query.skillFilter).some((value) => value !== undefined);
  const withText = concept.textAllowed && exact.length > 0;
  // Words under skill filters would have to meet them as a person (buildPeopleQuery): the use case never asks.
  if (withText && filtered) return null;

  const bands: Array<Band & { readonly ceiling: number }> = [];
  if (skill !== undefined)
    bands.push({
      ...skillKeys(skill.kind),
      build: (q) => buildSkillRegionQuery(dialect, q, { skillIds: [skill.skillId], kind: skill.kind }),
    });
  if (withText) {
    const weights = (["name", "handle", "bio"] as const).flatMap((field) => [
      relevance.text[field].exact,
      ...(looseFor(field, loose) === null ? [] : [relevance.text[field].loose]),
    ]);
    const textOnly: ResolvedConcept = { ...resolved, concept: { ...concept, skills: [] } };
    bands.push({
      ...keys(Math.min(...weights), Math.max(...weights)),
      build: (q) => buildPeopleQuery(dialect, q, [textOnly], skill?.skillId),
    });
  }
  if (begun.length > 0) {
    const without = { skillId: skill?.skillId, words: withText ? resolved : undefined };
    bands.push({
      ...skillKeys("prefix"),
      build: (q) => buildSkillRegionQuery(dialect, q, { skillIds: begun, kind: "prefix", without }),
    });
  }
  const apart = bands.every((band, i) => i === 0 || (bands[i - 1]?.floor ?? 0) > band.ceiling);
  return apart ? bands : null;
}

/** What each field is searched with for a concept's words: loose slots hold the exact words too. */
const fieldSlotsOf = ({ exact, loose }: ResolvedConcept): FieldSlots[] =>
  (["name", "handle", "bio"] as const).map((field) => ({ field, slots: looseFor(field, loose) ?? exact }));

/**
 * Among the region's skills, the row `s` is the best that counts for its person (highest key, then lowest
 * skill id), so each person appears once, at the score the general query gives them.
 */
function bestRow(dialect: SqlDialect, query: PeopleQuery, region: SkillRegion, param: Param): string[] {
  const { direction, minLevel } = query.skillFilter;
  const single = region.skillIds.length === 1;
  // Rows held to nothing: a skill's best row is its person's better one, marked when it was indexed.
  const best = direction === undefined && minLevel === undefined && !restrictsSkillRows(query) ? [`s.is_best = 1`] : [];
  if (single && best.length > 0) return best;
  // One row per skill and direction: with the direction fixed there is nothing to choose.
  if (single && direction !== undefined) return [];
  // Otherwise the person's other rows among these skills that still count decide (a teaching row always
  // outranks a learning one of the same skill: it carries the level bonus).
  const skills = single ? `o.skill_id = s.skill_id` : `o.skill_id IN (${list(region.skillIds, param)})`;
  const counts = [...skillConditions(query.skillFilter, param, "o."), ...meetingConditions(query, param, "o.")];
  // Correlated through the person row, not the skill row: SQLite then tests it only for rows whose person
  // passed the cheaper person conditions (a distance, a community) instead of for every row walked.
  return [
    ...best,
    `NOT EXISTS (SELECT 1 FROM ${dialect.skillsOfPerson("o")} WHERE o.doc = p.doc AND ${skills}${counts.map((c) => ` AND ${c}`).join("")}
      AND (o.rank_key > s.rank_key OR (o.rank_key = s.rank_key AND o.skill_id < s.skill_id)))`,
  ];
}

/** The region's rows of one skill, best first, one per person, at most a page and one. */
function regionRows(
  dialect: SqlDialect,
  query: PeopleQuery,
  region: SkillRegion,
  skillId: string,
  param: Param,
  foundByWords: WordExclusion | null,
) {
  // Stored rank keys assume an exact skill match; a misspelt or begun one weighs less, by the same for all.
  const offset = (relevance.skill - skillWeights[region.kind]) * scale;
  const origin = query.origin;
  const distance = origin === undefined ? "NULL" : dialect.distanceKm(param(origin.latitude), param(origin.longitude));
  const where = [
    `s.skill_id = ${param(skillId)}`,
    ...skillConditions(query.skillFilter, param, "s."),
    ...withinBox(query, param, "s."),
    ...meetingConditions(query, param, "s."),
    ...bestRow(dialect, query, region, param),
  ];
  const { without } = region;
  if (without?.skillId !== undefined) where.push(countsForSkill(dialect, query, without.skillId, param, "p.doc", true));
  if (foundByWords !== null) where.push(foundByWords.condition(param));
  where.push(...personConditions(dialect, query, param, { boxed: false }));
  if (origin?.km !== undefined)
    where.push(`${dialect.distanceKm(param(origin.latitude), param(origin.longitude))} <= ${param(origin.km)}`);
  if (query.after !== undefined) {
    const k = param(query.after.key + offset);
    const k2 = param(query.after.key + offset);
    const id = param(query.after.userId);
    where.push(`(s.rank_key < ${k} OR (s.rank_key = ${k2} AND s.user_id > ${id}))`);
  }
  return `SELECT ${personColumns(dialect, query)},
      (s.rank_key - p.trust_key - ${offset}) / ${scale} AS score, ${distance} AS km, s.rank_key - ${offset} AS sort_key
    FROM search_skill s JOIN search_person p ON p.doc = s.doc
    WHERE ${where.join(" AND ")}
    ORDER BY s.rank_key DESC, s.user_id ASC
    LIMIT ${param(query.limit + 1)}`;
}

/**
 * The people some skills count for, best first, off the (skill, rank_key, user_id) indexes: a page from each
 * skill, merged. Positional placeholders bind in textual order, so each part is built in the order written.
 */
export function buildSkillRegionQuery(dialect: SqlDialect, query: PeopleQuery, region: SkillRegion): BuiltQuery {
  const { params, param } = parameters(dialect);
  const words = region.without?.words;
  const foundByWords = words === undefined ? null : dialect.excludeFoundBy(fieldSlotsOf(words), param);
  const cte = foundByWords?.cte ?? null;
  const head = cte === null ? "" : `WITH ${cte} `;
  const rowsOf = (skillId: string) => regionRows(dialect, query, region, skillId, param, foundByWords);
  const [only, ...more] = region.skillIds;
  if (only !== undefined && more.length === 0) return { sql: `${head}${rowsOf(only)}`, params };
  const parts = region.skillIds.map((skillId, i) => `SELECT * FROM (${rowsOf(skillId)}) r${i}`);
  const sql = `${head}${parts.join(" UNION ALL ")} ORDER BY sort_key DESC, user_id ASC LIMIT ${param(query.limit + 1)}`;
  return { sql, params };
}
