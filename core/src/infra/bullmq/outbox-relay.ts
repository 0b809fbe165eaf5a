import type { Queue } from "bullmq";
import type { Db } from "../prisma/database.js";
import type { Clock } from "../../ports/clock.js";
import { outboxJobId, type OutboxJobData } from "./outbox-queues.js";

/** What the relay needs to know of a handler: under which name, for which event types, jobs are queued. */
export interface Subscription {
  readonly name: string;
  readonly types: ReadonlySet<string>;
}

export interface RelaySettings {
  readonly batchSize: number;
  /**
   * How long a relayed event rests before the relay looks at it again, if it is still pending then. Pushing
   * it again is a no-op while its jobs are queued, and puts it back when Redis lost them (a flush, a failover
   * without persistence): the outbox, not Redis, is the source of truth.
   */
  readonly recheckMs: number;
  /** Retry policy of every delivery job, BullMQ's exponential backoff: base × 2^(attempts − 1). */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
}

export interface RelayReport {
  readonly fetched: number;
  readonly queued: number;
}

/**
 * Moves committed outbox events into the outbox queue: one job per event and subscribed handler that has
 * not had it yet. Safe with any number of relays running: job ids make a second push a no-op, and the
 * relayed event's `availableAt` moves `recheckMs` ahead so that the next pass does not read it again.
 * An event no handler is due for is delivered as it is: nobody subscribes to it (as in the embedded
 * dispatcher), or every handler had it and the worker that recorded the last one stopped before saying so.
 */
export async function relayOutboxBatch(
  deps: { readonly db: Db; readonly clock: Clock; readonly queue: Queue },
  subscriptions: readonly Subscription[],
  settings: RelaySettings,
): Promise<RelayReport> {
  const { db, clock, queue } = deps;
  const now = clock.now();
  // Read inside a transaction although it only reads: on SQLite a bare query shares the one connection with
  // whatever use case transaction is open, and could see (and queue) events that are later rolled back.
  const rows = await db.$transaction((tx) =>
    tx.outboxEvent.findMany({
      where: { status: "pending", availableAt: { lte: now } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: settings.batchSize,
      select: { id: true, type: true, deliveries: { select: { handler: true } } },
    }),
  );
  if (rows.length === 0) return { fetched: 0, queued: 0 };
  const settled: string[] = [];
  const jobs = rows.flatMap((row) => {
    const done = new Set(row.deliveries.map((d) => d.handler));
    const due = subscriptions.filter((s) => s.types.has(row.type) && !done.has(s.name));
    if (due.length === 0) settled.push(row.id);
    return due.map((s) => ({
      name: s.name,
      data: { eventId: row.id } satisfies OutboxJobData,
      opts: {
        jobId: outboxJobId(row.id, s.name),
        attempts: settings.maxAttempts,
        backoff: { type: "exponential", delay: settings.baseDelayMs },
        // The database records each delivery; a re-pushed job whose delivery is recorded does nothing.
        removeOnComplete: true,
        // Kept: the failed set is the dead-letter list operators read and retry.
        removeOnFail: false,
      },
    }));
  });
  // Queued before the events are marked: a crash in between pushes them again, which the job ids absorb.
  if (jobs.length > 0) await queue.addBulk(jobs);
  await db.$transaction(async (tx) => {
    await tx.outboxEvent.updateMany({
      where: { id: { in: rows.map((row) => row.id) }, status: "pending" },
      data: { availableAt: new Date(now.getTime() + settings.recheckMs) },
    });
    if (settled.length > 0)
      await tx.outboxEvent.updateMany({
        where: { id: { in: settled }, status: "pending" },
        data: { status: "delivered", deliveredAt: now },
      });
  });
  return { fetched: rows.length, queued: jobs.length };
}
