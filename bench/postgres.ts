// The PostgreSQL side of `npm run bench -- --db postgres|both`: the bench's own database on a PostgreSQL server,
// and the comparison of its serving figures with the embedded SQLite ones (target: within 2× of them).
import { existsSync, readFileSync } from "node:fs";
import pg from "pg";
import { z } from "zod";

/** Dropped and recreated by every run, so figures never include a previous run's rows: never `test`, the suites' own. */
export const benchDatabaseName = "skillswap_bench";

async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** An empty `skillswap_bench` on the server `serverUrl` points at: its DATABASE_URL and the server's version. */
export async function recreateBenchDatabase(serverUrl: string): Promise<{ url: string; server: string }> {
  const server = await onServer(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${benchDatabaseName}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${benchDatabaseName}"`);
    const version = await client.query<{ server_version: string }>("SHOW server_version");
    return `PostgreSQL ${version.rows[0]?.server_version ?? "?"}`;
  });
  const url = new URL(serverUrl);
  url.pathname = `/${benchDatabaseName}`;
  return { url: url.toString(), server };
}

/**
 * What autovacuum does to a table within a minute of a bulk load, done before serving is measured: VACUUM sets
 * the hint bits and the visibility map of every freshly written row, ANALYZE the statistics. Otherwise the
 * first reads of each page pay for writing those (a one-off a database in service has long paid), and the
 * figures would depend on whether autovacuum happened to run before the serving phase.
 */
export async function settleBenchDatabase(url: string): Promise<number> {
  const started = performance.now();
  await onServer(url, (client) => client.query("VACUUM (ANALYZE)"));
  return Math.round(performance.now() - started);
}

export async function dropBenchDatabase(serverUrl: string): Promise<void> {
  await onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${benchDatabaseName}" WITH (FORCE)`));
}

const percentilesSchema = z.object({ samples: z.number(), p50: z.number(), p95: z.number(), p99: z.number() });
type Percentiles = z.infer<typeof percentilesSchema>;

/** What both databases are compared on, in the shape results.json holds it for SQLite and under `postgres`. */
export const servingFiguresSchema = z.object({
  at: z.string(),
  seed: z.object({ users: z.number(), seedMs: z.number() }),
  search: z.object({
    indexBuildMs: z.number(),
    textOnlyMs: percentilesSchema,
    textAndDistanceMs: percentilesSchema,
    textCategoryLevelMs: percentilesSchema,
  }),
  recommend: z.object({ indexBuildMs: z.number(), pairsMs: percentilesSchema, withCyclesMs: percentilesSchema }),
});
export type ServingFigures = z.infer<typeof servingFiguresSchema>;

/**
 * The SQLite figures of the last full run in results.json, when it seeded as many users as this one: what a
 * `--db postgres` run compares with. `undefined` when there are none to compare with fairly.
 */
export function previousSqliteFigures(
  file: URL,
  users: number,
): { figures: ServingFigures; previous: Record<string, unknown> } | undefined {
  if (!existsSync(file)) return undefined;
  const previous = z.record(z.string(), z.unknown()).parse(JSON.parse(readFileSync(file, "utf8")));
  const parsed = servingFiguresSchema.safeParse(previous);
  if (!parsed.success || parsed.data.seed.users !== users) return undefined;
  return { figures: parsed.data, previous };
}

const compared: Record<string, (figures: ServingFigures) => Percentiles> = {
  "search text": (f) => f.search.textOnlyMs,
  "search text + 300 km": (f) => f.search.textAndDistanceMs,
  "search text + category + level": (f) => f.search.textCategoryLevelMs,
  recommend: (f) => f.recommend.pairsMs,
  "recommend + cycles": (f) => f.recommend.withCyclesMs,
};

// Sub-millisecond SQLite figures would turn noise into huge ratios: a hundredth of a millisecond is the floor.
const ratio = (postgres: number, sqlite: number) => Math.round((postgres / Math.max(sqlite, 0.01)) * 100) / 100;
const withoutSamples = ({ p50, p95, p99 }: Percentiles) => ({ p50, p95, p99 });

/** PostgreSQL ÷ SQLite for each serving figure at p50 and p99, and whether both stay within 2×. */
export function againstSqlite(sqlite: ServingFigures, postgres: ServingFigures) {
  const figures = Object.fromEntries(
    Object.entries(compared).map(([name, of]) => {
      const [s, p] = [of(sqlite), of(postgres)];
      const p50Ratio = ratio(p.p50, s.p50);
      const p99Ratio = ratio(p.p99, s.p99);
      const figure = { sqliteMs: withoutSamples(s), postgresMs: withoutSamples(p), p50Ratio, p99Ratio };
      return [name, { ...figure, within2x: p50Ratio <= 2 && p99Ratio <= 2 }];
    }),
  );
  return {
    sqliteMeasuredAt: sqlite.at,
    target: "PostgreSQL p50 and p99 within 2× of SQLite's, for each figure",
    seedRatio: ratio(postgres.seed.seedMs, sqlite.seed.seedMs),
    searchIndexBuildRatio: ratio(postgres.search.indexBuildMs, sqlite.search.indexBuildMs),
    matchIndexBuildRatio: ratio(postgres.recommend.indexBuildMs, sqlite.recommend.indexBuildMs),
    figures,
    met: Object.values(figures).every((f) => f.within2x),
  };
}

/** Rows for the printed table: each figure on both databases and the ratios. */
export function comparisonRows(comparison: ReturnType<typeof againstSqlite>): Record<string, string> {
  const p = (x: { p50: number; p95: number; p99: number }) => `${x.p50} / ${x.p95} / ${x.p99} ms`;
  return Object.fromEntries(
    Object.entries(comparison.figures).map(([name, f]) => [
      `${name}: SQLite | PostgreSQL (×p50, ×p99)`,
      `${p(f.sqliteMs)} | ${p(f.postgresMs)} (×${f.p50Ratio}, ×${f.p99Ratio})${f.within2x ? "" : " over 2×"}`,
    ]),
  );
}
