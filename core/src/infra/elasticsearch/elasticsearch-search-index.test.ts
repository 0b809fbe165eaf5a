import { errors } from "@elastic/elasticsearch";
import { describe, expect, it } from "vitest";
import type { SearchDocument } from "../../ports/search-index.js";
import { mockedElasticsearch, type SentRequest } from "../../testing/mocked-elasticsearch.js";
import type { CatalogSpelling } from "./people-index-body.js";
import { personSource } from "./person-source.js";

// These tests check what the adapter sends and how it reads answers, against @elastic/elasticsearch-mock: no
// Elasticsearch server evaluates the queries here (domain/search/search-on-elasticsearch.test.ts does, when one is set).

/** Spellings as the catalog stores them (normalised), one of them free text from a proposed skill. */
const spellings: CatalogSpelling[] = [
  { spelling: "guitar", skillId: "skill:guitar" },
  { spelling: "gitar", skillId: "skill:guitar" },
  { spelling: "гитара", skillId: "skill:guitar" },
  { spelling: "javascript", skillId: "skill:javascript" },
  { spelling: "js", skillId: "skill:javascript" },
  { spelling: "c++", skillId: "skill:c-plus-plus" },
  { spelling: "salt, fat => acid", skillId: "skill:cooking" },
  { spelling: "cooking", skillId: "skill:cooking" },
];

/** Batches of documents as a rebuild reads them. */
async function* batches(...lists: SearchDocument[][]) {
  for (const list of lists) yield await Promise.resolve(list);
}

/** An index over a mocked server that records every request it answers. */
const mockedIndex = () => mockedElasticsearch(spellings);

const notFound = () =>
  new errors.ResponseError({
    body: { error: { type: "index_not_found_exception" }, status: 404 },
    statusCode: 404,
    headers: {},
    warnings: null,
    meta: {} as never,
  });

const week = (day: number, from: number, to: number) => ({ start: day * 1440 + from * 60, end: day * 1440 + to * 60 });

const ana: SearchDocument = {
  userId: "u-ana",
  handle: "ana-lopez",
  displayName: "Ana López",
  bio: "Jazz guitarist who loves bossa nova",
  avatarKey: "avatars/u-ana/1",
  visibility: "communities",
  communityIds: ["c-1", "c-1", "c-2"],
  mode: "in_person",
  location: { name: "Paris", latitude: 48.8566, longitude: 2.3522 },
  ratingCount: 3,
  trust: 4.25,
  lastActiveAt: new Date("2026-12-01T10:00:00Z"),
  skills: [
    { skillId: "skill:guitar", categoryId: "cat:music", direction: "teach", level: 4, mode: "either", week: null },
    {
      skillId: "skill:spanish",
      categoryId: "cat:languages",
      direction: "learn",
      level: 3,
      mode: "online",
      week: [week(6, 10, 12)],
    },
  ],
  week: [week(2, 17, 19)],
};

const bulkOk = (request: SentRequest) => ({
  took: 1,
  errors: false,
  items: (request.body as Array<Record<string, { _id?: string }>>)
    .filter((line) => "index" in line || "delete" in line)
    .map((line) => {
      const [action = "index", meta = {}] = Object.entries(line)[0] ?? [];
      return { [action]: { _id: meta._id, status: action === "delete" ? 404 : 201, result: "done" } };
    }),
});

