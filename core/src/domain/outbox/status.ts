import type { Db } from "../../infra/prisma/database.js";

/** An event the dispatcher gave up on: it waits for an operator. */
export interface DeadEvent {
  readonly id: string;
  readonly type: string;
  readonly aggregateId: string;
  readonly attempts: number;
  readonly lastError: string;
  readonly createdAt: Date;
}

/** A pending event a worker has taken: no other worker touches it until `claimedUntil`. */
export interface ClaimedEvent {
  readonly id: string;
  readonly type: string;
  readonly attempts: number;
  /** The worker, as host:pid:random. */
  readonly claimedBy: string;
  /** Past this, the claim has lapsed (its worker died or stalled) and the next worker to poll takes the event. */
  readonly claimedUntil: Date;
}

/** A scheduled job's turn (see job-leases): the worker that ran it last keeps it until `expiresAt`. */
export interface JobTurn {
  readonly job: string;
  /** The worker, as host:pid:random. */
  readonly holder: string;
  /** Until then no other worker runs the job; past it, the next worker whose timer fires takes it. */
  readonly expiresAt: Date;
}

export interface OutboxStatus {
  readonly pending: number;
  /** Pending events that failed at least once and wait for their next try. */
  readonly retrying: number;
  readonly delivered: number;
  readonly dead: number;
  /** The oldest dead events, at most `deadLimit` of them. */
  readonly deadEvents: DeadEvent[];
  /** Pending events claimed by a worker (counted in `pending` too). */
  readonly claimed: number;
  /** The claimed events, soonest-lapsing first, at most `claimedLimit` of them. */
  readonly claimedEvents: ClaimedEvent[];
  /**
   * Who has the turn of each scheduled job (lapsing requests, reminders…), by job name. Empty with REDIS_URL,
   * where BullMQ's job schedulers fire the jobs instead of leases.
   */
  readonly jobTurns: JobTurn[];
}

/** How the outbox is doing, for operators (`skillswap outbox`, `skillswap doctor`). */
export function outboxStatus(
  db: Db,
  options: { readonly deadLimit?: number; readonly claimedLimit?: number } = {},
): Promise<OutboxStatus> {
  // In a transaction for the same reason as every read in core on SQLite: see infra/prisma/database.ts.
  return db.$transaction(async (tx) => {
    const byStatus = await tx.outboxEvent.groupBy({ by: ["status"], _count: { _all: true } });
    const retrying = await tx.outboxEvent.count({ where: { status: "pending", attempts: { gt: 0 } } });
    const deadEvents = await tx.outboxEvent.findMany({
      where: { status: "dead" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: options.deadLimit ?? 100,
      select: { id: true, type: true, aggregateId: true, attempts: true, lastError: true, createdAt: true },
    });
    const held = { status: "pending", claimedBy: { not: null }, claimedUntil: { not: null } } as const;
    const claimed = await tx.outboxEvent.count({ where: held });
    const claims = await tx.outboxEvent.findMany({
      where: held,
      orderBy: [{ claimedUntil: "asc" }, { id: "asc" }],
      take: options.claimedLimit ?? 100,
      select: { id: true, type: true, attempts: true, claimedBy: true, claimedUntil: true },
    });
    const claimedEvents = claims.flatMap(({ claimedBy, claimedUntil, ...event }) =>
      claimedBy === null || claimedUntil === null ? [] : [{ ...event, claimedBy, claimedUntil }],
    );
    const turns = await tx.jobLease.findMany({ orderBy: { name: "asc" } });
    const count = (status: string) => byStatus.find((row) => row.status === status)?._count._all ?? 0;
    return {
      pending: count("pending"),
      retrying,
      delivered: count("delivered"),
      dead: count("dead"),
      deadEvents,
      claimed,
      claimedEvents,
      jobTurns: turns.map(({ name, holder, expiresAt }) => ({ job: name, holder, expiresAt })),
    };
  });
}

/**
 * Gives dead events another round (after the cause was fixed): back to pending, attempts from zero, due now.
 * Handlers that already had them are still skipped, so nothing is delivered twice. All of them, or one id.
 */
export async function retryDeadEvents(db: Db, now: Date, eventId?: string): Promise<number> {
  return db.$transaction(async (tx) => {
    const revived = await tx.outboxEvent.updateMany({
      where: { status: "dead", ...(eventId === undefined ? {} : { id: eventId }) },
      data: { status: "pending", attempts: 0, availableAt: now, lastError: "" },
    });
    return revived.count;
  });
}
