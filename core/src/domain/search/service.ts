import { LRUCache } from "lru-cache";
import { z } from "zod";
import { invalid, notFound } from "../../errors.js";
import { translate } from "../../messages/index.js";
import type { PeopleQuery, SkillFilter } from "../../ports/search-index.js";
import { normalizeText } from "../../text/words.js";
import { weekInUtc } from "../matching/week-utc.js";
import { avatarUrlsOf } from "../profiles/avatars.js";
import { visibleAmong } from "../profiles/visibility.js";
import { resolvePlace } from "../profiles/location.js";
import type { Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";
import { idField, lineField } from "../shared/fields.js";
import { parseInput } from "../shared/validate.js";
import { parseSlot } from "../skills/availability.js";
import { categoryIndex } from "../skills/catalog.js";
import { conceptsOf } from "./concepts.js";
import { decodeCursor, encodeCursor, fingerprintOf } from "./cursor.js";
import { reasonText, type SearchReason } from "./reasons.js";
import { SearchFeed } from "./feed.js";
import { searchCatalogOf, type SearchCatalog } from "./spellings.js";

/** The options of a people search; exported so a door can describe them (see inputs.ts). */
export const peopleSearchInput = z
  .object({
    text: lineField(0, 200).default(""),
    category: lineField(1, 80).optional(),
    direction: z.enum(["teach", "learn"]).optional(),
    minLevel: z.number().int().min(1, "field.level").max(5, "field.level").optional(),
    near: lineField(1, 120).optional(),
    km: z.number().positive().max(20_000).optional(),
    mode: z.enum(["online", "in_person"]).optional(),
    community: idField.optional(),
    /** A weekly window in the searcher's time zone, as in availability: "Tue 18:00-20:00". */
    available: z
      .string()
      .trim()
      .max(40)
      .refine((text) => parseSlot(text) !== null, "field.slot")
      .optional(),
    sort: z.enum(["relevance", "distance", "rating", "recent"]).optional(),
    limit: z.number().int().min(1).max(50).default(20),
    cursor: lineField(1, 400).optional(),
  })
  .strict();

export type PeopleSearchInput = z.input<typeof peopleSearchInput>;
export type { SearchReason };

export interface PersonHit {
  readonly handle: string;
  readonly displayName: string;
  /** The person's picture at the size a result shows (128 px), null without one. */
  readonly avatarSmallUrl: string | null;
  readonly location: string | null;
  readonly distanceKm: number | null;
  readonly rating: { readonly count: number; readonly bayesian: number };
  readonly lastActiveAt: Date;
  readonly score: number;
  readonly reasons: readonly SearchReason[];
}

export interface PeopleSearchResult {
  readonly hits: readonly PersonHit[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
  readonly sort: PeopleQuery["sort"];
}

/** The catalog changes only when a proposed skill is approved: a minute of staleness costs little. */
const catalogTtlMs = 60_000;

/**
 * Pages the index has answered, by the whole query (who asks, whom they block, where they are, every filter)
 * and the index's version: as a search engine's request cache, an answer lives until the index changes, so it
 * is never older than what the index would answer. Who may see whom is still confirmed on the database for
 * every page shown (see visibleTo).
 */
const answeredPages = 2_000;

/** A page the index answered, as shown to whoever may see all of it, and whose it is. */
interface Answer {
  readonly userIds: readonly string[];
  readonly result: PeopleSearchResult;
}

export interface SearchOptions {
  /** Where people reach the web server, which serves avatars: their URLs start with it. */
  readonly publicUrl: string;
}

export function createSearchService(deps: ServiceDeps, { publicUrl }: SearchOptions) {
  const { db, clock, geocoder, searchIndex } = deps;
  const feed = new SearchFeed(deps.database, searchIndex, clock);
  const answered = new LRUCache<string, Answer>({ max: answeredPages });
  let catalog:
    { at: number; skills: SearchCatalog; skillNames: Map<string, string>; categories: Map<string, string> } | undefined;

  async function loadCatalog() {
    if (catalog !== undefined && Date.now() - catalog.at < catalogTtlMs) return catalog;
    const [aliases, skills, categories] = await Promise.all([
      db.skillAlias.findMany({
        where: { skill: { status: "approved" } },
        select: { alias: true, skillId: true, kind: true },
      }),
      db.skill.findMany({ where: { status: "approved" }, select: { id: true, name: true } }),
      db.skillCategory.findMany({ select: { id: true, slug: true, name: true } }),
    ]);
    catalog = {
      at: Date.now(),
      skills: searchCatalogOf(aliases),
      skillNames: new Map(skills.map((s) => [s.id, s.name])),
      categories: categoryIndex(categories),
    };
    return catalog;
  }

  /** The searcher's own facts; a signed-out viewer has no place, communities or blocks. */
  async function viewerOf(actor: Actor | null) {
    if (actor === null) return { timeZone: "UTC", location: null, communityIds: [], hidden: [] };
    // One plain read: this runs on every search, where each round trip costs (on PostgreSQL) a good part of a
    // millisecond. Each row says which of the three it is: the person, a community of theirs, a block.
    const rows = await deps.database.readRows(
      `SELECT 'user' AS "kind", u."status" AS "a", u."timeZone" AS "b", l."latitude" AS "latitude", l."longitude" AS "longitude"
       FROM "User" u LEFT JOIN "Location" l ON l."id" = u."locationId" WHERE u."id" = ?
       UNION ALL SELECT 'member', "communityId", NULL, NULL, NULL FROM "CommunityMember" WHERE "userId" = ?
       UNION ALL SELECT 'block', "blockerId", "blockedId", NULL, NULL FROM "Block" WHERE "blockerId" = ? OR "blockedId" = ?`,
      [actor.userId, actor.userId, actor.userId, actor.userId],
    );
    const of = (kind: string) => rows.filter((row) => row.kind === kind);
    const user = of("user")[0];
    if (user === undefined || user.a !== "active")
      throw notFound("USER.NOT_FOUND", "user.not_found", { handle: actor.userId });
    return {
      timeZone: String(user.b),
      location:
        user.latitude === null || user.latitude === undefined
          ? null
          : { latitude: Number(user.latitude), longitude: Number(user.longitude) },
      communityIds: of("member").map((member) => String(member.a)),
      hidden: of("block")
        .map((block) => String(block.a === actor.userId ? block.b : block.a))
        .sort(),
    };
  }

  /** Of the hits, those the viewer may see on fresh rows; signed out, only active public profiles. */
  async function visibleTo(actor: Actor | null, userIds: readonly string[]): Promise<Set<string>> {
    if (actor !== null) return visibleAmong(deps.database, actor.userId, userIds);
    if (userIds.length === 0) return new Set();
    // By primary key only, judged in code: with the status in the WHERE clause SQLite prefers the status
    // index and walks every active user (100 ms at 20,000 people instead of 0.3).
    const rows = await deps.database.readRows(
      `SELECT "id", "status", "visibility" FROM "User" WHERE "id" IN (${userIds.map(() => "?").join(", ")})`,
      userIds,
    );
    return new Set(rows.filter((r) => r.status === "active" && r.visibility === "public").map((r) => String(r.id)));
  }

  return {
    /**
     * People matching free text (skills with aliases and typos, names, handles, bios) and filters, in a
     * stable order, a page at a time; each hit says why it matched. Private profiles, blocked people and
     * profiles the searcher may not see never appear. `null` searches as someone signed out: public
     * profiles only.
     */
    async people(actor: Actor | null, options: PeopleSearchInput = {}): Promise<PeopleSearchResult> {
      const input = parseInput(peopleSearchInput, options, "SEARCH.INVALID");
      const [viewer, known] = await Promise.all([viewerOf(actor), loadCatalog()]);

      const skillFilter: SkillFilter = {};
      const filter: { -readonly [K in keyof SkillFilter]: SkillFilter[K] } = skillFilter;
      if (input.category !== undefined) {
        const categoryId = known.categories.get(normalizeText(input.category));
        if (categoryId === undefined)
          throw invalid("SEARCH.UNKNOWN_CATEGORY", [
            { field: "category", message: translate("field.category_unknown", { query: input.category }) },
          ]);
        filter.categoryId = categoryId;
      }
      if (input.direction !== undefined) filter.direction = input.direction;
      if (input.minLevel !== undefined) filter.minLevel = input.minLevel;
      const skillFiltered = Object.keys(skillFilter).length > 0;

      const place = input.near === undefined ? null : resolvePlace(geocoder, input.near, "near", "SEARCH");
      const from = place ?? viewer.location;
      if (from === null && (input.km !== undefined || input.sort === "distance"))
        throw invalid("SEARCH.NO_PLACE", [
          { field: input.km !== undefined ? "km" : "sort", message: translate("field.needs_place") },
        ]);
      if (input.community !== undefined) {
        const community = await deps.database.readRows(`SELECT "id" FROM "Community" WHERE "id" = ?`, [
          input.community,
        ]);
        if (community.length === 0)
          throw invalid("SEARCH.UNKNOWN_COMMUNITY", [
            { field: "community", message: translate("field.community_unknown") },
          ]);
      }
      const slot = input.available === undefined ? null : parseSlot(input.available);
      const now = clock.now();
      const sort = input.sort ?? (input.text === "" && input.km !== undefined ? "distance" : "relevance");

      const fingerprint = fingerprintOf({
        viewer: actor?.userId ?? null,
        ...input,
        sort,
        limit: undefined,
        cursor: undefined,
      });
      const after = input.cursor === undefined ? undefined : decodeCursor(input.cursor, fingerprint);
      const query: PeopleQuery = {
        viewer: { userId: actor?.userId ?? "", communityIds: viewer.communityIds, hidden: viewer.hidden },
        concepts: conceptsOf(input.text, known.skills, skillFiltered),
        skillFilter,
        ...(from === null
          ? {}
          : {
              origin: {
                latitude: from.latitude,
                longitude: from.longitude,
                ...(input.km === undefined ? {} : { km: input.km }),
              },
            }),
        ...(input.mode === undefined ? {} : { mode: input.mode }),
        ...(input.community === undefined ? {} : { communityId: input.community }),
        ...(slot === null ? {} : { window: weekInUtc([slot], viewer.timeZone, now) }),
        sort,
        ...(after === undefined ? {} : { after }),
        limit: input.limit,
      };

      await feed.sync();
      // The catalog's load time too: a reason names its skill as the catalog spells it.
      const key = `${feed.version}\n${known.at}\n${JSON.stringify(query)}`;
      let answer = answered.get(key);
      if (answer === undefined) {
        const page = await searchIndex.people(query);
        const last = page.hits.at(-1);
        answer = {
          userIds: page.hits.map((hit) => hit.userId),
          result: {
            hits: page.hits.map((hit) => ({
              handle: hit.handle,
              displayName: hit.displayName,
              // From the index document, refreshed with the person: no read per hit at 100,000 people.
              avatarSmallUrl: avatarUrlsOf(publicUrl, hit.avatarKey).avatarSmallUrl,
              location: hit.locationName,
              distanceKm: hit.distanceKm === null ? null : Math.round(hit.distanceKm * 10) / 10,
              rating: { count: hit.ratingCount, bayesian: hit.trust },
              lastActiveAt: hit.lastActiveAt,
              score: hit.score,
              reasons: hit.reasons.map((r) => reasonText(r, known.skillNames)),
            })),
            nextCursor: page.more && last !== undefined ? encodeCursor(fingerprint, last.position) : null,
            sort,
          },
        };
        answered.set(key, answer);
      }
      // The index is derived data: who may see whom is confirmed on the database for the page shown. When all
      // may be seen, the kept answer itself is returned (the web door then reuses what it wrote for it).
      const visible = await visibleTo(actor, answer.userIds);
      const { userIds, result } = answer;
      if (userIds.every((id) => visible.has(id))) return result;
      return { ...result, hits: result.hits.filter((_, i) => visible.has(userIds[i] ?? "")) };
    },

    /** Brings the search index up to date with every change recorded so far. */
    sync: () => feed.sync(),

    /** Rebuilds the search index from the database (`skillswap reindex`). */
    reindex: () => feed.reindex(),
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
