import { z } from "zod";
import type { Db } from "../prisma/database.js";
import type { Clock } from "../../ports/clock.js";
import { startDeliveryWorker, type DeliveryOutcome, type QueuedHandler } from "./outbox-deliveries.js";
import {
  assertQueueableHandlerName,
  DEFAULT_QUEUE_PREFIX,
  openQueueConnection,
  outboxQueuesOn,
  type OutboxQueues,
} from "./outbox-queues.js";
import { relayOutboxBatch, type RelayReport, type Subscription } from "./outbox-relay.js";
import { startScheduledJobs, type ScheduledJobs, type ScheduledRun } from "./scheduled-jobs.js";

// The defaults are the embedded dispatcher's (core/src/domain/outbox/rules.ts), so switching to Redis
// changes where deliveries wait, not how often they are tried.
const optionsSchema = z.object({
  redisUrl: z.string().min(1),
  prefix: z.string().min(1).default(DEFAULT_QUEUE_PREFIX),
  /** Jobs this process works at once. */
  concurrency: z.number().int().min(1).max(1_000).default(10),
  maxAttempts: z.number().int().min(1).default(8),
  backoff: z.object({ baseDelayMs: z.number().int().min(0) }).default({ baseDelayMs: 1_000 }),
  handlerTimeoutMs: z.number().int().min(1).default(30_000),
  relayEveryMs: z.number().int().min(1).default(1_000),
  relayBatchSize: z.number().int().min(1).max(1_000).default(100),
  relayRecheckMs: z
    .number()
    .int()
    .min(1)
    .default(60 * 60_000),
  jobEveryMs: z.number().int().min(1).default(60_000),
  /** false: this process only relays and answers operators (tests, a web process that works no jobs). */
  work: z.boolean().default(true),
});

export interface BullmqOutboxOptions extends z.input<typeof optionsSchema> {
  readonly db: Db;
  readonly clock: Clock;
  readonly handlers: readonly QueuedHandler[];
  /** The scheduled jobs, run once per `jobEveryMs` across every process; none when absent. */
  readonly runScheduledJobs?: (run: ScheduledRun) => Promise<unknown>;
  /** Infrastructure faults (Redis or the database unreachable, a handler failing); the loops carry on. */
  readonly onError?: (error: unknown) => void;
  /** Every job this process worked, and what became of it: for logs and tests. */
  readonly onDelivery?: (delivery: { eventId: string; handler: string; outcome: DeliveryOutcome }) => void;
}

export interface BullmqOutbox extends Omit<OutboxQueues, "close" | "retryDead"> {
  /** Relays one batch of committed events to the queue now (the loop also does every `relayEveryMs`). */
  relayOnce(): Promise<RelayReport>;
  /**
   * Gives dead letters another round, all or one event's: the events back to pending with attempts from
   * zero, and their failed jobs back to the queue with fresh attempts. Handlers that had them are skipped.
   */
  retryDead(eventId?: string): Promise<{ readonly events: number; readonly jobs: number }>;
  /** Ends relaying and working; waits for the jobs in hand. The job scheduler stays for other processes. */
  stop(): Promise<void>;
}

/**
 * The outbox on Redis: the outbox table stays the source of truth, a relay in every process moves committed
 * events to BullMQ (one job per event and handler), workers deliver them with retries and backoff, and the
 * scheduled jobs run once per period across processes. Delivery stays at least once and idempotent per
 * handler: OutboxDelivery records who had each event, and a handler is never called again once recorded.
 */
