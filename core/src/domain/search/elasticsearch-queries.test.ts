import { describe, expect, it } from "vitest";
import { conceptsOf } from "./concepts.js";
import { searchCatalogOf } from "./spellings.js";
import { catalogSkills } from "../skills/catalog-data.js";
import { skillIdFor } from "../skills/catalog.js";
import type { PeopleQuery, SearchDocument } from "../../ports/search-index.js";
import { normalizeText } from "../../text/words.js";
import { distanceKm } from "../../infra/gazetteer/distance.js";
import { mockedElasticsearch } from "../../testing/mocked-elasticsearch.js";
import { personSource } from "../../infra/elasticsearch/person-source.js";

// What a people search asks Elasticsearch, and how its answer becomes hits, checked against
// @elastic/elasticsearch-mock: the mock records requests and returns canned answers; it evaluates nothing.

const catalog = searchCatalogOf(
  catalogSkills.flatMap((skill) => {
    const skillId = skillIdFor(skill.slug);
    return [
      { alias: normalizeText(skill.name), skillId, kind: "name" },
      ...skill.aliases.map((alias) => ({ alias, skillId, kind: "alias" })),
      ...skill.misspellings.map((alias) => ({ alias, skillId, kind: "misspelling" })),
    ];
  }),
);

const paris = { latitude: 48.8566, longitude: 2.3522 };

/** "js" is JavaScript's alias; "maira" names no skill and is the last word: a typo or the start of a name. */
const query: PeopleQuery = {
  viewer: { userId: "u-sam", communityIds: ["c-1"], hidden: ["u-hugo"] },
  concepts: conceptsOf("js maira", catalog, false),
  skillFilter: {},
  origin: { ...paris, km: 50 },
  mode: "online",
  // Tuesday 17:00–18:00 UTC.
  window: [{ start: 2 * 1440 + 1020, end: 2 * 1440 + 1080 }],
  sort: "distance",
  after: { key: 1234, userId: "u-ana" },
  limit: 2,
};

/** Every search the adapter sends, answered by `answer` (the known-words request has `aggs`). */
function mockedSearch(answer: (body: Record<string, unknown>) => unknown) {
  const { index, on, sent } = mockedElasticsearch();
  on("POST", "/:index/_search", (request) => answer(request.body as Record<string, unknown>));
  return { index, sent };
}

const exactly = (field: string, word: string, weight: number) => ({
  constant_score: { filter: { bool: { filter: [{ term: { [field]: word } }] } }, boost: weight },
});
/** "maira" in a name or handle: as written, a word one typo away (Maria), or a word it begins (Mairead). */
const typoOrBeginning = (field: string, weight: number, prefix = true) => ({
  constant_score: {
    filter: {
      bool: {
        filter: [
          {
            bool: {
              should: [
                { term: { [field]: "maira" } },
                {
                  fuzzy: {
                    [field]: {
                      value: "maira",
                      fuzziness: 1,
                      prefix_length: 0,
                      transpositions: true,
                      max_expansions: 8,
                    },
                  },
                },
                ...(prefix ? [{ prefix: { [field]: "maira" } }] : []),
              ],
              minimum_should_match: 1,
            },
          },
        ],
      },
    },
    boost: weight,
  },
});
const tuesdayEvening = (field: string) => ({
  bool: {
    should: [{ range: { [field]: { gte: 3900, lt: 3960, relation: "intersects" } } }],
    minimum_should_match: 1,
  },
});

