import { randomUUID } from "node:crypto";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestCore, testProviders, testRedisUrl, type TestCore } from "../../testing/index.js";
import { startBullmqOutbox, type BullmqOutbox, type BullmqOutboxOptions } from "./bullmq-outbox.js";
import type { QueuedHandler } from "./outbox-deliveries.js";
import { OUTBOX_QUEUE, openOutboxQueues, outboxJobId } from "./outbox-queues.js";

const redisUrl = testRedisUrl();

/** A handler that keeps every event id it received, the way an outside system would see its deliveries. */
type Recorder = QueuedHandler & { readonly received: string[] };

function recorder(name: string, behaviour: (eventId: string) => Promise<void> = () => Promise.resolve()): Recorder {
  const received: string[] = [];
  return {
    name,
    types: ["profile.updated"],
    received,
    handle: async (event) => {
      await behaviour(event.id);
      received.push(event.id);
    },
  };
}

const sorted = (ids: readonly string[]) => [...ids].sort();

async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("the condition did not hold in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Removes every key a test wrote under its prefix. */
async function dropPrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}

for (const provider of testProviders()) {
  describe.skipIf(redisUrl === undefined)(`the outbox on BullMQ, over ${provider}`, () => {
    const url = redisUrl ?? "";
    let core: TestCore;
    let prefix: string;
    let running: BullmqOutbox[] = [];

    /** One process's relay and worker; the relay loop is left slow so that tests say when it runs. */
    const start = async (options: Partial<BullmqOutboxOptions> & Pick<BullmqOutboxOptions, "handlers">) => {
      const outbox = await startBullmqOutbox({
        redisUrl: url,
        prefix,
        db: core.database.db,
        clock: core.clock,
        relayEveryMs: 60_000,
        ...options,
      });
      running.push(outbox);
      return outbox;
    };

    /** Commits events the way use cases do, oldest first; returns their ids. */
    const record = async (count: number, type = "profile.updated"): Promise<string[]> => {
      const ids = Array.from({ length: count }, () => core.deps.ids.next());
      for (const id of ids) {
        await core.database.db.$transaction((tx) =>
          tx.outboxEvent.create({
            data: {
              id,
              type,
              aggregateId: `person-${id}`,
              payload: JSON.stringify({ userId: `person-${id}`, fields: ["bio"] }),
              createdAt: core.clock.now(),
              availableAt: core.clock.now(),
            },
          }),
        );
        core.clock.advance(1);
      }
      return ids;
    };

    const eventRow = (id: string) =>
      core.database.db.$transaction((tx) =>
        tx.outboxEvent.findUniqueOrThrow({
          where: { id },
          select: { status: true, attempts: true, lastError: true },
        }),
      );

    const undelivered = (ids: readonly string[]) =>
      core.database.db.$transaction((tx) =>
        tx.outboxEvent.count({ where: { id: { in: [...ids] }, status: { not: "delivered" } } }),
      );

    beforeAll(async () => {
      core = await createTestCore(provider);
    });
    afterAll(() => core.close());
    beforeEach(() => {
      prefix = `skillswap-test-${randomUUID()}`;
    });
    afterEach(async () => {
      await Promise.all(running.map((outbox) => outbox.stop()));
      running = [];
      await dropPrefix(url, prefix);
      await core.database.db.$transaction((tx) => tx.outboxEvent.deleteMany({ where: { id: { not: "" } } }));
    });

    describe("relaying", () => {
      it("queues each committed event once per subscribed handler, however many relays push it", async () => {
        const handlers = [recorder("search-index"), recorder("notifications")];
        const ids = await record(5);
        const first = await start({ handlers, work: false });
        const second = await start({ handlers, work: false });
        await Promise.all([first.relayOnce(), second.relayOnce(), first.relayOnce(), second.relayOnce()]);

        const queue = new Queue(OUTBOX_QUEUE, { connection: { url }, prefix });
        try {
          const jobs = await queue.getJobs(["waiting", "prioritized"], 0, 100);
          const expected = ids.flatMap((id) => handlers.map((h) => outboxJobId(id, h.name)));
          expect(sorted(jobs.map((job) => job.id ?? ""))).toEqual(sorted(expected));
        } finally {
          await queue.close();
        }
      });

      it("leaves relayed events alone until it is time to check on them, then pushes them again as no-ops", async () => {
        const ids = await record(3);
        const outbox = await start({ handlers: [recorder("search-index")], work: false, relayRecheckMs: 60_000 });
        await outbox.relayOnce();
        expect(await outbox.relayOnce()).toEqual({ fetched: 0, queued: 0 });

        core.clock.advance(60_000);
        expect(await outbox.relayOnce()).toMatchObject({ fetched: ids.length });
        expect((await outbox.counts()).outbox.waiting).toBe(ids.length);
      });

      it("delivers an event nobody subscribes to as it is", async () => {
        const [id = ""] = await record(1, "user.followed");
        const outbox = await start({ handlers: [recorder("search-index")], work: false });
        await outbox.relayOnce();
        expect((await eventRow(id)).status).toBe("delivered");
        expect((await outbox.counts()).outbox.waiting).toBe(0);
      });
    });

    describe("delivering", () => {
      it("hands each event to each handler exactly once with two workers taking jobs", async () => {
        const search = recorder("search-index");
        const notifications = recorder("notifications");
        const ids = await record(20);
        // Two processes' worth: each its own relay, worker and connections, the same handlers' outside world.
        const options = { handlers: [search, notifications], concurrency: 4, relayEveryMs: 20 };
        await Promise.all([start(options), start(options)]);

        await until(async () => (await undelivered(ids)) === 0);
        expect(sorted(search.received)).toEqual(sorted(ids));
        expect(sorted(notifications.received)).toEqual(sorted(ids));
        const recorded = await core.database.db.$transaction((tx) =>
          tx.outboxDelivery.count({ where: { eventId: { in: ids } } }),
        );
        expect(recorded).toBe(ids.length * 2);
      });

      it("never calls a handler again for an event it had, when its job is pushed again", async () => {
        const search = recorder("search-index");
        const outcomes: string[] = [];
        const [id = ""] = await record(1);
        const outbox = await start({ handlers: [search], onDelivery: (d) => outcomes.push(d.outcome) });
        await outbox.relayOnce();
        await until(async () => (await eventRow(id)).status === "delivered");

        // As if Redis had lost the job and the event were relayed again: the same job id, queued anew.
        const queue = new Queue(OUTBOX_QUEUE, { connection: { url }, prefix });
        try {
          await queue.add("search-index", { eventId: id }, { jobId: outboxJobId(id, "search-index") });
        } finally {
          await queue.close();
        }
        await until(() => outcomes.length === 2);
        expect(outcomes).toEqual(["delivered", "already-delivered"]);
        expect(search.received).toEqual([id]);
      });
    });

    describe("failing", () => {
      it("retries a failing handler with growing waits, then keeps it as a dead letter that retryDead sends again", async () => {
        let broken = true;
        const tries: number[] = [];
        const email = recorder("email", () => {
          tries.push(Date.now());
          return broken ? Promise.reject(new Error("SMTP said 451\nstack line")) : Promise.resolve();
        });
        const search = recorder("search-index");
        const [id = ""] = await record(1);
        const outbox = await start({ handlers: [search, email], maxAttempts: 3, backoff: { baseDelayMs: 100 } });
        await outbox.relayOnce();

        await until(async () => (await outbox.counts()).outbox.failed === 1);
        expect(tries).toHaveLength(3);
        // Exponential: the second wait is at least twice the base, the first at least the base.
        expect((tries[1] ?? 0) - (tries[0] ?? 0)).toBeGreaterThanOrEqual(100);
        expect((tries[2] ?? 0) - (tries[1] ?? 0)).toBeGreaterThanOrEqual(200);
        expect(await outbox.deadLetters()).toEqual([
          {
            eventId: id,
            handler: "email",
            attempts: 3,
            reason: "SMTP said 451\nstack line",
            failedAt: expect.any(Date),
          },
        ]);
        expect(await eventRow(id)).toEqual({ status: "dead", attempts: 3, lastError: "email: SMTP said 451" });

        broken = false;
        expect(await outbox.retryDead()).toEqual({ events: 1, jobs: 1 });
        await until(async () => (await eventRow(id)).status === "delivered");
        expect(email.received).toEqual([id]);
        // The handler that had the event before it died does not get it again.
        expect(search.received).toEqual([id]);
        expect(await outbox.deadLetters()).toEqual([]);
      });

      it("shows the dead letters to an operator without a worker, and retries one event's alone", async () => {
        const tries: string[] = [];
        const email = recorder("email", (eventId) => {
          tries.push(eventId);
          return Promise.reject(new Error("mailbox full"));
        });
        const [first = "", second = ""] = await record(2);
        const outbox = await start({ handlers: [email], maxAttempts: 1 });
        await outbox.relayOnce();
        await until(async () => (await outbox.counts()).outbox.failed === 2);

        const operator = openOutboxQueues({ redisUrl: url, prefix });
        try {
          const dead = await operator.deadLetters();
          expect(sorted(dead.map((d) => d.eventId))).toEqual(sorted([first, second]));
          expect(dead.map((d) => d.reason)).toEqual(["mailbox full", "mailbox full"]);
          expect(await operator.retryDead(first)).toBe(1);
          await until(async () => tries.length === 3 && (await operator.counts()).outbox.failed === 2);
          expect(tries.filter((id) => id === first)).toHaveLength(2);
          expect(tries.filter((id) => id === second)).toHaveLength(1);
        } finally {
          await operator.close();
        }
      });
    });

    describe("scheduled jobs", () => {
      it("run once per period across two processes", async () => {
        const runs: number[] = [];
        const options = {
          handlers: [],
          jobEveryMs: 200,
          runScheduledJobs: ({ dueAt }: { dueAt: Date }) => {
            runs.push(dueAt.getTime());
            return Promise.resolve();
          },
        };
        await Promise.all([start(options), start(options)]);
        await until(() => runs.length >= 4);
        await Promise.all(running.map((outbox) => outbox.stop()));
        running = [];

        const periods = [...runs].sort((a, b) => a - b);
        expect(new Set(periods).size).toBe(periods.length);
        for (let i = 1; i < periods.length; i++)
          expect((periods[i] ?? 0) - (periods[i - 1] ?? 0)).toBeGreaterThanOrEqual(200);
      });
    });
  });
}
