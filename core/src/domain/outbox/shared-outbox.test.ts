import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { CoreInternals } from "../../app.js";
import { createTestCore, secondProcessOn, testProviders, type TestCore } from "../../testing/index.js";
import { createOutboxDispatcher, type OutboxDispatcherOptions, type OutboxHandler } from "./dispatcher.js";
import { recordEvent } from "./record-event.js";
import { outboxStatus } from "./status.js";

const hour = 3_600_000;
const lease = 2 * hour;
const never = () => new Promise<void>(() => undefined);
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const sorted = (ids: readonly string[]) => [...ids].sort();

/** Writes `count` profile changes the way use cases do and returns their ids, oldest first. */
async function recordMany(core: TestCore, count: number): Promise<string[]> {
  const ids: string[] = [];
  const deps = { clock: core.clock, ids: { next: () => ids[ids.push(core.deps.ids.next()) - 1] ?? "" } };
  for (let n = 0; n < count; n++) {
    await core.database.db.$transaction((tx) =>
      recordEvent(tx, deps, {
        type: "profile.updated",
        aggregateId: `person-${n}`,
        payload: { userId: `person-${n}`, fields: ["bio"] },
      }),
    );
    core.clock.advance(1);
  }
  return ids;
}

/** A subscriber standing for an outside system: what it received, in order, from any worker. */
function handler(
  name: string,
  received: string[],
  before: (eventId: string) => Promise<void> = () => Promise.resolve(),
): OutboxHandler<"profile.updated"> {
  return {
    name,
    types: ["profile.updated"],
    handle: async (event) => {
      await before(event.id);
      received.push(event.id);
    },
  };
}

const deliveriesOf = (core: TestCore, eventId: string) =>
  core.database.db.$transaction((tx) =>
    tx.outboxDelivery.findMany({ where: { eventId }, select: { handler: true }, orderBy: { handler: "asc" } }),
  );

const statusOf = (core: TestCore, id: string) =>
  core.database.db.$transaction((tx) =>
    tx.outboxEvent.findUniqueOrThrow({ where: { id }, select: { status: true, claimedBy: true } }),
  );

