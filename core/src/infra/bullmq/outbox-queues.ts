import { Queue, type Job } from "bullmq";
import { Redis } from "ioredis";
import { z } from "zod";
import { cacheNamespaceOf } from "../redis/redis-cache.js";
import { KEY_PREFIX } from "../redis/redis-connection.js";

/** Where SkillSwap's queues live in Redis, unless told otherwise (tests give each run a prefix of its own). */
export const DEFAULT_QUEUE_PREFIX = `${KEY_PREFIX}bull`;

/**
 * The queues of the deployment on `databaseUrl`: each database has its own, so deployments (or test runs)
 * sharing one Redis never take each other's jobs, whose events live in the other's outbox.
 */
export const queuePrefixOf = (databaseUrl: string): string =>
  `${DEFAULT_QUEUE_PREFIX}:${cacheNamespaceOf(databaseUrl)}`;

/** One queue for every (event, handler) delivery; the job's name is the handler's. */
export const OUTBOX_QUEUE = "outbox";
/** The scheduled jobs (lapsing requests, reminders, pruning…), kept apart so they never wait behind deliveries. */
export const SCHEDULED_QUEUE = "scheduled-jobs";

/** What an outbox job carries: only the event's id. The database stays the source of truth for the rest. */
export const outboxJobData = z.object({ eventId: z.string().min(1) });
export type OutboxJobData = z.infer<typeof outboxJobData>;

/**
 * One job per event and handler. Adding a job whose id exists is a no-op in BullMQ, so a relay that pushes
 * the same event twice (two processes, or a restart between pushing and marking) queues it once.
 */
export function outboxJobId(eventId: string, handler: string): string {
  return `${eventId}.${handler}`;
}

/**
 * BullMQ refuses custom job ids with ':' (its own scheduler ids use it) or that read as integers; ours are
 * time-ordered ids plus a handler name, so only a handler name can break the rule: refuse it up front.
 */
export function assertQueueableHandlerName(name: string): void {
  if (name.trim() === "") throw new Error("An outbox handler needs a name.");
  if (name.includes(":")) throw new Error(`Outbox handler ${name}: BullMQ job ids cannot contain ':'.`);
}

/**
 * BullMQ's connections must retry forever (`maxRetriesPerRequest: null`): a worker's blocking read that gave
 * up after one reconnection would stop taking jobs until restarted, unlike the request-path connection.
 */
export function openQueueConnection(redisUrl: string): Redis {
  return new Redis(redisUrl, { maxRetriesPerRequest: null });
}

/** A delivery that failed on every attempt and waits for an operator: BullMQ's failed set. */
export interface DeadLetter {
  readonly eventId: string;
  readonly handler: string;
  readonly attempts: number;
  readonly reason: string;
  readonly failedAt: Date | null;
}

/** How many jobs are in each state, per queue. `failed` on the outbox queue counts the dead letters. */
export interface QueueCounts {
  readonly waiting: number;
  readonly active: number;
  /** Waiting for their next try (backoff) or, on the scheduled queue, for their time. */
  readonly delayed: number;
  readonly failed: number;
}

export interface OutboxQueues {
  counts(): Promise<{ readonly outbox: QueueCounts; readonly scheduled: QueueCounts }>;
  /** The oldest dead letters first, at most `limit` of them. */
  deadLetters(limit?: number): Promise<DeadLetter[]>;
  /**
   * Sends dead letters back to their queue with a fresh round of attempts: all of them, or those of one event.
   * Only the queue side: the caller also gives the events back to the relay (see `retryDeadEvents`).
   */
  retryDead(eventId?: string): Promise<number>;
  close(): Promise<void>;
}

function deadLetterOf(job: Job): DeadLetter {
  const data = outboxJobData.safeParse(job.data);
  return {
    eventId: data.success ? data.data.eventId : "",
    handler: job.name,
    attempts: job.attemptsMade,
    reason: job.failedReason,
    failedAt: job.finishedOn === undefined ? null : new Date(job.finishedOn),
  };
}

const pageSize = 200;

/**
 * The outbox's queues as operators see them (`skillswap outbox`, `skillswap doctor`), over a connection of
 * its own. Also the part of a running relay and worker that answers the same questions.
 */
export function openOutboxQueues(options: { readonly redisUrl: string; readonly prefix?: string }): OutboxQueues {
  // Unlike a worker's, an operator's question fails fast when Redis is down (no reconnection): the command
  // says so and exits instead of waiting for a Redis that may never come back.
  const connection = new Redis(options.redisUrl, { maxRetriesPerRequest: 1, retryStrategy: () => null });
  // The failure reaches the caller through the command that failed; the event would only be noise.
  connection.on("error", () => undefined);
  const queues = outboxQueuesOn(connection, options.prefix ?? DEFAULT_QUEUE_PREFIX);
  return {
    ...queues,
    close: async () => {
      await queues.close();
      connection.disconnect();
    },
  };
}

/** The same over a connection the caller owns (and closes). */
export function outboxQueuesOn(connection: Redis, prefix: string): OutboxQueues & { readonly outbox: Queue } {
  const outbox = new Queue(OUTBOX_QUEUE, { connection, prefix });
  const scheduled = new Queue(SCHEDULED_QUEUE, { connection, prefix });
  // Without a listener BullMQ prints every connection error; the commands that fail report it already.
  for (const queue of [outbox, scheduled]) queue.on("error", () => undefined);
  const countsOf = async (queue: Queue): Promise<QueueCounts> => {
    const counts = await queue.getJobCounts("waiting", "active", "delayed", "failed", "prioritized");
    const of = (state: string) => counts[state] ?? 0;
    return {
      waiting: of("waiting") + of("prioritized"),
      active: of("active"),
      delayed: of("delayed"),
      failed: of("failed"),
    };
  };
  return {
    outbox,
    counts: async () => ({ outbox: await countsOf(outbox), scheduled: await countsOf(scheduled) }),
    deadLetters: async (limit = 100) => {
      if (limit <= 0) return [];
      const jobs = await outbox.getFailed(0, limit - 1);
      return jobs.map(deadLetterOf).sort((a, b) => (a.failedAt?.getTime() ?? 0) - (b.failedAt?.getTime() ?? 0));
    },
    retryDead: async (eventId) => {
      let retried = 0;
      // A retried job leaves the failed set, so the scan moves past only the jobs it skips.
      for (let skipped = 0; ;) {
        const jobs = await outbox.getFailed(skipped, skipped + pageSize - 1);
        if (jobs.length === 0) return retried;
        for (const job of jobs) {
          if (eventId !== undefined && deadLetterOf(job).eventId !== eventId) {
            skipped += 1;
            continue;
          }
          await job.retry("failed", { resetAttemptsMade: true, resetAttemptsStarted: true });
          retried += 1;
        }
      }
    },
    close: async () => {
      await outbox.close();
      await scheduled.close();
    },
  };
}