describe("the Elasticsearch people index (requests checked against a mocked server)", () => {
  describe("a person's document", () => {
    it("keeps normalised words, sort keys, communities once, every way of meeting and each skill's usable slots", () => {
      const source = personSource(ana);
      expect(source).toMatchObject({
        doc_kind: "person",
        name_words: "ana lopez",
        handle_words: "ana lopez",
        bio_words: "jazz guitarist who loves bossa nova",
        community_ids: ["c-1", "c-2"],
        modes: ["in_person", "either", "online"],
        location: { lat: 48.8566, lon: 2.3522 },
        trust_key: 425,
        rating_key: 425 * 100_000 + 3,
        active_at: Date.parse("2026-12-01T10:00:00Z"),
        week: [{ gte: 2 * 1440 + 17 * 60, lt: 2 * 1440 + 19 * 60 }],
        any_week: [
          { gte: 2 * 1440 + 17 * 60, lt: 2 * 1440 + 19 * 60 },
          { gte: 6 * 1440 + 600, lt: 6 * 1440 + 720 },
        ],
      });
      // Guitar has no slots of its own: it can be had in Ana's general ones. Spanish only in its own.
      expect(source.skills).toEqual([
        {
          skill_id: "skill:guitar",
          category_id: "cat:music",
          direction: "teach",
          level: 4,
          teach_level: 4,
          mode: "either",
          own_week: null,
          slots: [{ gte: 2 * 1440 + 17 * 60, lt: 2 * 1440 + 19 * 60 }],
        },
        {
          skill_id: "skill:spanish",
          category_id: "cat:languages",
          direction: "learn",
          level: 3,
          teach_level: 0,
          mode: "online",
          own_week: [{ gte: 6 * 1440 + 600, lt: 6 * 1440 + 720 }],
          slots: [{ gte: 6 * 1440 + 600, lt: 6 * 1440 + 720 }],
        },
      ]);
    });
  });

  describe("rebuilding", () => {
    it("creates the new index with the catalog's spellings as synonyms, nested skills, a geo point and prefixes", async () => {
      const { index, on, sent } = mockedIndex();
      on("PUT", "/:index", () => ({ acknowledged: true }));
      on("POST", "/:index/_bulk", bulkOk);
      on("GET", "/:index/_refresh", () => ({}));
      on("GET", "/_alias/:name", () => ({ "people-1-aaaaaa": { aliases: { people: {} } } }));
      on("POST", "/_aliases", () => ({ acknowledged: true }));
      await index.rebuild(batches([ana]), null);
      const created = sent.find((r) => r.method === "PUT");
      expect(created?.path).toMatch(/^\/people-\d+-[0-9a-f]{6}$/);
      const body = created?.body as {
        settings: { analysis: { filter: { catalog_spellings: { type: string; synonyms: string[] } } } };
        mappings: { properties: Record<string, Record<string, unknown>> };
      };
      const synonyms = body.settings.analysis.filter.catalog_spellings;
      expect(synonyms.type).toBe("synonym_graph");
      expect(synonyms.synonyms).toEqual([
        "c++ => skill:c-plus-plus",
        "cooking => skill:cooking",
        "gitar => skill:guitar",
        "guitar => skill:guitar",
        "javascript => skill:javascript",
        "js => skill:javascript",
        // Commas and arrows in free text would read as rule syntax: escaped.
        "salt\\, fat \\=\\> acid => skill:cooking",
        "гитара => skill:guitar",
      ]);
      const { properties } = body.mappings;
      expect(properties.skills?.type).toBe("nested");
      expect(properties.location).toEqual({ type: "geo_point" });
      expect(properties.any_week).toEqual({ type: "integer_range" });
      expect(properties.name_words?.index_prefixes).toEqual({ min_chars: 2, max_chars: 10 });
      expect(properties.handle_words?.index_prefixes).toEqual({ min_chars: 2, max_chars: 10 });
      expect(properties.bio_words?.index_prefixes).toBeUndefined();
    });

    it("fills the new index in bulk, then moves the alias and drops the old index in one atomic action", async () => {
      const { index, on, sent, paths } = mockedIndex();
      on("PUT", "/:index", () => ({ acknowledged: true }));
      on("POST", "/:index/_bulk", bulkOk);
      on("PUT", "/:index/_doc/:id", () => ({ result: "created" }));
      on("GET", "/:index/_refresh", () => ({}));
      on("GET", "/_alias/:name", () => ({ "people-1-aaaaaa": { aliases: { people: {} } } }));
      on("POST", "/_aliases", () => ({ acknowledged: true }));
      const bea = { ...ana, userId: "u-bea", handle: "bea" };
      const indexed = await index.rebuild(batches([ana], [], [bea]), { cursor: "evt-42", since: new Date(1_000) });
      expect(indexed).toBe(2);
      const fresh = sent[0]?.path.slice(1) ?? "";
      expect(paths()).toEqual([
        `PUT /${fresh}`,
        `POST /${fresh}/_bulk`,
        `POST /${fresh}/_bulk`,
        `PUT /${fresh}/_doc/~feed`,
        `GET /${fresh}/_refresh`,
        "GET /_alias/people",
        "POST /_aliases",
      ]);
      expect(sent[1]?.body).toEqual([{ index: { _id: "u-ana" } }, personSource(ana)]);
      expect(sent[3]?.body).toEqual({ doc_kind: "feed", feed_cursor: "evt-42", feed_since: 1_000 });
      expect(sent.at(-1)?.body).toEqual({
        actions: [{ add: { index: fresh, alias: "people" } }, { remove_index: { index: "people-1-aaaaaa" } }],
      });
    });

    it("on a first rebuild, takes over an index a stray write made under the alias's name", async () => {
      const { index, on, sent } = mockedIndex();
      on("PUT", "/:index", () => ({ acknowledged: true }));
      on("GET", "/:index/_refresh", () => ({}));
      on("GET", "/_alias/:name", notFound);
      on("HEAD", "/:index", () => ({}));
      on("POST", "/_aliases", () => ({ acknowledged: true }));
      await index.rebuild(batches(), null);
      const fresh = sent[0]?.path.slice(1) ?? "";
      expect(sent.at(-1)?.body).toEqual({
        actions: [{ add: { index: fresh, alias: "people" } }, { remove_index: { index: "people" } }],
      });
    });

    it("deletes the half-built index when a batch is refused, and leaves the alias where it was", async () => {
      const { index, on, paths, sent } = mockedIndex();
      on("PUT", "/:index", () => ({ acknowledged: true }));
      on("POST", "/:index/_bulk", () => ({
        errors: true,
        items: [{ index: { _id: "u-ana", status: 400, error: { type: "mapper_parsing_exception", reason: "bad" } } }],
      }));
      on("DELETE", "/:index", () => ({ acknowledged: true }));
      await expect(index.rebuild(batches([ana]), null)).rejects.toThrow("mapper_parsing_exception: bad (u-ana)");
      const fresh = sent[0]?.path.slice(1) ?? "";
      expect(paths()).toEqual([`PUT /${fresh}`, `POST /${fresh}/_bulk`, `DELETE /${fresh}`]);
    });
  });

  describe("following the outbox", () => {
    it("writes changed and removed people through the alias in one bulk, then the feed position, both visible to the next search", async () => {
      const { index, on, sent, paths } = mockedIndex();
      on("POST", "/:index/_bulk", bulkOk);
      on("PUT", "/:index/_doc/:id", () => ({ result: "updated" }));
      await index.apply({ upsert: [ana], remove: ["u-gone"], position: { cursor: "evt-7", since: new Date(5_000) } });
      expect(paths()).toEqual(["POST /people/_bulk", "PUT /people/_doc/~feed"]);
      expect(sent[0]?.body).toEqual([{ index: { _id: "u-ana" } }, personSource(ana), { delete: { _id: "u-gone" } }]);
      // require_alias: before the first rebuild a write fails instead of creating an index named "people".
      expect(sent[0]?.querystring).toEqual({ refresh: "wait_for", require_alias: "true" });
      expect(sent[1]?.body).toEqual({ doc_kind: "feed", feed_cursor: "evt-7", feed_since: 5_000 });
      expect(sent[1]?.querystring).toEqual({ refresh: "wait_for", require_alias: "true" });
    });

    it("leaves the feed position where it was when Elasticsearch refuses a change, so the events are applied again", async () => {
      const { index, on, paths } = mockedIndex();
      on("POST", "/:index/_bulk", () => ({
        errors: true,
        items: [
          { index: { _id: "u-ana", status: 429, error: { type: "es_rejected_execution_exception", reason: "busy" } } },
        ],
      }));
      await expect(
        index.apply({ upsert: [ana], remove: [], position: { cursor: "evt-8", since: new Date(6_000) } }),
      ).rejects.toThrow("es_rejected_execution_exception");
      expect(paths()).toEqual(["POST /people/_bulk"]);
    });

    it("reads its feed position back, and has none before its first rebuild", async () => {
      const { index, on } = mockedIndex();
      on("GET", "/:index/_doc/:id", () => ({
        _index: "people-1",
        _id: "~feed",
        found: true,
        _source: { doc_kind: "feed", feed_cursor: "evt-9", feed_since: 7_000 },
      }));
      expect(await index.position()).toEqual({ cursor: "evt-9", since: new Date(7_000) });
      const empty = mockedIndex();
      empty.on("GET", "/:index/_doc/:id", notFound);
      expect(await empty.index.position()).toBeNull();
    });
  });
});
