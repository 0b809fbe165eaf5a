import type { Database, Tx } from "../../infra/prisma/database.js";
import type { Clock } from "../../ports/clock.js";

/**
 * Takes up to `?` due, unclaimed events (or events whose claim lapsed), oldest first, for one worker.
 * PostgreSQL: SKIP LOCKED lets workers polling at the same moment take different events instead of queueing
 * on each other's row locks; MATERIALIZED keeps the locked pick evaluated once (an IN-subquery may be
 * rescanned, and could then lock and return more rows than its LIMIT). The outer condition repeats the claim
 * test so that a row changed after the pick is judged on its new version.
 */
const claimSql = {
  postgresql: `
    WITH "picked" AS MATERIALIZED (
      SELECT "id" FROM "OutboxEvent"
      WHERE "status" = 'pending' AND "availableAt" <= $1 AND ("claimedUntil" IS NULL OR "claimedUntil" < $1)
      ORDER BY "createdAt", "id"
      LIMIT $2
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "OutboxEvent" o SET "claimedBy" = $3, "claimedUntil" = $4
    FROM "picked"
    WHERE o."id" = "picked"."id" AND o."status" = 'pending' AND (o."claimedUntil" IS NULL OR o."claimedUntil" < $1)
    RETURNING o."id"`,
  // SQLite has one writer at a time, and this statement's first step is a write: it takes the write lock
  // before reading, so no other connection can claim between the pick and the update.
  sqlite: `
    UPDATE "OutboxEvent" SET "claimedBy" = ?, "claimedUntil" = ?
    WHERE "id" IN (
      SELECT "id" FROM "OutboxEvent"
      WHERE "status" = 'pending' AND "availableAt" <= ? AND ("claimedUntil" IS NULL OR "claimedUntil" < ?)
      ORDER BY "createdAt", "id"
      LIMIT ?
    )
    RETURNING "id"`,
} as const;

/**
 * One worker's claims on outbox events. A claim is a lease: `claimedBy` names the worker, `claimedUntil` says
 * until when the others leave the event alone. A worker that dies keeps nothing: once the lease lapses the
 * next poll of any worker takes the event. A claim counts only while its lease runs, so a worker that outlived
 * its lease (stalled, cut off from the database) finds it gone and records nothing.
 */
export class OutboxClaims {
  constructor(
    private readonly deps: { readonly database: Pick<Database, "db" | "provider">; readonly clock: Clock },
    /** Who claims: unique among every process sharing the database. */
    readonly holder: string,
    private readonly leaseMs: number,
  ) {}

  /** Claims up to `limit` due events and returns their ids; the caller reads them in the same transaction. */
  async claim(tx: Tx, limit: number): Promise<string[]> {
    const now = this.deps.clock.now();
    const until = this.until(now);
    const rows =
      this.deps.database.provider === "postgresql"
        ? await tx.$queryRawUnsafe<Array<{ id: string }>>(claimSql.postgresql, now, limit, this.holder, until)
        : await tx.$queryRawUnsafe<Array<{ id: string }>>(claimSql.sqlite, this.holder, until, now, now, limit);
    return rows.map((row) => row.id);
  }

  /**
   * Extends the claim on an event, if it is still this worker's: the check a worker makes before each handler
   * and before it records anything. On PostgreSQL the update also locks the row until `tx` ends, so no one
   * can take the event over between this check and what `tx` records.
   */
  async renew(tx: Tx, eventId: string): Promise<boolean> {
    const now = this.deps.clock.now();
    const { count } = await tx.outboxEvent.updateMany({
      where: this.current(eventId, now),
      data: { claimedUntil: this.until(now) },
    });
    return count > 0;
  }

  /** The condition under which this worker's claim on an event still holds at `now`. */
  current(eventId: string, now: Date) {
    return { id: eventId, status: "pending", claimedBy: this.holder, claimedUntil: { gte: now } } as const;
  }

  /** Gives events back unhandled (a stop in the middle of a batch), so that no one waits for their lease. */
  async release(eventIds: readonly string[]): Promise<void> {
    if (eventIds.length === 0) return;
    await this.deps.database.db.$transaction((tx) =>
      tx.outboxEvent.updateMany({
        where: { id: { in: [...eventIds] }, claimedBy: this.holder },
        data: { claimedBy: null, claimedUntil: null },
      }),
    );
  }

  private until(now: Date): Date {
    return new Date(now.getTime() + this.leaseMs);
  }
}
