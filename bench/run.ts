// npm run bench — measures SkillSwap on this machine and writes bench/results.json.
// 1. Bulk-seeds synthetic users into a fresh embedded database (100,000 users under 60 s) and builds the search
//    index, as an operator would (`skillswap seed`, `skillswap reindex`).
// 2. In a fresh process, as the product runs: people search (text, text + distance, text + category + level)
//    and recommend with and without cycles, p50/p95/p99 over 200 deterministic actors, and the process's RSS.
// 3. In another process, the comparisons: a naive scan-everyone baseline for recommendations, and MiniSearch
//    over the same people and text queries.
// 4. In another process, the Discord bot: interaction acknowledgement latency (p50/p99 from INTERACTION_CREATE
//    to the first callback) of the real discord.js bot against a local Discord, 100 members of the synthetic
//    users running help, skills list, profile view, find, match and skill autocomplete in turn.
// 4b. In another process, Slack: the web role's /slack/events listening on loopback, 100 members of the synthetic
//    users sending signed slash commands and find's Next button, 6 in flight; ack latency p50/p95/p99 and the time
//    until the reply is posted (target: ack p99 ≤ 300 ms). `--phase slack-only` seeds and runs only this one,
//    prints it and leaves bench/results.json as it was.
// 5. The CLI as operators run it: `--help`, `--version`, `profile` and `search` on a fresh demo database, each in
//    a fresh process (targets: 300 ms and 1 s).
// 6. With `--db both`, the same users (same seed) are then seeded into a PostgreSQL database of their own,
//    `skillswap_bench` on the `--postgres` server (default postgres://postgres@127.0.0.1:5432/postgres), dropped and
//    recreated by every run and dropped after it; its search index (tsvector + pg_trgm) is built, the database is
//    vacuumed and analysed (as autovacuum would soon after a bulk load) and phase 2 runs against it. Its figures
//    go under `postgres` with each one's ratio to SQLite's (p50 and p99; target: within 2×).
//    `--db postgres` runs only that and compares with the SQLite figures already in bench/results.json (when they
//    are for as many users), changing nothing else there: a way to re-measure PostgreSQL when the machine is quiet.
//    The default, `--db sqlite`, needs no PostgreSQL: the embedded product is what `npm start` runs.
// Options: --users N (default 100000), --seed S (default 1), --db sqlite|postgres|both (default sqlite),
// --postgres URL.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createCore, loadConfig, seedSynthetic, type CoreInternals } from "@skillswap/core";
import { z } from "zod";
import { benchCli } from "./cli.js";
import {
  againstSqlite,
  comparisonRows,
  dropBenchDatabase,
  previousSqliteFigures,
  recreateBenchDatabase,
  settleBenchDatabase,
  type ServingFigures,
} from "./postgres.js";
import { benchNaive, benchRecommend, sampleActors } from "./recommend.js";
import { benchMiniSearch, benchSearch } from "./search.js";

