import type { CoreInternals } from "./app.js";
import { accountMailHandler } from "./domain/identity/account-mail.js";
import { dashboardDelivery } from "./domain/notifications/dashboard-delivery.js";
import { notificationsHandler } from "./domain/notifications/handler.js";
import { INBOX_RETENTION_MS } from "./domain/inbox/service.js";
import { SENDS_RETENTION_MS } from "./domain/sends/service.js";
import { IDEMPOTENCY_RETENTION_MS } from "./domain/idempotency/service.js";
import { createOutboxDispatcher, type OutboxHandler } from "./domain/outbox/dispatcher.js";
import type { Delivery } from "./ports/delivery.js";

export interface JobReport {
  readonly expiredRequests: number;
  readonly completedSessions: number;
  readonly remindedSessions: number;
  readonly prunedInboundEvents: number;
}

export interface Worker {
  /** Runs the scheduled jobs once (they also run every `jobEveryMs`). */
  runJobsOnce(): Promise<JobReport>;
  /** Stops polling and timers; waits for the event and the jobs in hand. */
  stop(): Promise<void>;
}

export interface WorkerOptions {
  readonly handlers?: readonly OutboxHandler[];
  /** The surfaces notifications go to besides the dashboard's inbox, which is always on (bots, email). */
  readonly deliveries?: readonly Delivery[];
  readonly jobEveryMs?: number;
  readonly pollIntervalMs?: number;
  readonly onError?: (error: unknown) => void;
}

/**
 * The background half of SkillSwap (the `worker` role, in-process when embedded): the outbox dispatcher
 * delivering events to their handlers (account mail always), and the scheduled jobs — requests lapse after 14 days, sessions one
 * side confirmed complete after 72 undisputed hours, participants hear of a session the day before, the search index catches up with changes made by other
 * processes, the inbox forgets platform event ids older than a day, so do the API's idempotency keys, and what the bots sent is forgotten after a month. Every job is idempotent, so two workers overlapping do no harm beyond the work.
 */
export function startWorker(core: CoreInternals, options: WorkerOptions = {}): Worker {
  const onError = options.onError ?? (() => undefined);
  const handlers = [
    accountMailHandler(core.deps, core.config.PUBLIC_URL),
    ...(options.handlers ?? []),
    notificationsHandler(core.database.db, [dashboardDelivery(core.deps), ...(options.deliveries ?? [])]),
  ];
  const dispatcher = createOutboxDispatcher(core.deps, {
    handlers,
    ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
    onError,
  });
  const { swaps, sessions, search, inbox, sends, idempotency, webSessions } = core.services;
  let running: Promise<JobReport> | undefined;
  const runJobsOnce = () =>
    (running ??= (async () => {
      try {
        const expiredRequests = await swaps.expireDue();
        const completedSessions = await sessions.completeDue();
        const remindedSessions = await sessions.remindDue();
        await search.sync();
        const prunedInboundEvents = await inbox.prune(new Date(core.deps.clock.now().getTime() - INBOX_RETENTION_MS));
        await sends.prune(new Date(core.deps.clock.now().getTime() - SENDS_RETENTION_MS));
        await idempotency.prune(new Date(core.deps.clock.now().getTime() - IDEMPOTENCY_RETENTION_MS));
        await webSessions.prune();
        return { expiredRequests, completedSessions, remindedSessions, prunedInboundEvents };
      } finally {
        running = undefined;
      }
    })());
  dispatcher.start();
  const timer = setInterval(() => {
    runJobsOnce().catch(onError);
  }, options.jobEveryMs ?? 60_000);
  runJobsOnce().catch(onError);
  return {
    runJobsOnce,
    stop: async () => {
      clearInterval(timer);
      await dispatcher.stop();
      await running?.catch(() => undefined);
    },
  };
}
