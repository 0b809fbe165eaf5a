import { z } from "zod";
import type { Database, Db, Tx } from "../../infra/prisma/database.js";
import type { Clock } from "../../ports/clock.js";
import { newWorkerId } from "../shared/worker-id.js";
import { OutboxClaims } from "./claims.js";
import type { DomainEvent, DomainEventType } from "./events.js";
import { afterFailure, defaultRetryPolicy, shortError, type RetryPolicy } from "./rules.js";
import { withinTime } from "../../text/within-time.js";

// Indexed rather than `Extract<DomainEvent, { type: T }>`: TypeScript can then see that a handler of some
// event types is a handler of events in general, so handlers of different types share one array.
type EventsByType = { [E in DomainEvent as E["type"]]: E };

/** An outbox event as a handler receives it: the domain event plus its outbox identity. */
export type OutboxMessage<T extends DomainEventType = DomainEventType> = EventsByType[T] & {
  /** The idempotency key: the same event may arrive again, and always with this id. */
  readonly id: string;
  readonly createdAt: Date;
  /** Failed attempts before this one (0 on the first try). */
  readonly attempts: number;
};

/**
 * A subscriber to outbox events. Delivery is at least once: a handler that succeeded is recorded and never
 * called again for that event, even across restarts, but a crash between its side effect and that record
 * (or a timeout after it acted) delivers the event again. So `handle` must be idempotent by `event.id`:
 * key what it writes or sends on it. A handler throws to ask for a retry; it runs outside any transaction,
 * so it may call use cases.
 */
export interface OutboxHandler<T extends DomainEventType = DomainEventType> {
  /** Stable across releases: deliveries are recorded under it. Renaming a handler re-subscribes it. */
  readonly name: string;
  readonly types: readonly T[];
  handle(event: OutboxMessage<T>): Promise<void>;
}

export interface DispatchReport {
  /**
   * Events this dispatcher claimed in this batch. More than delivered + retrying + dead when it lost some
   * claims on the way (its lease lapsed and another worker took them over).
   */
  readonly fetched: number;
  readonly delivered: number;
  readonly retrying: number;
  readonly dead: number;
}

const optionsSchema = z.object({
  batchSize: z.number().int().min(1).max(1_000).default(50),
  pollIntervalMs: z.number().int().min(1).default(1_000),
  handlerTimeoutMs: z.number().int().min(1).default(30_000),
  maxAttempts: z.number().int().min(1).default(defaultRetryPolicy.maxAttempts),
  baseDelayMs: z.number().int().min(0).default(defaultRetryPolicy.baseDelayMs),
  maxDelayMs: z.number().int().min(0).default(defaultRetryPolicy.maxDelayMs),
  /**
   * How long a claim keeps other workers off an event, renewed before each handler call: longer than one
   * call may take (handlerTimeoutMs). By default a minute, or twice the handler timeout when that is longer.
   */
  leaseMs: z.number().int().min(1).optional(),
  /** Who claims, unique among every process sharing the database: host:pid:random by default. */
  workerId: z.string().min(1).optional(),
});

export interface OutboxDispatcherOptions extends Partial<z.input<typeof optionsSchema>> {
  readonly handlers?: readonly OutboxHandler[];
  /** Called when a whole batch fails (database unreachable, …); the loop carries on after the poll interval. */
  readonly onError?: (error: unknown) => void;
}

/** What a dispatcher runs on: the database (its provider decides how events are claimed) and the clock. */
export interface OutboxDispatcherDeps {
  readonly database: Pick<Database, "db" | "provider">;
  readonly clock: Clock;
}

export interface OutboxDispatcher {
  /** Who this dispatcher claims events as (`claimedBy` in the outbox). */
  readonly workerId: string;
  /** Adds a handler; its name must be unique. Events already delivered before it was added are not replayed. */
  register<T extends DomainEventType>(handler: OutboxHandler<T>): void;
  /** Processes one batch of due events and says what became of them. Calls are serialised. */
  runOnce(): Promise<DispatchReport>;
  /** Polls in the background until stop(): at once again while batches come back full, else every poll interval. */
  start(): void;
  /** Ends polling; waits for the event in hand and gives the rest of its batch back, unclaimed, for the next run. */
  stop(): Promise<void>;
}

type PendingRow = {
  id: string;
  type: string;
  aggregateId: string;
  payload: string;
  attempts: number;
  createdAt: Date;
  deliveries: Array<{ handler: string }>;
};

/** `lost`: the claim lapsed before the event was settled; whoever holds it now settles it. */
type Outcome = "delivered" | "retrying" | "dead" | "lost";