export async function startBullmqOutbox(options: BullmqOutboxOptions): Promise<BullmqOutbox> {
  const settings = optionsSchema.parse(options);
  const onError = options.onError ?? (() => undefined);
  const handlers = new Map<string, QueuedHandler>();
  for (const handler of options.handlers) {
    assertQueueableHandlerName(handler.name);
    if (handlers.has(handler.name)) throw new Error(`An outbox handler called ${handler.name} is already registered.`);
    handlers.set(handler.name, handler);
  }
  const subscriptions: Subscription[] = [...handlers.values()].map((h) => ({ name: h.name, types: new Set(h.types) }));
  const subscribersOf = (type: string) => subscriptions.filter((s) => s.types.has(type)).map((s) => s.name);
  const deps = { db: options.db, clock: options.clock };
  const { prefix } = settings;

  const connection = openQueueConnection(settings.redisUrl);
  // ioredis reports a lost connection as an error event; unhandled, it would take the process down.
  connection.on("error", onError);
  const queues = outboxQueuesOn(connection, prefix);
  const relaySettings = {
    batchSize: settings.relayBatchSize,
    recheckMs: settings.relayRecheckMs,
    maxAttempts: settings.maxAttempts,
    baseDelayMs: settings.backoff.baseDelayMs,
  };
  const relay = startRelayLoop(
    () => relayOutboxBatch({ ...deps, queue: queues.outbox }, subscriptions, relaySettings),
    settings,
    onError,
  );

  const worker = settings.work
    ? startDeliveryWorker({ ...deps, connection, prefix, concurrency: settings.concurrency }, handlers, {
        handlerTimeoutMs: settings.handlerTimeoutMs,
        subscribersOf,
        onError,
        ...(options.onDelivery === undefined ? {} : { onDelivery: options.onDelivery }),
      })
    : null;
  let scheduled: ScheduledJobs | null = null;
  const stop = async () => {
    await relay.stop();
    await scheduled?.close();
    await worker?.close();
    await queues.close();
    await connection.quit().catch(() => connection.disconnect());
  };

  try {
    if (settings.work && options.runScheduledJobs !== undefined)
      scheduled = await startScheduledJobs({
        connection,
        prefix,
        everyMs: settings.jobEveryMs,
        run: options.runScheduledJobs,
        onError,
      });
  } catch (error) {
    // Redis refused the scheduler: nothing of this start may keep running behind the caller's back.
    await stop().catch(() => undefined);
    throw error;
  }

  return {
    relayOnce: relay.runOnce,
    counts: () => queues.counts(),
    deadLetters: (limit) => queues.deadLetters(limit),
    retryDead: async (eventId) => {
      const events = await reviveDeadEvents(deps, eventId);
      const jobs = await queues.retryDead(eventId);
      return { events, jobs };
    },
    stop,
  };
}

/** Dead events back to pending and due now: the relay pushes again any whose job Redis no longer has. */
async function reviveDeadEvents(deps: { readonly db: Db; readonly clock: Clock }, eventId?: string): Promise<number> {
  const revived = await deps.db.$transaction((tx) =>
    tx.outboxEvent.updateMany({
      where: { status: "dead", ...(eventId === undefined ? {} : { id: eventId }) },
      data: { status: "pending", attempts: 0, availableAt: deps.clock.now(), lastError: "" },
    }),
  );
  return revived.count;
}

/** Relays in the background: at once again while batches come back full, else every `relayEveryMs`. */
function startRelayLoop(
  relayBatch: () => Promise<RelayReport>,
  settings: { readonly relayEveryMs: number; readonly relayBatchSize: number },
  onError: (error: unknown) => void,
) {
  let running = true;
  let timer: NodeJS.Timeout | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  // Serialised: a pass started by relayOnce() and one by the timer would only push the same jobs twice.
  const runOnce = (): Promise<RelayReport> => {
    const run = queue.then(relayBatch);
    queue = run.catch(() => undefined);
    return run;
  };
  const tick = async () => {
    timer = null;
    let full = false;
    try {
      full = (await runOnce()).fetched === settings.relayBatchSize;
    } catch (error) {
      onError(error);
    }
    if (running) timer = setTimeout(() => void tick(), full ? 0 : settings.relayEveryMs);
  };
  timer = setTimeout(() => void tick(), 0);
  return {
    runOnce,
    stop: async () => {
      running = false;
      if (timer !== null) clearTimeout(timer);
      await queue;
    },
  };
}
