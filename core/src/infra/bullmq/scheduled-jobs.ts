import { Queue, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import { SCHEDULED_QUEUE } from "./outbox-queues.js";

/** The one scheduler every process upserts: the same id everywhere is what makes it one. */
export const SCHEDULER_ID = "scheduled-jobs";

/**
 * Upserts the scheduler when it is missing or its period changed. An upsert from every process is safe (the
 * pending job is replaced by one for the same period), but an unchanged scheduler needs none.
 */
async function ensureScheduler(queue: Queue, everyMs: number): Promise<void> {
  if ((await queue.getJobScheduler(SCHEDULER_ID))?.every === everyMs) return;
  await queue.upsertJobScheduler(
    SCHEDULER_ID,
    { every: everyMs },
    { name: "run", opts: { removeOnComplete: true, removeOnFail: { count: 100 } } },
  );
}

/** When a scheduler's job was due: its id is the scheduler's and the period's (`repeat:<id>:<ms>`). */
function dueAtOf(job: Job): Date {
  const millis = Number(job.id?.split(":").at(-1));
  return new Date(Number.isSafeInteger(millis) ? millis : job.timestamp);
}

/** The period a scheduled run belongs to, for logs and for telling runs apart. */
export interface ScheduledRun {
  readonly dueAt: Date;
}

export interface ScheduledJobs {
  close(): Promise<void>;
}

/**
 * Runs `run` once per `everyMs` across every process sharing the Redis. Every process ensures the same job
 * scheduler, which keeps one job per period (its id is the scheduler's and the period's), and works the
 * queue with one slot; whichever process takes a period's job runs it, the others never see it. A run that
 * fails is reported and not retried: the next period runs the same jobs anyway.
 */
export async function startScheduledJobs(options: {
  readonly connection: Redis;
  readonly prefix: string;
  readonly everyMs: number;
  readonly run: (run: ScheduledRun) => Promise<unknown>;
  readonly onError: (error: unknown) => void;
}): Promise<ScheduledJobs> {
  const { connection, prefix } = options;
  const queue = new Queue(SCHEDULED_QUEUE, { connection, prefix });
  await ensureScheduler(queue, options.everyMs);
  const worker = new Worker(
    SCHEDULED_QUEUE,
    async (job) => {
      await options.run({ dueAt: dueAtOf(job) });
    },
    { connection, prefix, concurrency: 1 },
  );
  worker.on("error", options.onError);
  worker.on("failed", (_job, error) => options.onError(error));
  return {
    close: async () => {
      // The scheduler stays: the other processes still run on it, and a restart upserts it again.
      await worker.close();
      await queue.close();
    },
  };
}