/** A registered handler with its type parameter erased, so handlers of different types share one list. */
interface Subscriber {
  readonly name: string;
  readonly types: ReadonlySet<string>;
  readonly handle: (message: OutboxMessage) => Promise<void>;
}

/** The event as handlers receive it, or why it cannot be read. */
function messageOf(row: PendingRow): OutboxMessage | string {
  try {
    // The payload was written by recordEvent from the typed DomainEvent union, and only handlers that
    // subscribed to this exact type receive it, so the type and payload agree.
    return {
      id: row.id,
      type: row.type,
      aggregateId: row.aggregateId,
      payload: JSON.parse(row.payload) as unknown,
      createdAt: row.createdAt,
      attempts: row.attempts,
    } as OutboxMessage;
  } catch (error) {
    return `payload: ${shortError(error)}`;
  }
}

/**
 * The embedded outbox dispatcher: polls pending events that are due, oldest first, and hands each to every
 * handler registered for its type. Each success is committed to OutboxDelivery before the next handler runs,
 * so after a crash only the handler that was running when it happened can see the event again. An event
 * whose handlers all succeeded is `delivered`; otherwise it is retried with exponential backoff (handlers that
 * already succeeded are skipped) and becomes `dead` after `maxAttempts`. Ordering holds between events only
 * while none fails: a retried event is delivered after younger ones.
 *
 * Any number of dispatchers may share a database: each claims its batch first (see claims.ts), so two never
 * hold one event at once, and the events of one that dies are taken over when its lease lapses. The claim
 * is renewed before each handler call and checked when anything is recorded, so a handler runs for an event
 * in one worker at a time (unless a call outlives its timeout: the call is abandoned, not stopped).
 */
export function createOutboxDispatcher(
  deps: OutboxDispatcherDeps,
  options: OutboxDispatcherOptions = {},
): OutboxDispatcher {
  return new PollingDispatcher(deps, options);
}

type Settings = z.output<typeof optionsSchema>;

