import type { CoreInternals } from "./app.js";
import { accountMailHandler } from "./domain/identity/account-mail.js";
import { dashboardDelivery } from "./domain/notifications/dashboard-delivery.js";
import { notificationsHandler } from "./domain/notifications/handler.js";
import { INBOX_RETENTION_MS } from "./domain/inbox/service.js";
import { SENDS_RETENTION_MS } from "./domain/sends/service.js";
import { IDEMPOTENCY_RETENTION_MS } from "./domain/idempotency/service.js";
import { createJobLeases } from "./domain/job-leases/job-leases.js";
import { createOutboxDispatcher, type OutboxHandler } from "./domain/outbox/dispatcher.js";
import { newWorkerId } from "./domain/shared/worker-id.js";
import { startBullmqOutbox, type BullmqOutbox } from "./infra/bullmq/bullmq-outbox.js";
import { queuePrefixOf } from "./infra/bullmq/outbox-queues.js";
import type { Delivery } from "./ports/delivery.js";

/** What this worker's run did; a job another worker had this period counts 0 (see startWorker). */
export interface JobReport {
  readonly expiredRequests: number;
  readonly completedSessions: number;
  readonly remindedSessions: number;
  readonly prunedInboundEvents: number;
}

export interface Worker {
  /** Who this worker claims outbox events and job leases as (host:pid:random). */
  readonly workerId: string;
  /** Runs the scheduled jobs once (they also run every `jobEveryMs`), those whose turn this worker has. */
  runJobsOnce(): Promise<JobReport>;
  /** Stops polling and timers; waits for the event and the jobs in hand, then gives back its job leases. */
  stop(): Promise<void>;
}

export interface WorkerOptions {
  readonly handlers?: readonly OutboxHandler[];
  /** The surfaces notifications go to besides the dashboard's inbox, which is always on (bots, email). */
  readonly deliveries?: readonly Delivery[];
  readonly jobEveryMs?: number;
  readonly pollIntervalMs?: number;
  /** Unique among every process sharing the database; host:pid:random by default. */
  readonly workerId?: string;
  readonly onError?: (error: unknown) => void;
}

/** Runs `work` (the job `name`) if it is this worker's turn, else answers `skipped`. */
type InTurn = <T>(name: string, work: () => Promise<T>, skipped: T) => Promise<T>;

/** The scheduled jobs, in order, each run when `inTurn` says so. */
function scheduledJobs(core: CoreInternals, inTurn: InTurn): () => Promise<JobReport> {
  const ago = (ms: number) => new Date(core.deps.clock.now().getTime() - ms);
  const { swaps, sessions, search, inbox, sends, idempotency, webSessions } = core.services;
  return async () => {
    const expiredRequests = await inTurn("swaps.expire", () => swaps.expireDue(), 0);
    const completedSessions = await inTurn("sessions.complete", () => sessions.completeDue(), 0);
    const remindedSessions = await inTurn("sessions.remind", () => sessions.remindDue(), 0);
    await inTurn("search.sync", () => search.sync(), undefined);
    const prunedInboundEvents = await inTurn("inbox.prune", () => inbox.prune(ago(INBOX_RETENTION_MS)), 0);
    await inTurn("sends.prune", () => sends.prune(ago(SENDS_RETENTION_MS)), 0);
    await inTurn("idempotency.prune", () => idempotency.prune(ago(IDEMPOTENCY_RETENTION_MS)), 0);
    await inTurn("web-sessions.prune", () => webSessions.prune(), 0);
    return { expiredRequests, completedSessions, remindedSessions, prunedInboundEvents };
  };
}

