import { Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { Db } from "../prisma/database.js";
import { isUniqueViolation } from "../prisma/errors.js";
import type { Clock } from "../../ports/clock.js";
import { OUTBOX_QUEUE, outboxJobData } from "./outbox-queues.js";
import { withinTime } from "../../text/within-time.js";

/** An outbox event as a handler receives it. Core's `OutboxMessage` is this, narrowed by event type. */
export interface QueuedEvent {
  /** The idempotency key: the same event may arrive again, and always with this id. */
  readonly id: string;
  readonly type: string;
  readonly aggregateId: string;
  readonly payload: unknown;
  readonly createdAt: Date;
  /** Failed attempts of this handler before this one (0 on the first try). */
  readonly attempts: number;
}

/**
 * A subscriber to outbox events, as core's `OutboxHandler` is. Declared here because infra sits below the
 * domain; `handle` is a method so that a handler of some event types fits (TypeScript checks method
 * parameters both ways), and only events of its own types are handed to it.
 */
export interface QueuedHandler {
  readonly name: string;
  readonly types: readonly string[];
  handle(event: QueuedEvent): Promise<void>;
}

export interface DeliverySettings {
  readonly handlerTimeoutMs: number;
  /** The handlers subscribed to each type: an event is delivered once every one of them has had it. */
  readonly subscribersOf: (type: string) => readonly string[];
}

type Deps = { readonly db: Db; readonly clock: Clock };

/** One try of one job: which event, and how many tries BullMQ made and will make in all. */
export interface DeliveryAttempt {
  readonly eventId: string;
  /** Failed attempts before this one. */
  readonly attemptsMade: number;
  readonly maxAttempts: number;
}

/** What became of one job; BullMQ keeps nothing of it (completed jobs are removed), tests and logs read it. */
export type DeliveryOutcome = "delivered" | "already-delivered" | "event-gone";

/** One line for `OutboxEvent.lastError`: operators read it in `skillswap outbox`, so never a stack trace. */
function reasonOf(error: unknown): string {
  const text = error instanceof Error ? `${error.name === "Error" ? "" : `${error.name}: `}${error.message}` : "";
  const line = (text.split("\n", 1)[0] ?? "").trim();
  return (line === "" ? "failed without a message" : line).slice(0, 300);
}

/**
 * Works one outbox job: hands the event to its handler unless OutboxDelivery says that handler already had
 * it, records the success, and marks the event delivered once every subscribed handler has had it. A failure
 * is written to the event (attempts, lastError) and thrown for BullMQ to retry with backoff; on the last
 * attempt the event becomes `dead`, as the embedded dispatcher leaves it, and the job stays in the failed set.
 */
export async function deliverJob(
  deps: Deps,
  handler: QueuedHandler,
  attempt: DeliveryAttempt,
  settings: DeliverySettings,
): Promise<DeliveryOutcome> {
  const { eventId } = attempt;
  const row = await deps.db.$transaction((tx) =>
    tx.outboxEvent.findUnique({
      where: { id: eventId },
      select: {
        id: true,
        type: true,
        aggregateId: true,
        payload: true,
        createdAt: true,
        deliveries: { where: { handler: handler.name }, select: { handler: true } },
      },
    }),
  );
  // Pruned or deleted by an operator since it was queued: there is nothing left to deliver.
  if (row === null) return "event-gone";
  if (row.deliveries.length > 0) {
    await settleIfComplete(deps, row.id, row.type, settings);
    return "already-delivered";
  }
  try {
    const event: QueuedEvent = {
      id: row.id,
      type: row.type,
      aggregateId: row.aggregateId,
      payload: JSON.parse(row.payload) as unknown,
      createdAt: row.createdAt,
      attempts: attempt.attemptsMade,
    };
    await withinTime(handler.handle(event), handler.name, settings.handlerTimeoutMs);
  } catch (error) {
    await recordFailure(deps, row.id, handler.name, error, attempt);
    throw error;
  }
  await recordDelivery(deps, row.id, handler.name);
  await settleIfComplete(deps, row.id, row.type, settings);
  return "delivered";
}

async function recordDelivery(deps: Deps, eventId: string, handler: string): Promise<void> {
  try {
    await deps.db.$transaction((tx) =>
      tx.outboxDelivery.create({ data: { eventId, handler, deliveredAt: deps.clock.now() } }),
    );
  } catch (error) {
    // A stalled job taken over by another worker ran the handler too, and recorded it first: one record is enough.
    if (!isUniqueViolation(error)) throw error;
  }
}

/**
 * Separate from recording the delivery, and after its commit: of two workers finishing an event's last two
 * handlers at once, the one that commits second sees both records here, so one of them settles the event.
 */
async function settleIfComplete(deps: Deps, eventId: string, type: string, settings: DeliverySettings) {
  const subscribers = settings.subscribersOf(type);
  await deps.db.$transaction(async (tx) => {
    const done = await tx.outboxDelivery.count({ where: { eventId, handler: { in: [...subscribers] } } });
    if (done < subscribers.length) return;
    // Guarded by `status: "pending"`: an event that was settled meanwhile (by an operator, say) stays settled.
    await tx.outboxEvent.updateMany({
      where: { id: eventId, status: "pending" },
      data: { status: "delivered", deliveredAt: deps.clock.now() },
    });
  });
}

async function recordFailure(
  deps: Deps,
  eventId: string,
  handler: string,
  error: unknown,
  attempt: DeliveryAttempt,
): Promise<void> {
  const attempts = attempt.attemptsMade + 1;
  const last = attempts >= attempt.maxAttempts;
  await deps.db.$transaction((tx) =>
    tx.outboxEvent.updateMany({
      where: { id: eventId, status: "pending" },
      data: {
        attempts,
        lastError: `${handler}: ${reasonOf(error)}`.slice(0, 1_000),
        ...(last ? { status: "dead" } : {}),
      },
    }),
  );
}

/** Works the outbox queue in this process: each job is one event for one handler (the job's name). */
export function startDeliveryWorker(
  deps: Deps & { readonly connection: Redis; readonly prefix: string; readonly concurrency: number },
  handlers: ReadonlyMap<string, QueuedHandler>,
  settings: DeliverySettings & {
    readonly onError: (error: unknown) => void;
    readonly onDelivery?: (delivery: { eventId: string; handler: string; outcome: DeliveryOutcome }) => void;
  },
): Worker {
  const { connection, prefix, concurrency } = deps;
  const worker = new Worker(
    OUTBOX_QUEUE,
    async (job) => {
      const handler = handlers.get(job.name);
      // A job queued by a process of another release, for a handler this one does not have.
      if (handler === undefined) throw new Error(`No outbox handler called ${job.name} in this process.`);
      const { eventId } = outboxJobData.parse(job.data);
      const attempt = { eventId, attemptsMade: job.attemptsMade, maxAttempts: job.opts.attempts ?? 1 };
      const outcome = await deliverJob(deps, handler, attempt, settings);
      settings.onDelivery?.({ eventId, handler: job.name, outcome });
    },
    { connection, prefix, concurrency },
  );
  worker.on("error", settings.onError);
  // A handler's failure is on the event (lastError) for `skillswap outbox`; the process log hears of each try too.
  worker.on("failed", (_job, error) => settings.onError(error));
  return worker;
}