describe("a people search on Elasticsearch (requests checked against a mocked server)", () => {
  it("asks first which typed words the index holds, then sends alias, typo, prefix, geo and time in one query", async () => {
    const { index, sent } = mockedSearch((body) =>
      "aggs" in body
        ? { hits: { hits: [] }, aggregations: { known: { buckets: { maira: { doc_count: 0 } } } } }
        : { hits: { hits: [] } },
    );
    await index.people(query);
    expect(sent.map((r) => r.path)).toEqual(["/people/_search", "/people/_search"]);
    // "js" has no typo budget (three letters or fewer): only "maira" may be misspelt, if the index lacks it.
    expect(sent[0]?.body).toEqual({
      size: 0,
      aggs: { known: { filters: { filters: { maira: { term: { vocabulary: "maira" } } } } } },
    });
    expect(sent[1]?.body).toEqual({
      size: 3,
      track_total_hits: false,
      track_scores: true,
      query: {
        function_score: {
          query: {
            bool: {
              must: [
                {
                  dis_max: {
                    queries: [
                      {
                        // JavaScript, reached through its alias: weight 100 (×1000), plus 4 per level taught,
                        // only from a row that can be had online on Tuesday evening.
                        nested: {
                          path: "skills",
                          score_mode: "max",
                          query: {
                            function_score: {
                              query: {
                                constant_score: {
                                  filter: {
                                    bool: {
                                      filter: [
                                        { terms: { "skills.skill_id": ["skill:javascript"] } },
                                        { terms: { "skills.mode": ["online", "either"] } },
                                        tuesdayEvening("skills.slots"),
                                      ],
                                    },
                                  },
                                  boost: 100_000,
                                },
                              },
                              functions: [
                                { field_value_factor: { field: "skills.teach_level", factor: 4000, missing: 0 } },
                              ],
                              boost_mode: "sum",
                            },
                          },
                        },
                      },
                      exactly("name_words", "js", 70_000),
                      exactly("handle_words", "js", 55_000),
                      exactly("bio_words", "js", 30_000),
                    ],
                    tie_breaker: 0,
                  },
                },
                {
                  dis_max: {
                    queries: [
                      exactly("name_words", "maira", 70_000),
                      typoOrBeginning("name_words", 52_000),
                      exactly("handle_words", "maira", 55_000),
                      typoOrBeginning("handle_words", 41_000),
                      exactly("bio_words", "maira", 30_000),
                      // The start of a word in a bio finds half the bios: a typo only.
                      typoOrBeginning("bio_words", 22_000, false),
                    ],
                    tie_breaker: 0,
                  },
                },
              ],
              filter: [
                { term: { doc_kind: "person" } },
                {
                  bool: {
                    should: [{ term: { visibility: "public" } }, { terms: { community_ids: ["c-1"] } }],
                    minimum_should_match: 1,
                  },
                },
                { terms: { modes: ["online", "either"] } },
                tuesdayEvening("any_week"),
                {
                  geo_distance: {
                    distance: "50km",
                    distance_type: "arc",
                    location: { lat: paris.latitude, lon: paris.longitude },
                  },
                },
              ],
              must_not: [{ term: { user_id: "u-sam" } }, { terms: { user_id: ["u-hugo"] } }],
            },
          },
          functions: [{ field_value_factor: { field: "trust_key", missing: 0 } }],
          boost_mode: "sum",
        },
      },
      sort: [
        {
          _script: {
            type: "number",
            order: "asc",
            script: {
              source:
                "if (doc['location'].size() == 0) { return params.unknown; } return Math.floor(doc['location'].arcDistance(params.lat, params.lon));",
              params: { lat: paris.latitude, lon: paris.longitude, unknown: 100_000_000 },
            },
          },
        },
        { user_id: { order: "asc" } },
      ],
      search_after: [1234, "u-ana"],
    });
  });

  it("takes a word the index holds as written, and keeps skill filters to skill rows", async () => {
    const { index, sent } = mockedSearch((body) =>
      "aggs" in body
        ? { hits: { hits: [] }, aggregations: { known: { buckets: { maira: { doc_count: 2 } } } } }
        : { hits: { hits: [] } },
    );
    await index.people({
      viewer: { userId: "u-sam", communityIds: [], hidden: [] },
      concepts: conceptsOf("maira", catalog, true),
      skillFilter: { categoryId: "cat:programming", direction: "teach", minLevel: 3 },
      sort: "rating",
      limit: 20,
    });
    const body = JSON.stringify(sent[1]?.body);
    expect(body).not.toContain("fuzzy");
    expect(body).toContain(JSON.stringify({ prefix: { name_words: "maira" } }));
    const filter = [
      { term: { doc_kind: "person" } },
      { term: { visibility: "public" } },
      {
        nested: {
          path: "skills",
          score_mode: "none",
          query: {
            bool: {
              filter: [
                { term: { "skills.category_id": "cat:programming" } },
                { term: { "skills.direction": "teach" } },
                { range: { "skills.level": { gte: 3 } } },
              ],
            },
          },
        },
      },
    ];
    expect(sent[1]?.body).toMatchObject({
      query: { function_score: { query: { bool: { filter } } } },
      sort: [{ rating_key: { order: "desc" } }, { user_id: { order: "asc" } }],
    });
  });

  describe("reading the answer", () => {
    const person = (over: Partial<SearchDocument> & Pick<SearchDocument, "userId" | "handle" | "displayName">) =>
      personSource({
        bio: "",
        avatarKey: null,
        visibility: "public",
        communityIds: [],
        mode: "either",
        location: null,
        ratingCount: 0,
        trust: 0,
        lastActiveAt: new Date(0),
        skills: [],
        week: [],
        ...over,
      });
    const mairaCosta = person({
      userId: "u-maira",
      handle: "maira-c",
      displayName: "Maira Costa",
      trust: 3,
      skills: [
        {
          skillId: "skill:javascript",
          categoryId: "cat:programming",
          direction: "learn",
          level: 2,
          mode: "either",
          week: null,
        },
      ],
    });
    const mariaBianchi = person({
      userId: "u-maria",
      handle: "mb",
      displayName: "Maria Bianchi",
      trust: 4.5,
      ratingCount: 6,
      avatarKey: "avatars/u-maria/2",
      location: { name: "Paris", latitude: 48.86, longitude: 2.34 },
      lastActiveAt: new Date("2026-11-30T08:00:00Z"),
      skills: [
        {
          skillId: "skill:javascript",
          categoryId: "cat:programming",
          direction: "teach",
          level: 4,
          mode: "either",
          week: null,
        },
        // Taught in person only: cannot be why an online search found her.
        {
          skillId: "skill:python",
          categoryId: "cat:programming",
          direction: "teach",
          level: 5,
          mode: "in_person",
          week: null,
        },
      ],
    });
    const mairany = person({
      userId: "u-mairany",
      handle: "ml",
      displayName: "Mairany Lima",
      trust: 4.5,
      location: { name: "Paris", latitude: 48.86, longitude: 2.34 },
      skills: [
        {
          skillId: "skill:javascript",
          categoryId: "cat:programming",
          direction: "teach",
          level: 1,
          mode: "online",
          week: null,
        },
      ],
    });
    const third = person({ userId: "u-z", handle: "z", displayName: "Maira Z" });
    const relevant: PeopleQuery = {
      viewer: query.viewer,
      concepts: [],
      skillFilter: {},
      origin: { ...paris, km: 50 },
      mode: "online",
      sort: "relevance",
      limit: 2,
    };

    it("returns people in Elasticsearch's order with their scores, distances, pictures and why each matched", async () => {
      const { index } = mockedSearch((body) =>
        "aggs" in body
          ? { hits: { hits: [] }, aggregations: { known: { buckets: { maira: { doc_count: 1 } } } } }
          : {
              hits: {
                hits: [
                  // js: learns JavaScript (100); maira: the name as written (70); trust 3.00.
                  { _id: "u-maira", _score: 170_300, _source: mairaCosta, sort: [170_300, "u-maira"] },
                  // js: teaches JavaScript at level 1 (100 + 4); maira: the start of "mairany" (52); trust 4.50.
                  { _id: "u-mairany", _score: 156_450, _source: mairany, sort: [156_450, "u-mairany"] },
                  { _id: "u-z", _score: 1, _source: third, sort: [1, "u-z"] },
                ],
              },
            },
      );
      // "maira" is indexed (Maira Costa's name): taken as written, it is not looked for as a typo.
      const page = await index.people({ ...relevant, concepts: conceptsOf("js maira", catalog, false) });
      expect(page.more).toBe(true);
      expect(page.hits).toHaveLength(2);
      const [maira, mairanyLima] = page.hits;
      expect(maira).toMatchObject({
        userId: "u-maira",
        handle: "maira-c",
        displayName: "Maira Costa",
        avatarKey: null,
        locationName: null,
        distanceKm: null,
        trust: 3,
        score: 170,
        position: { key: 170_300, userId: "u-maira" },
      });
      expect(maira?.reasons).toEqual([
        {
          field: "skill",
          typed: "js",
          skill: { skillId: "skill:javascript", direction: "learn", level: 2 },
          fuzzy: false,
        },
        { field: "name", typed: "maira", word: "maira", fuzzy: false },
      ]);
      expect(mairanyLima).toMatchObject({
        userId: "u-mairany",
        locationName: "Paris",
        trust: 4.5,
        score: 156,
        position: { key: 156_450, userId: "u-mairany" },
      });
      expect(mairanyLima?.reasons).toEqual([
        {
          field: "skill",
          typed: "js",
          skill: { skillId: "skill:javascript", direction: "teach", level: 1 },
          fuzzy: false,
        },
        { field: "name", typed: "maira", word: "mairany", fuzzy: true },
      ]);
      // Distances are the gazetteer's great circle, as in the SQL indexes: a kilometre from the point.
      expect(mairanyLima?.distanceKm).toBeCloseTo(distanceKm(paris, { latitude: 48.86, longitude: 2.34 }), 9);
      expect(mairanyLima?.distanceKm).toBeGreaterThan(0.9);
      expect(mairanyLima?.distanceKm).toBeLessThan(1.1);
    });

    it("says a typo matched a name only when the index lacked the typed word, and never credits a skill the filters rule out", async () => {
      const { index } = mockedSearch((body) =>
        "aggs" in body
          ? { hits: { hits: [] }, aggregations: { known: { buckets: { maira: { doc_count: 0 } } } } }
          : {
              hits: { hits: [{ _id: "u-maria", _score: 168_450, _source: mariaBianchi, sort: [168_450, "u-maria"] }] },
            },
      );
      const page = await index.people({ ...relevant, concepts: conceptsOf("js maira", catalog, false) });
      expect(page.more).toBe(false);
      expect(page.hits[0]).toMatchObject({
        avatarKey: "avatars/u-maria/2",
        ratingCount: 6,
        lastActiveAt: new Date("2026-11-30T08:00:00Z"),
        score: 168,
      });
      expect(page.hits[0]?.reasons).toEqual([
        {
          field: "skill",
          typed: "js",
          skill: { skillId: "skill:javascript", direction: "teach", level: 4 },
          fuzzy: false,
        },
        { field: "name", typed: "maira", word: "maria", fuzzy: true },
      ]);
      const python = await index.people({ ...relevant, concepts: conceptsOf("python", catalog, false) });
      expect(python.hits[0]?.reasons).toEqual([]);
    });
  });
});