for (const provider of testProviders()) {
  describe(`workers sharing one outbox on ${provider}`, () => {
    let core: TestCore;
    /**
     * The same database as a second process opens it, on a connection of its own. Not on SQLite: better-sqlite3
     * waits for a locked database synchronously, holding up the very thread that would commit and unlock it, so
     * two connections of one process can only deadlock; there the second worker shares the connection.
     */
    let other: CoreInternals;
    const worker = (on: CoreInternals, options: OutboxDispatcherOptions) =>
      createOutboxDispatcher({ database: on.database, clock: core.clock }, options);

    beforeAll(async () => {
      core = await createTestCore(provider);
      other = await secondProcessOn(core);
    });
    afterAll(async () => {
      if (other !== core) await other.close();
      await core.close();
    });
    afterEach(() => core.database.db.$transaction((tx) => tx.outboxEvent.deleteMany({ where: { id: { not: "" } } })));

    it("delivers each event once to each handler while two workers poll at the same time with a slow handler", async () => {
      const ids = await recordMany(core, 12);
      const search: string[] = [];
      const notify: string[] = [];
      const inHand = new Set<string>();
      const overlaps: string[] = [];
      const byWorker = new Map<string, string[]>();
      /** Slow, and noting any moment where one handler had one event twice at once. */
      const slow = (name: string, workerName: string) => async (eventId: string) => {
        const key = `${name}:${eventId}`;
        if (inHand.has(key)) overlaps.push(key);
        inHand.add(key);
        byWorker.set(workerName, [...(byWorker.get(workerName) ?? []), eventId]);
        await pause(15);
        inHand.delete(key);
      };
      const workers = (["a", "b"] as const).map((name) =>
        worker(name === "a" ? core : other, {
          batchSize: 2,
          pollIntervalMs: 5,
          handlers: [
            handler("search-index", search, slow("search-index", name)),
            handler("notify", notify, slow("notify", name)),
          ],
        }),
      );
      workers.forEach((w) => w.start());
      try {
        await expect.poll(() => search.length + notify.length, { timeout: 10_000 }).toBe(2 * ids.length);
      } finally {
        await Promise.all(workers.map((w) => w.stop()));
      }
      expect(sorted(search)).toEqual(sorted(ids));
      expect(sorted(notify)).toEqual(sorted(ids));
      expect(overlaps).toEqual([]);
      // Both took part: the outbox is shared, not served by whichever came first.
      expect(byWorker.get("a")?.length).toBeGreaterThan(0);
      expect(byWorker.get("b")?.length).toBeGreaterThan(0);
      for (const id of ids) expect(await statusOf(core, id)).toEqual({ status: "delivered", claimedBy: null });
    });

    it("leaves the events another worker claimed alone while its lease runs, and takes them once it lapses", async () => {
      const ids = await recordMany(core, 3);
      const started: string[] = [];
      // The first worker dies holding its batch: its handler call never ends.
      const dying = worker(core, {
        handlerTimeoutMs: hour,
        leaseMs: lease,
        handlers: [handler("notify", [], (id) => (started.push(id), never()))],
      });
      void dying.runOnce();
      await expect.poll(() => started).toEqual(ids.slice(0, 1));

      const received: string[] = [];
      const survivor = worker(other, { handlers: [handler("notify", received)] });
      expect(await survivor.runOnce()).toEqual({ fetched: 0, delivered: 0, retrying: 0, dead: 0 });
      core.clock.advance(lease - 1);
      expect((await survivor.runOnce()).fetched).toBe(0);

      core.clock.advance(2);
      expect(await survivor.runOnce()).toEqual({ fetched: 3, delivered: 3, retrying: 0, dead: 0 });
      expect(received).toEqual(ids);
    });

    it("records nothing for a worker that outlived its lease: the worker that took the event over settles it", async () => {
      const [id = ""] = await recordMany(core, 1);
      let finish: () => void = () => undefined;
      let inHand = false;
      const stalled = new Promise<void>((resolve) => (finish = resolve));
      const late = { search: [] as string[], notify: [] as string[] };
      const slowWorker = worker(core, {
        handlerTimeoutMs: hour,
        leaseMs: lease,
        handlers: [
          handler("search-index", late.search, () => ((inHand = true), stalled)),
          handler("notify", late.notify),
        ],
      });
      const lateRun = slowWorker.runOnce();
      await expect.poll(() => inHand).toBe(true);

      core.clock.advance(lease + 1);
      const onTime = { search: [] as string[], notify: [] as string[] };
      const takeover = worker(other, {
        handlers: [handler("search-index", onTime.search), handler("notify", onTime.notify)],
      });
      expect((await takeover.runOnce()).delivered).toBe(1);

      finish();
      expect(await lateRun).toEqual({ fetched: 1, delivered: 0, retrying: 0, dead: 0 });
      // The stalled call did finish, but it went unrecorded and the stalled worker stopped there.
      expect(late).toEqual({ search: [id], notify: [] });
      expect(onTime).toEqual({ search: [id], notify: [id] });
      expect(await deliveriesOf(core, id)).toEqual([{ handler: "notify" }, { handler: "search-index" }]);
      expect((await statusOf(core, id)).status).toBe("delivered");
    });

    it("gives back what it had not started when it stops, so the next worker need not wait for the lease", async () => {
      const ids = await recordMany(core, 4);
      const first: string[] = [];
      const stopping: { done?: Promise<void> } = {};
      const leaving = worker(core, {
        batchSize: 10,
        handlers: [
          handler("notify", first, () => {
            stopping.done ??= leaving.stop();
            return Promise.resolve();
          }),
        ],
      });
      leaving.start();
      await expect.poll(() => stopping.done !== undefined).toBe(true);
      await stopping.done;

      const rest: string[] = [];
      await worker(other, { handlers: [handler("notify", rest)] }).runOnce();
      expect(first).toEqual(ids.slice(0, 1));
      expect(rest).toEqual(ids.slice(1));
    });

    it("shows operators which worker holds an event and until when", async () => {
      const [id = ""] = await recordMany(core, 1);
      const started: string[] = [];
      const holder = worker(core, {
        handlerTimeoutMs: hour,
        leaseMs: lease,
        workerId: "worker-host:4242:cafe",
        handlers: [handler("relay", [], (eventId) => (started.push(eventId), never()))],
      });
      void holder.runOnce();
      await expect.poll(() => started).toEqual([id]);
      expect(await outboxStatus(core.database.db)).toMatchObject({
        pending: 1,
        claimed: 1,
        claimedEvents: [
          {
            id,
            type: "profile.updated",
            attempts: 0,
            claimedBy: "worker-host:4242:cafe",
            claimedUntil: new Date(core.clock.now().getTime() + lease),
          },
        ],
      });
      // Left as a worker that died would leave it: the next test's clock is past its lease.
      core.clock.advance(lease + 1);
    });

    it("refuses a lease that a single handler call could outlast", () => {
      expect(() => worker(core, { handlerTimeoutMs: 30_000, leaseMs: 30_000 })).toThrow(/must outlast/);
    });
  });
}