class PollingDispatcher implements OutboxDispatcher {
  private readonly settings: Settings;
  private readonly policy: RetryPolicy;
  private readonly handlers: Subscriber[] = [];
  private readonly db: Db;
  private readonly claims: OutboxClaims;
  private queue: Promise<unknown> = Promise.resolve();
  private polling = false;
  // Bumped by start(): a poll left over from an earlier start() must not schedule a second loop.
  private generation = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly deps: OutboxDispatcherDeps,
    private readonly options: OutboxDispatcherOptions,
  ) {
    this.settings = optionsSchema.parse(options);
    const { maxAttempts, baseDelayMs, maxDelayMs, handlerTimeoutMs, leaseMs } = this.settings;
    this.policy = { maxAttempts, baseDelayMs, maxDelayMs };
    if (leaseMs !== undefined && leaseMs <= handlerTimeoutMs)
      throw new Error(`The outbox lease (${leaseMs} ms) must outlast a handler call (${handlerTimeoutMs} ms).`);
    this.db = deps.database.db;
    this.claims = new OutboxClaims(
      deps,
      this.settings.workerId ?? newWorkerId(),
      leaseMs ?? Math.max(60_000, 2 * handlerTimeoutMs),
    );
    for (const handler of options.handlers ?? []) this.register(handler);
  }

  get workerId(): string {
    return this.claims.holder;
  }

  register<T extends DomainEventType>(handler: OutboxHandler<T>): void {
    if (handler.name.trim() === "") throw new Error("An outbox handler needs a name.");
    if (this.handlers.some((h) => h.name === handler.name))
      throw new Error(`An outbox handler called ${handler.name} is already registered.`);
    if (handler.types.length === 0) throw new Error(`Outbox handler ${handler.name} subscribes to no event type.`);
    this.handlers.push({
      name: handler.name,
      types: new Set<string>(handler.types),
      // Only events of the handler's own types reach it (see deliver), which is what the cast states.
      handle: (message) => handler.handle(message as OutboxMessage<T>),
    });
  }

  runOnce(): Promise<DispatchReport> {
    return this.serialised(() => this.processBatch(() => true));
  }

  start(): void {
    if (this.polling) return;
    this.polling = true;
    this.generation += 1;
    const loop = this.generation;
    this.timer = setTimeout(() => void this.poll(loop), 0);
  }

  async stop(): Promise<void> {
    this.polling = false;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    await this.queue;
  }

  private async poll(loop: number): Promise<void> {
    this.timer = null;
    let full = false;
    try {
      const report = await this.serialised(() => this.processBatch(() => this.polling));
      full = report.fetched === this.settings.batchSize;
    } catch (error) {
      this.options.onError?.(error);
    }
    if (this.polling && loop === this.generation)
      this.timer = setTimeout(() => void this.poll(loop), full ? 0 : this.settings.pollIntervalMs);
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async processBatch(keepGoing: () => boolean): Promise<DispatchReport> {
    const rows = await this.claimDue();
    const counts = { delivered: 0, retrying: 0, dead: 0, lost: 0 };
    let handled = 0;
    try {
      for (const row of rows) {
        if (!keepGoing()) break;
        counts[await this.deliver(row)] += 1;
        handled += 1;
      }
    } finally {
      // Best effort: events not given back wait for their lease to lapse, which is only slower.
      await this.claims.release(rows.slice(handled).map((row) => row.id)).catch(() => undefined);
    }
    return { fetched: rows.length, delivered: counts.delivered, retrying: counts.retrying, dead: counts.dead };
  }

  private claimDue(): Promise<PendingRow[]> {
    return this.db.$transaction(async (tx) => {
      const ids = await this.claims.claim(tx, this.settings.batchSize);
      if (ids.length === 0) return [];
      return tx.outboxEvent.findMany({
        where: { id: { in: ids } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: this.settings.batchSize,
        select: {
          id: true,
          type: true,
          aggregateId: true,
          payload: true,
          attempts: true,
          createdAt: true,
          deliveries: { select: { handler: true } },
        },
      });
    });
  }

  private async deliver(row: PendingRow): Promise<Outcome> {
    const done = new Set(row.deliveries.map((d) => d.handler));
    const due = this.handlers.filter((h) => h.types.has(row.type) && !done.has(h.name));
    // An event nobody subscribes to is delivered as it is: there is no one to hand it to, readable or not.
    const message = due.length === 0 ? null : messageOf(row);
    const run =
      message === null
        ? { failures: [], unrecorded: null }
        : typeof message === "string"
          ? { failures: [message], unrecorded: null }
          : await this.runHandlers(message, due);
    if (run === "lost") return "lost";
    return this.db.$transaction((tx) => this.settle(tx, row, run.failures, run.unrecorded));
  }

  /**
   * Runs the handlers one after the other. Before each, the claim is renewed (it may have been waiting behind
   * the batch's earlier events) and the previous success is committed with it; the last success is committed
   * by the caller together with the event's outcome, so no finished handler is forgotten by a crash. `lost`
   * when the claim lapsed meanwhile: another worker has the event, and this one stops touching it.
   */
  private async runHandlers(
    message: OutboxMessage,
    due: readonly Subscriber[],
  ): Promise<{ failures: string[]; unrecorded: string | null } | "lost"> {
    const failures: string[] = [];
    let unrecorded: string | null = null;
    for (const handler of due) {
      const previous = unrecorded;
      const kept = await this.db.$transaction(async (tx) => {
        if (!(await this.claims.renew(tx, message.id))) return false;
        if (previous !== null) await this.recordDelivery(tx, message.id, previous);
        return true;
      });
      if (!kept) return "lost";
      unrecorded = null;
      try {
        await withinTime(handler.handle(message), handler.name, this.settings.handlerTimeoutMs);
        unrecorded = handler.name;
      } catch (error) {
        failures.push(`${handler.name}: ${shortError(error)}`);
      }
    }
    return { failures, unrecorded };
  }

  private async recordDelivery(tx: Tx, eventId: string, handler: string): Promise<void> {
    await tx.outboxDelivery.create({ data: { eventId, handler, deliveredAt: this.deps.clock.now() } });
  }

  /**
   * Records the outcome and gives the claim up, only while the claim holds (which also leaves an event settled
   * meanwhile by an operator settled): a worker that lost its claim records nothing, not even the success
   * in hand, since the new holder may be recording the same handler.
   */
  private async settle(
    tx: Tx,
    row: PendingRow,
    failures: readonly string[],
    unrecorded: string | null,
  ): Promise<Outcome> {
    const now = this.deps.clock.now();
    const unclaimed = { claimedBy: null, claimedUntil: null };
    const attempts = row.attempts + 1;
    const next = failures.length === 0 ? null : afterFailure(attempts, now, this.policy);
    const { count } = await tx.outboxEvent.updateMany({
      where: this.claims.current(row.id, now),
      data:
        next === null
          ? { status: "delivered", deliveredAt: now, ...unclaimed }
          : {
              attempts,
              lastError: failures.join("; ").slice(0, 1_000),
              ...(next.status === "dead" ? { status: "dead" } : { availableAt: next.availableAt }),
              ...unclaimed,
            },
    });
    if (count === 0) return "lost";
    if (unrecorded !== null) await this.recordDelivery(tx, row.id, unrecorded);
    return next === null ? "delivered" : next.status === "dead" ? "dead" : "retrying";
  }
}
