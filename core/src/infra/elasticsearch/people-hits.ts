import type { estypes } from "@elastic/elasticsearch";
import { editDistance } from "../../text/edit-distance.js";
import { sortKeys, type PeopleQuery, type SearchHit } from "../../ports/search-index.js";
import { distanceKm } from "../gazetteer/distance.js";
import { reasonsFor, skillRowMeets, toHit, type PageSkill, type PageSlot } from "../search-sql/hits.js";
import type { ResolvedConcept, WordSlot } from "../search-sql/people-sql.js";
import { intervals, type PersonSource } from "./person-source.js";
import { mayBeMisspelt } from "./people-query.js";

/** The slots of a person as the SQL indexes keep them: general ones under skill "", a skill's own under it. */
function slotsOf(source: PersonSource): PageSlot[] {
  return [
    ...intervals(source.week).map((w) => ({ doc: 0, skillId: "", direction: "", ...w })),
    ...source.skills.flatMap((s) =>
      intervals(s.own_week ?? []).map((w) => ({ doc: 0, skillId: s.skill_id, direction: s.direction, ...w })),
    ),
  ];
}

function pageSkills(query: PeopleQuery, source: PersonSource): PageSkill[] {
  const slots = slotsOf(source);
  return source.skills.map((s) => ({
    doc: 0,
    skillId: s.skill_id,
    categoryId: s.category_id,
    direction: s.direction,
    level: s.level,
    meets: skillRowMeets(
      query,
      { skillId: s.skill_id, direction: s.direction, mode: s.mode, ownWeek: s.own_week !== null },
      slots,
    ),
  }));
}

/**
 * The query's concepts with their typo variants spelt out, as the SQL indexes resolve them: ES matched a
 * misspelt word fuzzily, and the words of the people on the page within its budget are what it can have met.
 */
export function resolvedConcepts(
  query: PeopleQuery,
  known: ReadonlySet<string>,
  pageWords: ReadonlySet<string>,
): ResolvedConcept[] {
  return query.concepts.map((concept) => {
    const exact: WordSlot[] = concept.words.map((w) => ({ alternatives: [w.text] }));
    let loosened = false;
    const loose = concept.words.map((w, i): WordSlot => {
      const variants = mayBeMisspelt(w, known)
        ? [...pageWords].filter((word) => word !== w.text && editDistance(w.text, word, w.maxEdits) <= w.maxEdits)
        : [];
      const prefix = concept.prefix && i === concept.words.length - 1 && w.text.length >= 2 ? w.text : undefined;
      if (variants.length > 0 || prefix !== undefined) loosened = true;
      return { alternatives: [w.text, ...variants], ...(prefix === undefined ? {} : { prefix }) };
    });
    return { concept, exact, loose: loosened ? loose : null };
  });
}

const wordsIn = (source: PersonSource) =>
  [source.name_words, source.handle_words, source.bio_words].flatMap((text) => text.split(" ").filter(Boolean));

/** Hits of a people search, in order, each with the reasons the SQL indexes would give for it. */
export function peopleHits(
  query: PeopleQuery,
  known: ReadonlySet<string>,
  hits: ReadonlyArray<estypes.SearchHit<PersonSource>>,
): SearchHit[] {
  const people = hits.flatMap((hit) => (hit._source === undefined ? [] : [{ hit, source: hit._source }]));
  const concepts = resolvedConcepts(query, known, new Set(people.flatMap(({ source }) => wordsIn(source))));
  return people.map(({ hit, source }) => {
    const { origin } = query;
    const km =
      origin === undefined || source.location === null
        ? null
        : distanceKm(origin, { latitude: source.location.lat, longitude: source.location.lon });
    // The relevance key (score × 1000 + trust) is the score ES computed; the score is what the concepts added.
    const relevanceKey = Math.round(hit._score ?? 0);
    const reasons = reasonsFor(concepts, query, pageSkills(query, source), {
      doc: 0,
      name: source.name_words,
      handle: source.handle_words,
      bio: source.bio_words,
    });
    return toHit(
      {
        doc: 0,
        userId: source.user_id,
        handle: source.handle,
        displayName: source.display_name,
        avatarKey: source.avatar_key,
        locationName: source.location_name,
        trust: source.trust,
        ratingCount: source.rating_count,
        activeAt: source.active_at,
        score: Math.round((relevanceKey - source.trust_key) / sortKeys.relevanceScale),
        km,
        sortKey: query.sort === "relevance" ? relevanceKey : Number(hit.sort?.[0]),
      },
      reasons,
    );
  });
}
