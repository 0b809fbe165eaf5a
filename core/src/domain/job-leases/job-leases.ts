import { numberedPlaceholders, type Database } from "../../infra/prisma/database.js";
import type { Clock } from "../../ports/clock.js";

/**
 * Takes a job's lease in one statement, so two workers asking at once cannot both get it: a new row, or the
 * row of a lease that lapsed, or one this holder already has (a worker keeps its turn from period to period).
 * Same text on both providers; only PostgreSQL's placeholders differ.
 */
const takeSql = `
  INSERT INTO "JobLease" ("name", "holder", "expiresAt") VALUES (?, ?, ?)
  ON CONFLICT ("name") DO UPDATE SET "holder" = excluded."holder", "expiresAt" = excluded."expiresAt"
  WHERE "JobLease"."expiresAt" < ? OR "JobLease"."holder" = excluded."holder"
  RETURNING "name"`;

export interface JobLeases {
  /** Who takes the leases: unique among every process sharing the database. */
  readonly holder: string;
  /**
   * Runs a scheduled job if it is this worker's turn: it takes the job's lease for `periodMs` and keeps it after
   * the run, so the other workers skip the job until the period is over, and a worker that dies with it hands
   * the job on when its lease lapses. Otherwise it resolves to `skipped` without running anything. A run that
   * fails gives the lease back, so whoever comes next tries again.
   */
  runInTurn<T>(name: string, periodMs: number, work: () => Promise<T>, skipped: T): Promise<T>;
  /** Gives back every lease this holder has (a worker stopping), so the others need not wait for them to lapse. */
  releaseAll(): Promise<void>;
}

export function createJobLeases(
  deps: { readonly database: Pick<Database, "db" | "provider">; readonly clock: Clock },
  holder: string,
): JobLeases {
  const { db, provider } = deps.database;
  const sql = provider === "postgresql" ? numberedPlaceholders(takeSql) : takeSql;

  async function take(name: string, periodMs: number): Promise<boolean> {
    const now = deps.clock.now();
    const expiresAt = new Date(now.getTime() + periodMs);
    const taken = await db.$transaction((tx) =>
      tx.$queryRawUnsafe<Array<{ name: string }>>(sql, name, holder, expiresAt, now),
    );
    return taken.length > 0;
  }

  const release = (where: { holder: string; name?: string }) =>
    db.$transaction((tx) => tx.jobLease.deleteMany({ where }));

  return {
    holder,
    async runInTurn(name, periodMs, work, skipped) {
      if (!(await take(name, periodMs))) return skipped;
      try {
        return await work();
      } catch (error) {
        await release({ name, holder }).catch(() => undefined);
        throw error;
      }
    },
    async releaseAll() {
      await release({ holder });
    },
  };
}
