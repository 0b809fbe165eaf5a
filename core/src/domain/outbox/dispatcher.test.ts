import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createCore, type CoreInternals } from "../../app.js";
import { loadConfig } from "../../config.js";
import { createTestCore, testProviders, type TestCore } from "../../testing/index.js";
import { createOutboxDispatcher, type OutboxDispatcherOptions, type OutboxHandler } from "./dispatcher.js";
import type { DomainEvent } from "./events.js";
import { recordEvent } from "./record-event.js";

/** A handler that keeps what it received, in order, the way an outside system would see it. */
type Recorder = OutboxHandler<"profile.updated"> & { readonly received: string[] };

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

const profileUpdated = (n: number): DomainEvent => ({
  type: "profile.updated",
  aggregateId: `person-${n}`,
  payload: { userId: `person-${n}`, fields: ["bio"] },
});

/** Writes events the way use cases do (in a transaction, through recordEvent) and returns their ids, oldest first. */
async function record(core: TestCore, events: readonly DomainEvent[]): Promise<string[]> {
  const ids: string[] = [];
  const deps = { clock: core.clock, ids: { next: () => ids[ids.push(core.deps.ids.next()) - 1] ?? "" } };
  for (const event of events) {
    await core.database.db.$transaction((tx) => recordEvent(tx, deps, event));
    core.clock.advance(1);
  }
  return ids;
}

const recordMany = (core: TestCore, count: number) =>
  record(
    core,
    Array.from({ length: count }, (_, n) => profileUpdated(n)),
  );

async function eventRow(core: TestCore, id: string) {
  return core.database.db.$transaction((tx) =>
    tx.outboxEvent.findUniqueOrThrow({
      where: { id },
      select: { status: true, attempts: true, lastError: true, availableAt: true, deliveredAt: true },
    }),
  );
}

/** The same database opened again, as by a new process after a restart. */
const restarted = (core: TestCore): Promise<CoreInternals> =>
  createCore(loadConfig({ DATABASE_URL: core.database.url }, {}), { clock: core.clock, prepare: false });

const failing = (message: string) => () => Promise.reject(new Error(message));
const hour = 3_600_000;
/** How long a dead process's claims keep its events from the others, in the tests where one dies. */
const deadClaimMs = 2 * hour;
const never = () => new Promise<void>(() => undefined);
const sorted = (ids: readonly string[]) => [...ids].sort();

