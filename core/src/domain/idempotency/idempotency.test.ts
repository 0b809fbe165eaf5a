import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCore, newPerson, rejectedFields, testProviders, type TestCore } from "../../testing/index.js";
import { startWorker } from "../../worker.js";
import type { Actor } from "../shared/actor.js";
import { IN_FLIGHT_LEASE_MS } from "./rules.js";
import { IDEMPOTENCY_RETENTION_MS, type IdempotentStart } from "./service.js";

const operation = "POST /api/v1/groups";
const created = { status: 201, response: '{"id":"g1"}' };

for (const provider of testProviders()) {
  describe(`idempotency keys on ${provider}`, () => {
    let core: TestCore;
    let ana: Actor;
    let bea: Actor;
    let counter = 0;

    beforeAll(async () => {
      core = await createTestCore(provider);
      [ana, bea] = await Promise.all([newPerson(core, "ana"), newPerson(core, "bea")]);
    });
    afterAll(() => core.close());

    const keys = () => core.services.idempotency;
    const freshKey = () => `key-${++counter}`;
    const start = (actor: Actor, key: string, request: unknown = { body: { name: "Night owls" } }) =>
      keys().start(actor, { operation, key, request });
    /** Starts a request that must be the first with its key, and returns its claim. */
    async function first(actor: Actor, key: string, request?: unknown) {
      const started = await start(actor, key, request);
      if (started.outcome !== "first") throw new Error(`expected a first attempt, got ${started.outcome}`);
      return started.claim;
    }

    it("runs the first request, then hands its answer to a retry", async () => {
      const key = freshKey();
      await keys().finish(ana, await first(ana, key), created);
      expect(await start(ana, key)).toEqual<IdempotentStart>({ outcome: "replay", ...created });
    });

    it("tells a retry to wait while the first is running, and refuses another request under the key", async () => {
      const key = freshKey();
      await first(ana, key);
      expect(await start(ana, key)).toEqual({ outcome: "in_flight" });
      expect(await start(ana, key, { body: { name: "Early birds" } })).toEqual({ outcome: "key_reused" });
    });

    it("lets exactly one of many concurrent requests with one key run", async () => {
      const key = freshKey();
      const outcomes = await Promise.all(Array.from({ length: 8 }, () => start(ana, key)));
      expect(outcomes.filter((o) => o.outcome === "first")).toHaveLength(1);
      expect(outcomes.filter((o) => o.outcome === "in_flight")).toHaveLength(7);
    });

    it("keeps each person's keys and each operation's apart", async () => {
      const key = freshKey();
      await keys().finish(ana, await first(ana, key), created);
      expect((await start(bea, key)).outcome).toBe("first");
      const elsewhere = await keys().start(ana, { operation: "POST /api/v1/me/skills", key, request: {} });
      expect(elsewhere.outcome).toBe("first");
    });

    it("frees the key when the request was refused or failed, so it may be sent again", async () => {
      for (const status of [400, 404, 409, 500]) {
        const key = freshKey();
        await keys().finish(ana, await first(ana, key), { status, response: "{}" });
        expect((await start(ana, key, { body: { name: "Corrected" } })).outcome).toBe("first");
      }
    });

    it("lets a retry take over from a first request whose process stopped answering", async () => {
      const key = freshKey();
      const abandoned = await first(ana, key);
      core.clock.advance(IN_FLIGHT_LEASE_MS);
      const taken = await first(ana, key);
      // The first attempt answering at last changes nothing: the key is the retry's now.
      await keys().finish(ana, abandoned, { status: 201, response: '{"id":"late"}' });
      expect(await start(ana, key)).toEqual({ outcome: "in_flight" });
      await keys().finish(ana, taken, created);
      expect(await start(ana, key)).toEqual({ outcome: "replay", ...created });
    });

    it("forgets an answer a day after the key's first use", async () => {
      const key = freshKey();
      await keys().finish(ana, await first(ana, key), created);
      core.clock.advance(IDEMPOTENCY_RETENTION_MS - 1);
      expect((await start(ana, key)).outcome).toBe("replay");
      core.clock.advance(1);
      expect((await start(ana, key, { body: { name: "Anything" } })).outcome).toBe("first");
    });

    it("is pruned by the worker's scheduled jobs once a day old", async () => {
      const count = () => core.database.db.idempotencyRecord.count({ where: { userId: bea.userId } });
      await keys().finish(bea, await first(bea, freshKey()), created);
      core.clock.advance(IDEMPOTENCY_RETENTION_MS);
      await keys().finish(bea, await first(bea, freshKey()), created);
      const before = await count();
      const worker = startWorker(core, { jobEveryMs: 3_600_000 });
      try {
        await worker.runJobsOnce();
      } finally {
        await worker.stop();
      }
      expect(await count()).toBe(before - 1);
    });

    it("refuses an empty key and one longer than 255 characters", async () => {
      expect(await rejectedFields(() => start(ana, ""))).toEqual(["key"]);
      expect(await rejectedFields(() => start(ana, "k".repeat(256)))).toEqual(["key"]);
      expect((await start(ana, "k".repeat(255))).outcome).toBe("first");
    });

    it("goes with the account of the person who used it", async () => {
      const cleo = await newPerson(core, "cleo");
      await keys().finish(cleo, await first(cleo, freshKey()), created);
      await core.services.profiles.deleteAccount(cleo, cleo.handle);
      expect(await core.database.db.idempotencyRecord.count({ where: { userId: cleo.userId } })).toBe(0);
    });
  });
}
