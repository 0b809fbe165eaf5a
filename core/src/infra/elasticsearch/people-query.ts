import type { estypes } from "@elastic/elasticsearch";
import {
  relevance,
  sortKeys,
  type PeopleQuery,
  type SearchConcept,
  type SkillMatchKind,
  type TextField,
  type WeekInterval,
} from "../../ports/search-index.js";
import { skillWeights } from "../search-sql/people-sql.js";

type Query = estypes.QueryDslQueryContainer;

/**
 * Scores are sums of constant weights; ES keeps them in 32-bit floats, exact up to 2^24. Weights are scaled so
 * that the score *is* the relevance sort key (relevance × 1000 + trust in hundredths), far below that bound.
 */
const scale = sortKeys.relevanceScale;

/** Typo variants per word, closest first, as the SQL indexes take from their vocabulary. */
const maxVariants = 8;

export const textFields: Record<TextField, string> = { name: "name_words", handle: "handle_words", bio: "bio_words" };

/** Metres to a person for the distance order; people without a location sort last, as in the SQL indexes. */
const distanceKeyScript =
  "if (doc['location'].size() == 0) { return params.unknown; } return Math.floor(doc['location'].arcDistance(params.lat, params.lon));";

const overlapsAny = (field: string, window: readonly WeekInterval[]): Query => ({
  bool: {
    should: window.map((w) => ({ range: { [field]: { gte: w.start, lt: w.end, relation: "intersects" } } })),
    minimum_should_match: 1,
  },
});

/** Conditions on one nested skill row: the skill filters, and whether it can be had as the query asks. */
function skillRowFilters(query: PeopleQuery): Query[] {
  const filters: Query[] = [];
  const { categoryId, direction, minLevel } = query.skillFilter;
  if (categoryId !== undefined) filters.push({ term: { "skills.category_id": categoryId } });
  if (direction !== undefined) filters.push({ term: { "skills.direction": direction } });
  if (minLevel !== undefined) filters.push({ range: { "skills.level": { gte: minLevel } } });
  if (query.mode !== undefined) filters.push({ terms: { "skills.mode": [query.mode, "either"] } });
  if (query.window !== undefined && query.window.length > 0) filters.push(overlapsAny("skills.slots", query.window));
  return filters;
}

/** A concept's skills as a nested query scoring its best row: the weight of how it was reached, plus teaching. */
function skillClause(concept: SearchConcept, query: PeopleQuery): Query | null {
  const byKind = new Map<SkillMatchKind, string[]>();
  for (const { skillId, kind } of concept.skills) byKind.set(kind, [...(byKind.get(kind) ?? []), skillId]);
  if (byKind.size === 0) return null;
  const rows = [...byKind].map(([kind, skillIds]): Query => ({
    function_score: {
      query: {
        constant_score: {
          filter: { bool: { filter: [{ terms: { "skills.skill_id": skillIds } }, ...skillRowFilters(query)] } },
          boost: skillWeights[kind] * scale,
        },
      },
      functions: [
        { field_value_factor: { field: "skills.teach_level", factor: relevance.teachLevelBonus * scale, missing: 0 } },
      ],
      boost_mode: "sum",
    },
  }));
  return {
    nested: {
      path: "skills",
      score_mode: "max",
      query: rows.length === 1 && rows[0] !== undefined ? rows[0] : { dis_max: { queries: rows, tie_breaker: 0 } },
    },
  };
}

/**
 * One word of a loosened concept: the word itself, a typo of it (only for a word the index does not hold, as
 * the SQL indexes decide), or, the last word in a name or handle, anything it begins.
 */
function looseWord(
  field: TextField,
  word: SearchConcept["words"][number],
  prefix: boolean,
  known: ReadonlySet<string>,
) {
  const name = textFields[field];
  const ways: Query[] = [{ term: { [name]: word.text } }];
  // maxEdits is the domain's typo budget, the same as ES's fuzziness AUTO:4,7 (0 up to 3 letters, 1 up to 6, then 2).
  if (mayBeMisspelt(word, known))
    ways.push({
      fuzzy: {
        [name]: {
          value: word.text,
          fuzziness: word.maxEdits,
          prefix_length: 0,
          transpositions: true,
          max_expansions: maxVariants,
        },
      },
    });
  if (prefix) ways.push({ prefix: { [name]: word.text } });
  return { ways, loosened: ways.length > 1 };
}

/** Digits are never misspelt (handles like user-12-345), and a word the index holds is taken as written. */
export const mayBeMisspelt = (word: SearchConcept["words"][number], known: ReadonlySet<string>) =>
  word.maxEdits > 0 && !/^\d+$/.test(word.text) && !known.has(word.text);

const allOf = (queries: readonly Query[]): Query => ({ bool: { filter: [...queries] } });

