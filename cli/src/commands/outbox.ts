import { openOutboxQueues, queuePrefixOf, type DeadLetter, type OutboxStatus, type QueueCounts } from "@skillswap/core";
import { emit, table, type OutputOptions } from "../output.js";
import { withCore } from "../with-core.js";

function describeClaims(status: OutboxStatus): string[] {
  if (status.claimed === 0) return [];
  const lines = [
    "",
    "Claimed events — a worker has them in hand; past UNTIL its claim lapsed and the next worker to look takes them:",
    table([
      ["ID", "TYPE", "ATTEMPTS", "WORKER", "UNTIL"],
      ...status.claimedEvents.map((e) => [e.id, e.type, String(e.attempts), e.claimedBy, e.claimedUntil.toISOString()]),
    ]),
  ];
  if (status.claimedEvents.length < status.claimed)
    lines.push(`… and ${status.claimed - status.claimedEvents.length} more (soonest to lapse shown first).`);
  return lines;
}

function describeJobTurns(status: OutboxStatus): string[] {
  if (status.jobTurns.length === 0) return [];
  return [
    "",
    "Scheduled jobs — the worker that ran each last keeps its turn until UNTIL; then the next worker takes it:",
    table([
      ["JOB", "WORKER", "UNTIL"],
      ...status.jobTurns.map((turn) => [turn.job, turn.holder, turn.expiresAt.toISOString()]),
    ]),
  ];
}

function describeStatus(status: OutboxStatus): string {
  const lines = [
    `Outbox: ${status.pending} pending (${status.retrying} waiting to retry, ${status.claimed} claimed by a worker), ${status.delivered} delivered, ${status.dead} dead.`,
    ...describeClaims(status),
    ...describeJobTurns(status),
  ];
  if (status.dead === 0) return lines.join("\n");
  lines.push(
    "",
    "Dead events — every handler retry failed; they are kept for you to look at:",
    table([
      ["ID", "TYPE", "ATTEMPTS", "LAST ERROR"],
      ...status.deadEvents.map((e) => [e.id, e.type, String(e.attempts), e.lastError]),
    ]),
  );
  if (status.deadEvents.length < status.dead)
    lines.push(`… and ${status.dead - status.deadEvents.length} more (oldest shown first).`);
  return lines.join("\n");
}

/** With REDIS_URL, deliveries wait in BullMQ: its counts, its dead letters (per handler), what was requeued. */
interface QueueReport {
  readonly outbox: QueueCounts;
  readonly scheduled: QueueCounts;
  readonly deadLetters: DeadLetter[];
  readonly requeued?: number;
}

/** `retry` null: only look; else requeue the dead letters (of one event, or all) with fresh attempts. */
async function queueReport(
  { redisUrl, databaseUrl }: { readonly redisUrl: string; readonly databaseUrl: string },
  retry: { readonly eventId?: string | undefined } | null,
): Promise<QueueReport> {
  const queues = openOutboxQueues({ redisUrl, prefix: queuePrefixOf(databaseUrl) });
  try {
    const requeued = retry === null ? undefined : await queues.retryDead(retry.eventId);
    return {
      ...(await queues.counts()),
      deadLetters: await queues.deadLetters(100),
      ...(requeued === undefined ? {} : { requeued }),
    };
  } finally {
    await queues.close();
  }
}

function describeQueue(queue: QueueReport): string {
  const { waiting, active, delayed, failed } = queue.outbox;
  const lines = [
    "",
    `Job queue (Redis): ${waiting} waiting, ${active} running, ${delayed} waiting to retry, ${failed} dead letter(s).`,
  ];
  if (queue.deadLetters.length > 0)
    lines.push(
      table([
        ["EVENT", "HANDLER", "ATTEMPTS", "REASON"],
        ...queue.deadLetters.map((d) => [d.eventId, d.handler, String(d.attempts), d.reason.split("\n", 1)[0] ?? ""]),
      ]),
    );
  return lines.join("\n");
}

/**
 * Counts of outbox events by status, the events workers hold (which worker, until when), who has each scheduled
 * job's turn, and the dead events with the reason their last attempt failed.
 */
export async function outboxCommand(options: OutputOptions & { retry?: boolean | string }): Promise<void> {
  const eventId = typeof options.retry === "string" ? options.retry : undefined;
  // prepare:false — looking at the outbox must not migrate or load the catalog.
  const report: OutboxStatus & { readonly retried?: number; readonly queue?: QueueReport } = await withCore(
    async ({ config, services: { operations } }) => {
      // The events first, then their jobs: a job requeued while its event is still dead would be delivered
      // and leave the event dead.
      const status =
        options.retry === undefined ? await operations.outbox() : await operations.retryDeadEvents(eventId);
      if (config.REDIS_URL === undefined) return status;
      return {
        ...status,
        queue: await queueReport(
          { redisUrl: config.REDIS_URL, databaseUrl: config.DATABASE_URL },
          options.retry === undefined ? null : { eventId },
        ),
      };
    },
    { prepare: false },
  );
  emit(options, report, () =>
    [
      report.retried === undefined ? "" : `Sent ${report.retried} dead event(s) back for delivery.`,
      report.queue?.requeued === undefined ? "" : `Requeued ${report.queue.requeued} dead letter(s).`,
      describeStatus(report),
      report.queue === undefined ? "" : describeQueue(report.queue),
    ]
      .filter((line) => line !== "")
      .join("\n"),
  );
}
