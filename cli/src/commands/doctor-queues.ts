import { openOutboxQueues, queuePrefixOf, type Config } from "@skillswap/core";
import type { Check } from "./doctor.js";

/**
 * With REDIS_URL, outbox deliveries and the scheduled jobs wait in BullMQ: how many wait, run, wait to retry,
 * and how many deliveries gave up (dead letters, which `skillswap outbox --retry` sends again). Nothing
 * without Redis: the embedded dispatcher's state is the outbox check's.
 */
export async function jobQueueChecks(config: Config): Promise<Check[]> {
  if (config.REDIS_URL === undefined) return [];
  const queues = openOutboxQueues({ redisUrl: config.REDIS_URL, prefix: queuePrefixOf(config.DATABASE_URL) });
  try {
    const { outbox, scheduled } = await queues.counts();
    const counts = `${outbox.waiting} waiting, ${outbox.active} running, ${outbox.delayed} waiting to retry`;
    const schedule =
      scheduled.delayed + scheduled.waiting + scheduled.active > 0 ? "scheduled jobs on" : "no scheduled jobs yet";
    return [
      outbox.failed === 0
        ? { name: "job queue", status: "ok", detail: `${counts}, no dead letters; ${schedule}` }
        : {
            name: "job queue",
            status: "warn",
            detail: `${outbox.failed} dead letter(s), ${counts}: run \`skillswap outbox\` to see why; ${schedule}`,
          },
    ];
  } catch (error) {
    return [
      {
        name: "job queue",
        status: "fail",
        detail: `Redis unreachable: ${error instanceof Error ? error.message : String(error)}`,
      },
    ];
  } finally {
    await queues.close().catch(() => undefined);
  }
}