/** Every word in one field, exactly; and, when some word may be loosened, the looser way at its lower weight. */
function textClauses(concept: SearchConcept, known: ReadonlySet<string>): Query[] {
  if (!concept.textAllowed || concept.words.length === 0) return [];
  return (["name", "handle", "bio"] as const).flatMap((field) => {
    const weights = relevance.text[field];
    const name = textFields[field];
    const clauses: Query[] = [
      {
        constant_score: {
          filter: allOf(concept.words.map((w) => ({ term: { [name]: w.text } }))),
          boost: weights.exact * scale,
        },
      },
    ];
    // The start of a word in a bio finds half the bios: prefixes only in names and handles.
    const words = concept.words.map((w, i) =>
      looseWord(
        field,
        w,
        concept.prefix && field !== "bio" && i === concept.words.length - 1 && w.text.length >= 2,
        known,
      ),
    );
    if (words.some((w) => w.loosened))
      clauses.push({
        constant_score: {
          filter: allOf(words.map((w) => ({ bool: { should: w.ways, minimum_should_match: 1 } }))),
          boost: weights.loose * scale,
        },
      });
    return clauses;
  });
}

/** A concept scores its best way of matching (dis_max, no tie breaker); the bool `must` sums concepts. */
function conceptClause(concept: SearchConcept, query: PeopleQuery, known: ReadonlySet<string>): Query {
  const skills = skillClause(concept, query);
  return {
    dis_max: { queries: [...(skills === null ? [] : [skills]), ...textClauses(concept, known)], tie_breaker: 0 },
  };
}

/** Who the viewer may find, and the person-level filters: mode, community, time, distance. */
function personFilters(query: PeopleQuery): Query[] {
  const { viewer, origin } = query;
  const filters: Query[] = [{ term: { doc_kind: "person" } }];
  filters.push(
    viewer.communityIds.length === 0
      ? { term: { visibility: "public" } }
      : {
          bool: {
            should: [{ term: { visibility: "public" } }, { terms: { community_ids: [...viewer.communityIds] } }],
            minimum_should_match: 1,
          },
        },
  );
  // A person meets the query's mode or time if they can for something; a matching skill is held to its own.
  if (query.mode !== undefined) filters.push({ terms: { modes: [query.mode, "either"] } });
  if (query.communityId !== undefined) filters.push({ term: { community_ids: query.communityId } });
  if (query.window !== undefined && query.window.length > 0) filters.push(overlapsAny("any_week", query.window));
  if (origin?.km !== undefined)
    filters.push({
      geo_distance: {
        distance: `${origin.km}km`,
        distance_type: "arc",
        location: { lat: origin.latitude, lon: origin.longitude },
      },
    });
  const filtered = Object.values(query.skillFilter).some((value) => value !== undefined);
  if (filtered && !query.concepts.some((c) => c.skills.length > 0))
    filters.push({ nested: { path: "skills", score_mode: "none", query: allOf(skillRowFilters(query)) } });
  return filters;
}

function sortOf(query: PeopleQuery): estypes.SortCombinations[] {
  const byUser: estypes.SortCombinations = { user_id: { order: "asc" } };
  switch (query.sort) {
    case "relevance":
      return [{ _score: { order: "desc" } }, byUser];
    case "rating":
      return [{ rating_key: { order: "desc" } }, byUser];
    case "recent":
      return [{ active_at: { order: "desc" } }, byUser];
    case "distance": {
      const origin = query.origin;
      const unknown = sortKeys.unknownDistanceKm * 1000;
      // Without a reference point every distance is unknown (the domain asks for one before sorting so).
      if (origin === undefined)
        return [
          { _script: { type: "number", order: "asc", script: { source: "params.unknown", params: { unknown } } } },
          byUser,
        ];
      return [
        {
          _script: {
            type: "number",
            order: "asc",
            script: {
              source: distanceKeyScript,
              params: { lat: origin.latitude, lon: origin.longitude, unknown },
            },
          },
        },
        byUser,
      ];
    }
  }
}

export type PeopleSearchBody = Omit<estypes.SearchRequest, "index">;

/**
 * The people query as one search request: the concepts as scored clauses, the filters as filters, the score
 * plus trust as the relevance key (function_score), one more hit than the page to tell whether more follow.
 * `known` holds the query's words the index has (see mayBeMisspelt).
 */
export function peopleSearchBody(query: PeopleQuery, known: ReadonlySet<string>): PeopleSearchBody {
  const must = query.concepts.map((concept) => conceptClause(concept, query, known));
  const must_not: Query[] = [{ term: { user_id: query.viewer.userId } }];
  if (query.viewer.hidden.length > 0) must_not.push({ terms: { user_id: [...query.viewer.hidden] } });
  return {
    size: query.limit + 1,
    track_total_hits: false,
    track_scores: true,
    query: {
      function_score: {
        query: { bool: { must, filter: personFilters(query), must_not } },
        functions: [{ field_value_factor: { field: "trust_key", missing: 0 } }],
        boost_mode: "sum",
      },
    },
    sort: sortOf(query),
    ...(query.after === undefined ? {} : { search_after: [query.after.key, query.after.userId] }),
  };
}
