// npm run bench — measures SkillSwap on this machine and writes bench/results.json.
// Bulk-seeding synthetic users into a fresh embedded database (100,000 users under 60 s), then recommend with
// and without cycles against a naive scan-everyone baseline, p50/p95/p99 over 200 deterministic actors; people
// search (text, text + distance, text + category + level) against MiniSearch over the same people and queries.
// Options: --users N (default 100000), --seed S (default 1).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createCore, loadConfig, seedSynthetic } from "@skillswap/core";
import { benchRecommend, sampleActors } from "./recommend.js";
import { benchMiniSearch, benchSearch } from "./search.js";

const { values } = parseArgs({
  options: { users: { type: "string", default: "100000" }, seed: { type: "string", default: "1" } },
});
const users = Number(values.users);
const seed = Number(values.seed);

const dir = mkdtempSync(join(tmpdir(), "skillswap-bench-"));
try {
  const started = performance.now();
  const core = await createCore(loadConfig({ DATABASE_URL: `file:${join(dir, "bench.db")}` }, {}));
  const prepareMs = performance.now() - started;
  const result = await seedSynthetic(core, { users, seed });
  const rssAfterSeedMb = process.memoryUsage().rss / 2 ** 20;
  const search = await benchSearch(core, users, seed);
  const rssAfterSearchMb = process.memoryUsage().rss / 2 ** 20;
  const recommend = await benchRecommend(core, sampleActors(users, seed, 200));
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  const miniSearch = await benchMiniSearch(core, seed);
  await core.close();
  const ratio = (a: number, b: number) => Math.round((a / Math.max(b, 0.01)) * 100) / 100;
  const results = {
    at: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? "",
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    seed: {
      database: "sqlite",
      users: result.users,
      userSkills: result.userSkills,
      slots: result.slots,
      migrateAndCatalogMs: Math.round(prepareMs),
      seedMs: Math.round(result.ms),
      usersPerSecond: Math.round(result.users / (result.ms / 1000)),
      rssMb: Math.round(rssAfterSeedMb),
      target: "100,000 users in under 60 s",
      met: users < 100_000 ? null : result.ms < 60_000,
    },
    search: {
      database: "sqlite",
      index: "sqlite-fts5",
      people: search.people,
      indexBuildMs: search.indexBuildMs,
      textOnlyMs: search.textOnlyMs,
      textAndDistanceMs: search.textAndDistanceMs,
      textCategoryLevelMs: search.textCategoryLevelMs,
      meanHitsPerTextQuery: search.meanHitsPerTextQuery,
      rssMb: Math.round(rssAfterSearchMb),
      targets: { p95Ms: 15, rssMb: 500 },
      miniSearch,
      oursOverMiniSearchP95: ratio(search.textOnlyMs.p95, miniSearch.textOnlyMs.p95),
    },
    recommend: {
      database: "sqlite",
      indexBuildMs: recommend.indexBuildMs,
      pairsMs: recommend.pairs,
      withCyclesMs: recommend.cycles,
      naiveBaselineMs: recommend.naiveBaseline,
      naiveOverOursP95: Math.round((recommend.naiveBaseline.p95 / Math.max(recommend.pairs.p95, 0.01)) * 100) / 100,
      targets: { pairsP95Ms: 25, withCyclesP95Ms: 100 },
      rssMb: Math.round(rssMb),
    },
  };
  writeFileSync(new URL("./results.json", import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
  console.table({
    "migrate + catalog": `${results.seed.migrateAndCatalogMs} ms`,
    [`seed ${result.users} users`]: `${(result.ms / 1000).toFixed(1)} s`,
    "users / s": results.seed.usersPerSecond,
    "skills written": result.userSkills,
    "RSS after seeding": `${results.seed.rssMb} MB`,
    "search index build": `${search.indexBuildMs} ms (${search.people} people)`,
    "search text p50 / p95 / p99": `${search.textOnlyMs.p50} / ${search.textOnlyMs.p95} / ${search.textOnlyMs.p99} ms`,
    "search text + 300 km p50 / p95 / p99": `${search.textAndDistanceMs.p50} / ${search.textAndDistanceMs.p95} / ${search.textAndDistanceMs.p99} ms`,
    "search text + category + level p50 / p95 / p99": `${search.textCategoryLevelMs.p50} / ${search.textCategoryLevelMs.p95} / ${search.textCategoryLevelMs.p99} ms`,
    "RSS after search": `${results.search.rssMb} MB`,
    "MiniSearch build / text p50 / p95 / p99": `${miniSearch.indexBuildMs} ms / ${miniSearch.textOnlyMs.p50} / ${miniSearch.textOnlyMs.p95} / ${miniSearch.textOnlyMs.p99} ms (+${miniSearch.rssAddedMb} MB)`,
    "ours / MiniSearch p95": results.search.oursOverMiniSearchP95,
    "match index build (first request)": `${recommend.indexBuildMs} ms`,
    "recommend p50 / p95 / p99": `${recommend.pairs.p50} / ${recommend.pairs.p95} / ${recommend.pairs.p99} ms`,
    "recommend + cycles p50 / p95 / p99": `${recommend.cycles.p50} / ${recommend.cycles.p95} / ${recommend.cycles.p99} ms`,
    "naive scan p50 / p95 / p99": `${recommend.naiveBaseline.p50} / ${recommend.naiveBaseline.p95} / ${recommend.naiveBaseline.p99} ms`,
    "RSS at the end": `${results.recommend.rssMb} MB`,
  });
  console.log("Written to bench/results.json");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
