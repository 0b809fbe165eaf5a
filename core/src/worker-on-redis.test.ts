import { afterEach, describe, expect, it, vi } from "vitest";
import type { OutboxHandler } from "./domain/outbox/dispatcher.js";
import { createTestCore, newPerson, testRedisUrl, type TestCore } from "./testing/index.js";
import { startWorker, type Worker } from "./worker.js";

const redisUrl = testRedisUrl();

describe.skipIf(redisUrl === undefined)("the worker with REDIS_URL (BullMQ)", () => {
  let core: TestCore | undefined;
  const workers: Worker[] = [];
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await core?.close();
  });

  it("delivers each event once per handler through the queue, however many workers share it", async () => {
    core = await createTestCore("sqlite", {}, { REDIS_URL: redisUrl ?? "" });
    const seen: string[] = [];
    const recorder: OutboxHandler<"profile.updated"> = {
      name: "recorder",
      types: ["profile.updated"],
      handle: (event) => Promise.resolve(void seen.push(event.id)),
    };
    workers.push(startWorker(core, { handlers: [recorder] }), startWorker(core, { handlers: [recorder] }));
    const people = await Promise.all(["ana", "bea", "cleo"].map((name) => newPerson(core as TestCore, name)));
    for (const person of people) await core.services.profiles.update(person, { bio: `Hello from ${person.handle}` });
    const events = await core.database.db.outboxEvent.findMany({ where: { type: "profile.updated" } });

    await vi.waitFor(() => expect(seen).toHaveLength(events.length), { timeout: 20_000, interval: 100 });
    expect([...seen].sort()).toEqual(events.map((e) => e.id).sort());
    await vi.waitFor(
      async () => expect(await core?.database.db.outboxDelivery.count({ where: { handler: "recorder" } })).toBe(3),
      { timeout: 10_000 },
    );
  });
});
