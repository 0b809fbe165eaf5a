import type { Actor, CoreInternals } from "@skillswap/core";
import { defaultLevelPolicy, loadAllMatchProfiles, recommendPairs, seededRandom } from "@skillswap/core/bench";

export interface Percentiles {
  readonly samples: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

export function percentiles(durations: number[]): Percentiles {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 100) / 100;
  return { samples: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** People to ask for, drawn deterministically from the synthetic users. */
export function sampleActors(users: number, seed: number, count: number): Actor[] {
  const random = seededRandom(seed * 7919);
  return Array.from({ length: count }, () => ({ userId: `syn-${seed}-${1 + Math.floor(random() * users)}` }));
}

/** recommend (pairs) and recommend with cycles, as the product serves them. */
export async function benchRecommend(core: CoreInternals, actors: readonly Actor[]) {
  const { matching } = core.services;
  // The first request builds the in-memory index from the database: reported on its own.
  const firstActor = actors[0];
  const indexBuildMs = firstActor === undefined ? 0 : await time(() => matching.recommend(firstActor));
  for (const actor of actors.slice(1, 5)) await matching.recommend(actor, { cycles: true }); // warm-up
  const pairs: number[] = [];
  const cycles: number[] = [];
  for (const actor of actors) pairs.push(await time(() => matching.recommend(actor)));
  for (const actor of actors) cycles.push(await time(() => matching.recommend(actor, { cycles: true })));
  return { indexBuildMs: Math.round(indexBuildMs), pairs: percentiles(pairs), cycles: percentiles(cycles) };
}

/** The naive baseline: every user loaded as a match profile, and every one scored for each actor. */
export async function benchNaive(core: CoreInternals, actors: readonly Actor[]) {
  const loadStarted = performance.now();
  const everyone = await loadAllMatchProfiles(core.database.db, core.deps.clock.now());
  const loadMs = performance.now() - loadStarted;
  const byId = new Map(everyone.map((p) => [p.userId, p]));
  const naive: number[] = [];
  const now = core.deps.clock.now();
  for (const actor of actors) {
    const me = byId.get(actor.userId);
    if (me === undefined) continue;
    naive.push(
      await time(() =>
        Promise.resolve(
          recommendPairs(me, everyone, { now, openSwap: () => false, policy: defaultLevelPolicy, limit: 10 }),
        ),
      ),
    );
  }
  return { ...percentiles(naive), profilesLoadMs: Math.round(loadMs), profiles: everyone.length };
}
