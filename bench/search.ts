import type { Actor, CoreInternals, PeopleSearchInput } from "@skillswap/core";
import { catalogSkills, firstNames, lastNames, loadAllDocuments, seededRandom } from "@skillswap/core/bench";
import MiniSearch from "minisearch";
import { percentiles, sampleActors, type Percentiles } from "./recommend.js";

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** A typo people make: one letter dropped from the middle of a word of six letters or more. */
function misspell(random: Random, word: string): string {
  if (word.length < 6) return word;
  const at = 1 + Math.floor(random() * (word.length - 2));
  return word.slice(0, at) + word.slice(at + 1);
}

/** What people type: skill names (a fifth of them misspelt), a few aliases, and people's names. */
function textQueries(random: Random, count: number): string[] {
  return Array.from({ length: count }, () => {
    const roll = random();
    const skill = pick(random, catalogSkills);
    if (roll < 0.5) return skill.name;
    if (roll < 0.65) return misspell(random, skill.name);
    if (roll < 0.75) return pick(random, [...skill.aliases, skill.name]);
    if (roll < 0.9) return pick(random, firstNames);
    return `${pick(random, firstNames)} ${pick(random, lastNames)}`;
  });
}

async function measure(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

export interface SearchBench {
  readonly textOnlyMs: Percentiles;
  readonly textAndDistanceMs: Percentiles;
  readonly textCategoryLevelMs: Percentiles;
  readonly meanHitsPerTextQuery: number;
}

/** search.people on the embedded index (already built): text only, text + distance, text + category + level. */
export async function benchSearch(core: CoreInternals, users: number, seed: number, count = 200): Promise<SearchBench> {
  const { search } = core.services;
  const random = seededRandom(seed * 104_729);
  const actors: Actor[] = sampleActors(users, seed, count);
  const texts = textQueries(random, count);
  const skillsWithCategory = Array.from({ length: count }, () => pick(random, catalogSkills));
  const run = async (inputs: PeopleSearchInput[]) => {
    for (const input of inputs.slice(0, 10)) await search.people(pick(random, actors), input); // warm-up
    const durations: number[] = [];
    let hits = 0;
    for (const [i, input] of inputs.entries()) {
      const actor = actors[i % actors.length] as Actor;
      durations.push(
        await measure(async () => {
          hits += (await search.people(actor, input)).hits.length;
        }),
      );
    }
    return { ms: percentiles(durations), hits: hits / inputs.length };
  };
  const textOnly = await run(texts.map((text) => ({ text })));
  const distance = await run(texts.map((text) => ({ text, near: "Paris", km: 300 })));
  const categoryLevel = await run(
    skillsWithCategory.map((skill) => ({ text: skill.name, category: skill.category, minLevel: 3 })),
  );
  return {
    textOnlyMs: textOnly.ms,
    textAndDistanceMs: distance.ms,
    textCategoryLevelMs: categoryLevel.ms,
    meanHitsPerTextQuery: Math.round(textOnly.hits * 10) / 10,
  };
}

/**
 * MiniSearch, the in-memory library a small project would pick, over the same people (name, handle, bio and
 * skill names) and the same text queries, with fuzzy and prefix matching like ours. It has no filters,
 * visibility rules or pages: it is measured on what it does, ranking every match and keeping twenty.
 */
export async function benchMiniSearch(core: CoreInternals, seed: number, count = 200) {
  const names = new Map(catalogSkills.map((s) => [`skill:${s.slug}`, s.name]));
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const documents = await loadAllDocuments(core.database, core.deps.clock.now());
  const loadMs = performance.now() - started;
  const miniSearch = new MiniSearch({
    fields: ["displayName", "handle", "bio", "skills"],
    storeFields: ["handle"],
    idField: "userId",
    searchOptions: { fuzzy: 0.2, prefix: true, boost: { skills: 3, displayName: 2 } },
  });
  const indexStarted = performance.now();
  miniSearch.addAll(
    documents.map((d) => ({
      userId: d.userId,
      displayName: d.displayName,
      handle: d.handle,
      bio: d.bio,
      skills: d.skills.map((s) => names.get(s.skillId) ?? "").join(" "),
    })),
  );
  const buildMs = performance.now() - indexStarted;
  const random = seededRandom(seed * 104_729);
  const texts = textQueries(random, count);
  for (const text of texts.slice(0, 10)) miniSearch.search(text);
  const durations: number[] = [];
  for (const text of texts) durations.push(await measure(() => Promise.resolve(miniSearch.search(text).slice(0, 20))));
  return {
    documents: documents.length,
    loadFromDatabaseMs: Math.round(loadMs),
    indexBuildMs: Math.round(buildMs),
    textOnlyMs: percentiles(durations),
    rssAddedMb: Math.round((process.memoryUsage().rss - rssBefore) / 2 ** 20),
  };
}