for (const provider of testProviders()) {
  describe(`the outbox dispatcher on ${provider}`, () => {
    let core: TestCore;
    const dispatcher = (options: OutboxDispatcherOptions, on: CoreInternals = core) =>
      createOutboxDispatcher({ database: on.database, clock: core.clock }, options);

    beforeAll(async () => {
      core = await createTestCore(provider);
    });
    afterAll(() => core.close());
    // Every test starts from an empty outbox, so no dispatcher sees another test's events.
    afterEach(() => core.database.db.$transaction((tx) => tx.outboxEvent.deleteMany({ where: { id: { not: "" } } })));

    describe("delivering", () => {
      it("hands every event to each handler that subscribed to its type, oldest first", async () => {
        const search = recorder("search-index");
        const notify = recorder("notify");
        const skills: string[] = [];
        const skillWatcher: OutboxHandler<"skill.added"> = {
          name: "skills",
          types: ["skill.added"],
          handle: (event) => {
            skills.push(event.payload.skillId);
            return Promise.resolve();
          },
        };
        const ids = await record(core, [
          profileUpdated(1),
          {
            type: "skill.added",
            aggregateId: "p",
            payload: { userId: "p", skillId: "guitar", direction: "teach", level: 3 },
          },
          profileUpdated(2),
        ]);
        const report = await dispatcher({ handlers: [search, notify, skillWatcher] }).runOnce();
        expect(report).toEqual({ fetched: 3, delivered: 3, retrying: 0, dead: 0 });
        expect(search.received).toEqual([ids[0], ids[2]]);
        expect(notify.received).toEqual([ids[0], ids[2]]);
        expect(skills).toEqual(["guitar"]);
        for (const id of ids)
          expect(await eventRow(core, id)).toMatchObject({
            status: "delivered",
            attempts: 0,
            deliveredAt: expect.any(Date),
          });
      });

      it("never hands an event to the same handler twice", async () => {
        const search = recorder("search-index");
        const ids = await recordMany(core, 2);
        const outbox = dispatcher({ handlers: [search] });
        await outbox.runOnce();
        expect(await outbox.runOnce()).toEqual({ fetched: 0, delivered: 0, retrying: 0, dead: 0 });
        expect(search.received).toEqual(ids);
      });

      it("settles an event nobody subscribes to without delay", async () => {
        const [id = ""] = await record(core, [
          { type: "availability.updated", aggregateId: "p", payload: { userId: "p" } },
        ]);
        await dispatcher({ handlers: [recorder("search-index")] }).runOnce();
        expect((await eventRow(core, id)).status).toBe("delivered");
      });

      it("takes one batch at a time", async () => {
        const search = recorder("search-index");
        const ids = await recordMany(core, 5);
        const outbox = dispatcher({ handlers: [search], batchSize: 2 });
        expect((await outbox.runOnce()).fetched).toBe(2);
        expect(search.received).toEqual(ids.slice(0, 2));
        await outbox.runOnce();
        await outbox.runOnce();
        expect(search.received).toEqual(ids);
      });

      it("refuses two handlers under one name, since deliveries are recorded by name", () => {
        expect(() => dispatcher({ handlers: [recorder("notify"), recorder("notify")] })).toThrow(/already registered/);
      });
    });

    describe("when a handler fails", () => {
      it("retries it with doubling waits, without calling again the handlers that succeeded", async () => {
        const search = recorder("search-index");
        const relay = recorder("relay", failing("Discord answered 503\n    at send (/srv/relay.js:1:1)"));
        let relayCalls = 0;
        const countingRelay: Recorder = { ...relay, handle: (event) => (relayCalls++, relay.handle(event)) };
        const [id = ""] = await recordMany(core, 1);
        const outbox = dispatcher({ handlers: [search, countingRelay], maxAttempts: 4, baseDelayMs: 1_000 });

        expect(await outbox.runOnce()).toMatchObject({ retrying: 1 });
        const failedAt = core.clock.now().getTime();
        expect(await eventRow(core, id)).toMatchObject({
          status: "pending",
          attempts: 1,
          lastError: "relay: Discord answered 503",
          availableAt: new Date(failedAt + 1_000),
        });

        core.clock.advance(999);
        expect((await outbox.runOnce()).fetched).toBe(0);
        core.clock.advance(1);
        expect(await outbox.runOnce()).toMatchObject({ retrying: 1 });
        expect(await eventRow(core, id)).toMatchObject({ attempts: 2, availableAt: new Date(failedAt + 3_000) });
        expect(search.received).toEqual([id]);
        expect(relayCalls).toBe(2);
      });

      it("gives the event up as dead after the maximum number of attempts", async () => {
        const search = recorder("search-index");
        let relayCalls = 0;
        const relay = recorder("relay", () => (relayCalls++, Promise.reject(new TypeError("fetch failed"))));
        const [id = ""] = await recordMany(core, 1);
        const outbox = dispatcher({ handlers: [search, relay], maxAttempts: 3, baseDelayMs: 1_000 });
        const outcomes: string[] = [];
        for (let i = 0; i < 5; i++) {
          const report = await outbox.runOnce();
          outcomes.push(report.dead > 0 ? "dead" : report.retrying > 0 ? "retrying" : "nothing due");
          core.clock.advance(60_000);
        }
        expect(outcomes).toEqual(["retrying", "retrying", "dead", "nothing due", "nothing due"]);
        expect(await eventRow(core, id)).toMatchObject({
          status: "dead",
          attempts: 3,
          lastError: "relay: TypeError: fetch failed",
          deliveredAt: null,
        });
        expect(relayCalls).toBe(3);
        expect(search.received).toEqual([id]);
      });

      it("delivers the event once the handler recovers", async () => {
        let outages = 2;
        const relay = recorder("relay", () => (outages-- > 0 ? Promise.reject(new Error("down")) : Promise.resolve()));
        const [id = ""] = await recordMany(core, 1);
        const outbox = dispatcher({ handlers: [relay] });
        for (let i = 0; i < 3; i++) {
          await outbox.runOnce();
          core.clock.advance(10_000);
        }
        expect(relay.received).toEqual([id]);
        expect(await eventRow(core, id)).toMatchObject({ status: "delivered", attempts: 2 });
      });

      it("does not hold back younger events while one waits for its retry", async () => {
        let first = true;
        const relay = recorder("relay", () =>
          first ? ((first = false), Promise.reject(new Error("down"))) : Promise.resolve(),
        );
        const ids = await recordMany(core, 3);
        const outbox = dispatcher({ handlers: [relay] });
        await outbox.runOnce();
        expect(relay.received).toEqual(ids.slice(1));
        core.clock.advance(1_000);
        await outbox.runOnce();
        expect(relay.received).toEqual([...ids.slice(1), ids[0]]);
      });

      it("times out a handler that hangs and retries it", async () => {
        let hang = true;
        const relay = recorder("relay", () => (hang ? ((hang = false), never()) : Promise.resolve()));
        const [id = ""] = await recordMany(core, 1);
        const outbox = dispatcher({ handlers: [relay], handlerTimeoutMs: 50 });
        await outbox.runOnce();
        expect((await eventRow(core, id)).lastError).toBe("relay: HandlerTimeout: relay took longer than 50 ms");
        core.clock.advance(1_000);
        await outbox.runOnce();
        expect(relay.received).toEqual([id]);
      });

      it("retries an event whose payload cannot be read, and says why", async () => {
        await core.database.db.$transaction((tx) =>
          tx.outboxEvent.create({
            data: {
              id: "broken",
              type: "profile.updated",
              aggregateId: "p",
              payload: "{",
              createdAt: core.clock.now(),
              availableAt: core.clock.now(),
            },
          }),
        );
        await dispatcher({ handlers: [recorder("search-index")] }).runOnce();
        expect(await eventRow(core, "broken")).toMatchObject({
          status: "pending",
          lastError: expect.stringMatching(/^payload: SyntaxError/),
        });
      });
    });

    describe("across restarts", () => {
      it("remembers which handlers already have an event", async () => {
        const [id = ""] = await recordMany(core, 1);
        const before = { search: recorder("search-index"), relay: recorder("relay", failing("down")) };
        await dispatcher({ handlers: [before.search, before.relay] }).runOnce();

        const again = await restarted(core);
        try {
          const after = { search: recorder("search-index"), relay: recorder("relay") };
          core.clock.advance(1_000);
          await dispatcher({ handlers: [after.search, after.relay] }, again).runOnce();
          expect(before.search.received).toEqual([id]);
          expect(after.search.received).toEqual([]);
          expect(after.relay.received).toEqual([id]);
          expect((await eventRow(core, id)).status).toBe("delivered");
        } finally {
          await again.close();
        }
      });

      it("after a crash at any point of a batch, delivers every event to every handler, none twice", async () => {
        const names = ["search-index", "notify", "relay"];
        const events = 4;
        const again = await restarted(core);
        try {
          for (let crashAt = 1; crashAt <= names.length * events; crashAt++) {
            const ids = await recordMany(core, events);
            // What each handler's outside system received, across both lives of the dispatcher.
            const received = new Map(names.map((name) => [name, [] as string[]]));
            const log = (name: string) => (eventId: string) => void received.get(name)?.push(eventId);

            // The first process dies when it starts its crashAt-th handler call: that call and everything after it never happen.
            let calls = 0;
            let crash: () => void = () => undefined;
            const crashed = new Promise<void>((resolve) => (crash = resolve));
            const dying = names.map((name) =>
              recorder(name, () => {
                if (++calls < crashAt) return Promise.resolve();
                crash();
                return never();
              }),
            );
            const first = dispatcher({ handlers: dying, handlerTimeoutMs: hour, leaseMs: deadClaimMs });
            await Promise.race([first.runOnce(), crashed]);
            dying.forEach((handler, i) => handler.received.forEach(log(names[i] ?? "")));
            // The dead process's batch is still claimed by it until its lease lapses.
            core.clock.advance(deadClaimMs + 1);

            const survivors = names.map((name) => recorder(name));
            const second = dispatcher({ handlers: survivors }, again);
            while ((await second.runOnce()).fetched > 0);
            survivors.forEach((handler, i) => handler.received.forEach(log(names[i] ?? "")));

            for (const name of names)
              expect(sorted(received.get(name) ?? []), `${name}, crash at call ${crashAt}`).toEqual(sorted(ids));
            for (const id of ids) expect((await eventRow(core, id)).status).toBe("delivered");
          }
        } finally {
          await again.close();
        }
      });

      it("hands an event again to a handler that crashed after acting but before it was recorded: handlers key on the event id", async () => {
        const [id = ""] = await recordMany(core, 1);
        const sent: string[] = [];
        const notifications = new Set<string>();
        const notify = (onSent: () => Promise<void>): OutboxHandler<"profile.updated"> => ({
          name: "notify",
          types: ["profile.updated"],
          handle: async (event) => {
            sent.push(event.id);
            notifications.add(event.id);
            await onSent();
          },
        });
        void dispatcher({ handlers: [notify(never)], handlerTimeoutMs: hour, leaseMs: deadClaimMs }).runOnce();
        await expect.poll(() => sent.length).toBe(1);
        core.clock.advance(deadClaimMs + 1);

        const again = await restarted(core);
        try {
          await dispatcher({ handlers: [notify(() => Promise.resolve())] }, again).runOnce();
        } finally {
          await again.close();
        }
        expect(sent).toEqual([id, id]);
        expect([...notifications]).toEqual([id]);
      });
    });

    describe("running in the background", () => {
      it("delivers events written after it started, without being asked", async () => {
        const search = recorder("search-index");
        const outbox = dispatcher({ handlers: [search], pollIntervalMs: 10 });
        outbox.start();
        try {
          const ids = await recordMany(core, 1);
          await expect.poll(() => search.received).toEqual(ids);
        } finally {
          await outbox.stop();
        }
      });

      it("stops after the event in hand and leaves the rest of the batch for the next run", async () => {
        const ids = await recordMany(core, 4);
        // Asked to stop by the first handler call, as a shutdown signal would arrive in the middle of a batch.
        const stopping: { done?: Promise<void> } = {};
        const search = recorder("search-index", () => {
          stopping.done ??= outbox.stop();
          return Promise.resolve();
        });
        const outbox = dispatcher({ handlers: [search], batchSize: 10 });
        outbox.start();
        await expect.poll(() => stopping.done !== undefined).toBe(true);
        await stopping.done;
        expect(search.received).toEqual(ids.slice(0, 1));
        expect((await eventRow(core, ids[0] ?? "")).status).toBe("delivered");
        expect((await eventRow(core, ids[1] ?? "")).status).toBe("pending");

        await outbox.runOnce();
        expect(search.received).toEqual(ids);
      });
    });
  });
}
