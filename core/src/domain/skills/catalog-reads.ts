import { z } from "zod";
import type { Db } from "../../infra/prisma/database.js";
import { normalizeText } from "../../text/words.js";
import type { CachedReads } from "../caching/cached-reads.js";
import { catalogTag } from "../caching/invalidation.js";
import { parseInput } from "../shared/validate.js";
import { knownSpellings } from "./catalog.js";
import { catalogQuery, type CatalogQuery } from "./input.js";

/** A safety net: the catalog changes by skill reviews, which invalidate it, and by deploys (a process start). */
const catalogTtlMs = 10 * 60 * 1000;

const catalogShape = z.array(
  z.object({
    slug: z.string(),
    name: z.string(),
    skills: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string() })),
  }),
);
export type CatalogCategories = z.infer<typeof catalogShape>;

/**
 * The approved catalog as everyone reads it — browsing, autocomplete on every keystroke, typo suggestions —
 * through the cache. The spellings map that answers suggestions is kept in this process beside it, and
 * forgotten whenever the catalog is invalidated, so no process answers from a catalog another one changed.
 */
export function createCatalogReads(db: Db, reads: CachedReads) {
  let spellings: Promise<Map<string, string>> | undefined;
  reads.onInvalidated((tags) => {
    if (tags === "all" || tags.includes(catalogTag)) spellings = undefined;
  });

  /** Every approved spelling (names, aliases, translations, common misspellings) to the skill's name. */
  async function currentSpellings(): Promise<Map<string, string>> {
    await reads.catchUp();
    spellings ??= knownSpellings(db).catch((error: unknown) => {
      spellings = undefined;
      throw error;
    });
    return spellings;
  }

  async function loadCatalog(key: string): Promise<CatalogCategories> {
    const categories = await db.skillCategory.findMany({
      orderBy: { sortOrder: "asc" },
      select: {
        slug: true,
        name: true,
        skills: {
          where: { status: "approved", ...(key === "" ? {} : { aliases: { some: { alias: { contains: key } } } }) },
          select: { id: true, slug: true, name: true },
          orderBy: { name: "asc" },
        },
      },
    });
    return key === "" ? categories : categories.filter((category) => category.skills.length > 0);
  }

  async function rankSuggestions(key: string, limit: number): Promise<string[]> {
    const tiers = new Map<string, number>();
    for (const [alias, name] of await currentSpellings()) {
      const tier = normalizeText(name).startsWith(key) ? 0 : alias.startsWith(key) ? 1 : alias.includes(key) ? 2 : 3;
      if (tier < (tiers.get(name) ?? 3)) tiers.set(name, tier);
    }
    return [...tiers]
      .sort(([a, tierA], [b, tierB]) => tierA - tierB || a.localeCompare(b))
      .slice(0, limit)
      .map(([name]) => name);
  }

  /**
   * The approved catalog, grouped by category in display order; with `q`, only the skills whose name or an
   * alias (translations and common misspellings included) contains it, and only the categories holding one.
   */
  async function catalog(query: CatalogQuery = {}): Promise<CatalogCategories> {
    const { q } = parseInput(catalogQuery, query, "SKILL.INVALID_QUERY");
    const key = q === undefined ? "" : normalizeText(q);
    return reads.remember(
      { key: `catalog:v1:${key}`, tags: [catalogTag], ttlMs: catalogTtlMs, schema: catalogShape },
      () => loadCatalog(key),
    );
  }

  /**
   * Catalog names for autocomplete, best first: names starting with what is typed, then names with an alias
   * starting with it, then names or aliases containing it, alphabetically within each. A keystroke seen
   * before costs one cache read; one never seen, a pass over the spellings kept in memory — never a query.
   */
  async function suggest(typed: string, limit = 25): Promise<string[]> {
    const key = normalizeText(typed);
    const count = Math.max(0, Math.floor(limit));
    return reads.remember(
      {
        key: `skill-suggestions:v1:${count}:${key}`,
        tags: [catalogTag],
        ttlMs: catalogTtlMs,
        schema: z.array(z.string()),
      },
      () => rankSuggestions(key, count),
    );
  }

  return { spellings: currentSpellings, catalog, suggest };
}