/**
 * The background half of SkillSwap (the `worker` role, in-process when embedded): the outbox dispatcher
 * delivering events to their handlers (account mail always), and the scheduled jobs — requests lapse after 14 days, sessions one
 * side confirmed complete after 72 undisputed hours, participants hear of a session the day before, the search index catches up with changes made by other
 * processes, the inbox forgets platform event ids older than a day, so do the API's idempotency keys, and what the bots sent is forgotten after a month.
 *
 * Any number of workers may share one database. They share the outbox by claiming events (see the
 * dispatcher), and each scheduled job runs in one worker per period: the one holding its lease (JobLease),
 * which keeps it from period to period until it stops or dies (then another takes it once the lease lapses).
 * Every job is idempotent anyway, so a run that overlaps another (a job slower than its period) does no harm.
 *
 * With REDIS_URL the outbox is carried by BullMQ instead (infra/bullmq): a relay moves committed events into
 * a queue, one job per (event, handler), worked with retries and a dead-letter state, and one job scheduler
 * fires the scheduled jobs once per period across every worker. The outbox table stays the source of truth.
 */
export function startWorker(core: CoreInternals, options: WorkerOptions = {}): Worker {
  const onError = options.onError ?? (() => undefined);
  const handlers = [
    accountMailHandler(core.deps, core.config.PUBLIC_URL),
    ...(options.handlers ?? []),
    notificationsHandler(core.database.db, [dashboardDelivery(core.deps), ...(options.deliveries ?? [])]),
  ];
  const workerId = options.workerId ?? newWorkerId();
  const redisUrl = core.config.REDIS_URL;
  if (redisUrl !== undefined) return startQueuedWorker(core, { ...options, onError }, handlers, workerId, redisUrl);
  const dispatcher = createOutboxDispatcher(core.deps, {
    handlers,
    ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
    leaseMs: core.config.OUTBOX_LEASE_MS,
    workerId,
    onError,
  });
  const jobEveryMs = options.jobEveryMs ?? 60_000;
  const leases = createJobLeases(core.deps, workerId);
  const inTurn: InTurn = (name, work, skipped) => leases.runInTurn(name, jobEveryMs, work, skipped);
  const runJobs = scheduledJobs(core, inTurn);
  let running: Promise<JobReport> | undefined;
  let next: Promise<JobReport> | undefined;
  // A call during a run gets the run after it (one, shared by every such call): the run in progress may have
  // passed a job before what the caller wants done was due.
  const runJobsOnce = (): Promise<JobReport> => {
    if (running === undefined) return (running = runJobs().finally(() => (running = undefined)));
    return (next ??= running
      .catch(() => undefined)
      .then(() => {
        next = undefined;
        return runJobsOnce();
      }));
  };
  dispatcher.start();
  const timer = setInterval(() => {
    runJobsOnce().catch(onError);
  }, jobEveryMs);
  runJobsOnce().catch(onError);
  return {
    workerId,
    runJobsOnce,
    stop: async () => {
      clearInterval(timer);
      await dispatcher.stop();
      await next?.catch(() => undefined);
      await running?.catch(() => undefined);
      await leases.releaseAll().catch(onError);
    },
  };
}

/**
 * The worker on BullMQ (REDIS_URL). Its scheduled jobs are fired by the queue's one scheduler, so no timer of
 * its own: `runJobsOnce` stays for operators and tests, and runs every job at once, since BullMQ already
 * chose this process for the period.
 */
function startQueuedWorker(
  core: CoreInternals,
  options: WorkerOptions & { readonly onError: (error: unknown) => void },
  handlers: readonly OutboxHandler[],
  workerId: string,
  redisUrl: string,
): Worker {
  const runJobsOnce = scheduledJobs(core, (_name, work) => work());
  const started: Promise<BullmqOutbox | undefined> = startBullmqOutbox({
    redisUrl,
    db: core.database.db,
    clock: core.deps.clock,
    prefix: queuePrefixOf(core.config.DATABASE_URL),
    concurrency: core.config.OUTBOX_CONCURRENCY,
    handlers,
    runScheduledJobs: () => runJobsOnce(),
    jobEveryMs: options.jobEveryMs ?? 60_000,
    onError: options.onError,
  }).catch((error: unknown) => {
    options.onError(error);
    return undefined;
  });
  return {
    workerId,
    runJobsOnce,
    stop: async () => {
      await (await started)?.stop();
    },
  };
}