const { values } = parseArgs({
  options: {
    users: { type: "string", default: "100000" },
    seed: { type: "string", default: "1" },
    phase: { type: "string", default: "all" },
    db: { type: "string", default: "sqlite" },
    postgres: { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
    // Internal: the DATABASE_URL a phase's fresh process opens.
    url: { type: "string", default: "" },
  },
});
const users = Number(values.users);
const seed = Number(values.seed);
const databases = z.enum(["sqlite", "postgres", "both"]).parse(values.db);
const rssMb = () => Math.round(process.memoryUsage().rss / 2 ** 20);
const openCore = (url: string, prepare: boolean) => createCore(loadConfig({ DATABASE_URL: url }, {}), { prepare });

async function withCore<T>(url: string, run: (core: CoreInternals) => Promise<T>): Promise<T> {
  const core = await openCore(url, false);
  try {
    return await run(core);
  } finally {
    await core.close();
  }
}

/** Runs a phase of this script in a fresh Node process and returns what it printed as JSON. */
function phase(name: string, url: string): unknown {
  const output = execFileSync(
    process.execPath,
    [
      ...process.execArgv,
      fileURLToPath(import.meta.url),
      "--phase",
      name,
      "--url",
      url,
      "--users",
      String(users),
      "--seed",
      String(seed),
    ],
    { encoding: "utf8", maxBuffer: 16 * 2 ** 20, stdio: ["ignore", "pipe", "inherit"] },
  );
  return JSON.parse(output.trim().split("\n").at(-1) ?? "null");
}

async function serve(url: string) {
  return withCore(url, async (core) => {
    const rssAtStart = rssMb();
    const search = await benchSearch(core, users, seed);
    const rssAfterSearch = rssMb();
    const recommend = await benchRecommend(core, sampleActors(users, seed, 200));
    return { rssAtStart, search, rssAfterSearch, recommend, rssAtEnd: rssMb() };
  });
}

async function compare(url: string) {
  return withCore(url, async (core) => ({
    naive: await benchNaive(core, sampleActors(users, seed, 200)),
    miniSearch: await benchMiniSearch(core, seed),
  }));
}

async function slackPhase(url: string) {
  // Loaded only here, as the Discord phase is: Bolt and the web server stay out of the other phases' processes.
  const { benchSlack } = await import("./slack.js");
  return benchSlack(url.replace(/^file:/, ""), sampleActors(users, seed, 100), seed);
}

async function discordPhase(url: string) {
  // Loaded only here: the bot and discord.js would otherwise weigh on the serving phase's measured memory.
  const { benchDiscord } = await import("./discord.js");
  return withCore(url, (core) => benchDiscord(core, sampleActors(users, seed, 100), seed));
}

type SlackResults = Awaited<ReturnType<typeof slackPhase>>;
const p = (x: { p50: number; p95: number; p99: number }) => `${x.p50} / ${x.p95} / ${x.p99} ms`;
const slackRows = (slack: SlackResults) => ({
  [`Slack ack p50 / p95 / p99 (${slack.requests} requests)`]: p(slack.ackMs),
  "Slack ack p99 ≤ 300 ms": slack.met,
  "Slack answered, find / find next / match (p99)": `${slack.answeredMsByKind.find.p99} / ${slack.answeredMsByKind["find next"].p99} / ${slack.answeredMsByKind.match.p99} ms`,
});

if (values.phase === "serve" || values.phase === "compare" || values.phase === "discord" || values.phase === "slack") {
  const url = values.url;
  const result =
    values.phase === "serve"
      ? await serve(url)
      : values.phase === "compare"
        ? await compare(url)
        : values.phase === "slack"
          ? await slackPhase(url)
          : await discordPhase(url);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else if (values.phase === "slack-only") {
  const dir = mkdtempSync(join(tmpdir(), "skillswap-bench-"));
  try {
    const url = `file:${join(dir, "bench.db")}`;
    const core = await openCore(url, true);
    await seedSynthetic(core, { users, seed });
    await core.services.search.reindex();
    await core.close();
    const slack = phase("slack", url) as SlackResults;
    console.log(JSON.stringify(slack, null, 2));
    console.table(slackRows(slack));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  const file = new URL("./results.json", import.meta.url);
  if (databases === "postgres") {
    // Only PostgreSQL is measured: the rest of results.json, SQLite's figures included, stays as it was.
    const last = previousSqliteFigures(file, users);
    if (last === undefined) console.log(`No SQLite figures for ${users} users in bench/results.json: no ratios.`);
    const postgres = await benchPostgres(last?.figures);
    writeFileSync(file, `${JSON.stringify({ ...last?.previous, postgres }, null, 2)}\n`);
  } else {
    const sqlite = await benchEmbedded();
    const postgres = databases === "both" ? await benchPostgres(sqlite) : undefined;
    writeFileSync(file, `${JSON.stringify({ ...sqlite, postgres }, null, 2)}\n`);
  }
  console.log("Written to bench/results.json");
}

/** Seeds the synthetic users into the fresh database at `url`, builds its index, then serves it in a fresh process. */
async function seedAndServe(url: string) {
  const started = performance.now();
  const core = await openCore(url, true);
  const prepareMs = performance.now() - started;
  const seeded = await seedSynthetic(core, { users, seed });
  const rssAfterSeed = rssMb();
  const indexed = await core.services.search.reindex();
  await core.close();
  const settleMs = url.startsWith("postgres") ? await settleBenchDatabase(url) : undefined;
  const served = phase("serve", url) as Awaited<ReturnType<typeof serve>>;
  const seedFigures = {
    users: seeded.users,
    userSkills: seeded.userSkills,
    slots: seeded.slots,
    migrateAndCatalogMs: Math.round(prepareMs),
    seedMs: Math.round(seeded.ms),
    usersPerSecond: Math.round(seeded.users / (seeded.ms / 1000)),
    rssMb: rssAfterSeed,
    ...(settleMs === undefined ? {} : { vacuumAnalyzeMs: settleMs }),
  };
  return { seeded, seedFigures, indexed, served };
}

/**
 * Phase 6: the same users in PostgreSQL, the same serving phase in a fresh process, and the ratios to SQLite's
 * figures. Seeding is timed as on SQLite (migrations and catalog apart); the database is dropped afterwards.
 */
async function benchPostgres(sqlite: ServingFigures | undefined) {
  const { url, server } = await recreateBenchDatabase(values.postgres);
  try {
    const { seeded, seedFigures, indexed, served } = await seedAndServe(url);
    const figures = {
      at: new Date().toISOString(),
      database: "postgresql",
      server,
      seed: seedFigures,
      search: {
        index: "postgres-tsvector",
        people: indexed.people,
        indexBuildMs: indexed.ms,
        textOnlyMs: served.search.textOnlyMs,
        textAndDistanceMs: served.search.textAndDistanceMs,
        textCategoryLevelMs: served.search.textCategoryLevelMs,
        meanHitsPerTextQuery: served.search.meanHitsPerTextQuery,
      },
      recommend: {
        indexBuildMs: served.recommend.indexBuildMs,
        pairsMs: served.recommend.pairs,
        withCyclesMs: served.recommend.cycles,
      },
      memory: {
        rssAtStartMb: served.rssAtStart,
        rssAfterSearchMb: served.rssAfterSearch,
        rssAfterRecommendMb: served.rssAtEnd,
      },
    };
    const comparison = sqlite === undefined ? null : againstSqlite(sqlite, figures);
    console.table({
      [`PostgreSQL: seed ${seeded.users} users`]: `${(seeded.ms / 1000).toFixed(1)} s (${figures.seed.usersPerSecond} users/s)`,
      "PostgreSQL: search index build": `${indexed.ms} ms (${indexed.people} people)`,
      "PostgreSQL: match index build (first request)": `${served.recommend.indexBuildMs} ms`,
      ...(comparison === null ? {} : comparisonRows(comparison)),
      "PostgreSQL within 2× of SQLite": comparison?.met ?? "no SQLite figures to compare with",
    });
    return { ...figures, againstSqlite: comparison };
  } finally {
    await dropBenchDatabase(values.postgres);
  }
}

/** Phases 1–5 on a fresh SQLite file: everything results.json holds apart from `postgres`, `api` and `web`. */
async function benchEmbedded() {
  const dir = mkdtempSync(join(tmpdir(), "skillswap-bench-"));
  try {
    const url = `file:${join(dir, "bench.db")}`;
    const { seeded, seedFigures, indexed, served } = await seedAndServe(url);
    const compared = phase("compare", url) as Awaited<ReturnType<typeof compare>>;
    const discord = phase("discord", url) as Awaited<ReturnType<typeof discordPhase>>;
    const slack = phase("slack", url) as SlackResults;
    const cli = benchCli();
    const ratio = (a: number, b: number) => Math.round((a / Math.max(b, 0.01)) * 100) / 100;
    const { search, recommend } = served;
    const { naive, miniSearch } = compared;
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
        ...seedFigures,
        target: "100,000 users in under 60 s",
        met: users < 100_000 ? null : seeded.ms < 60_000,
      },
      search: {
        database: "sqlite",
        index: "sqlite-fts5",
        people: indexed.people,
        indexBuildMs: indexed.ms,
        textOnlyMs: search.textOnlyMs,
        textAndDistanceMs: search.textAndDistanceMs,
        textCategoryLevelMs: search.textCategoryLevelMs,
        meanHitsPerTextQuery: search.meanHitsPerTextQuery,
        miniSearch,
        oursOverMiniSearchP95: ratio(search.textOnlyMs.p95, miniSearch.textOnlyMs.p95),
        targets: { p95Ms: 15 },
      },
      recommend: {
        database: "sqlite",
        indexBuildMs: recommend.indexBuildMs,
        pairsMs: recommend.pairs,
        withCyclesMs: recommend.cycles,
        naiveBaselineMs: naive,
        naiveOverOursP95: ratio(naive.p95, recommend.pairs.p95),
        targets: { pairsP95Ms: 25, withCyclesP95Ms: 100 },
      },
      discord: {
        transport: "gateway (discord.js) against a local Discord in the same process",
        ...discord,
        target: "acknowledged well within Discord's 3 s deadline",
      },
      slack: {
        transport: "signed HTTP to the web role's /slack/events on loopback; local Slack and load in one process",
        ...slack,
      },
      cli: {
        what: "`node cli/bin/skillswap.js …` on a fresh demo database, a fresh process each run, the build current",
        ...cli,
      },
      memory: {
        serving: "a fresh process serving search and recommendations over the built indexes",
        rssAtStartMb: served.rssAtStart,
        rssAfterSearchMb: served.rssAfterSearch,
        rssAfterRecommendMb: served.rssAtEnd,
        targetMb: 500,
      },
    };
    console.table({
      "migrate + catalog": `${results.seed.migrateAndCatalogMs} ms`,
      [`seed ${seeded.users} users`]: `${(seeded.ms / 1000).toFixed(1)} s (${results.seed.usersPerSecond} users/s)`,
      "search index build": `${indexed.ms} ms (${indexed.people} people)`,
      "search text p50 / p95 / p99": p(search.textOnlyMs),
      "search text + 300 km": p(search.textAndDistanceMs),
      "search text + category + level": p(search.textCategoryLevelMs),
      "MiniSearch text (same queries)": `${p(miniSearch.textOnlyMs)}; build ${miniSearch.indexBuildMs} ms, +${miniSearch.rssAddedMb} MB`,
      "ours / MiniSearch p95": results.search.oursOverMiniSearchP95,
      "match index build (first request)": `${recommend.indexBuildMs} ms`,
      recommend: p(recommend.pairs),
      "recommend + cycles": p(recommend.cycles),
      "naive scan": p(naive),
      "naive / ours p95": results.recommend.naiveOverOursP95,
      "Discord ack p50 / p95 / p99": p(discord.ackMs),
      "Discord answered, find / match (p99)": `${discord.answeredMsByKind.find.p99} / ${discord.answeredMsByKind.match.p99} ms`,
      ...slackRows(slack),
      "RSS serving: start / after search / after recommend": `${served.rssAtStart} / ${served.rssAfterSearch} / ${served.rssAtEnd} MB`,
      "CLI --help / --version (p95)": `${cli.helpMs.p95} / ${cli.versionMs.p95} ms`,
      "CLI profile / search on the demo (p95)": `${cli.profileMs.p95} / ${cli.searchMs.p95} ms`,
    });
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
