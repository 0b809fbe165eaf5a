import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCore, newPerson, type TestCore } from "./testing/index.js";
import { startWorker, type Worker } from "./worker.js";

describe("the worker", () => {
  let core: TestCore;
  let worker: Worker;
  beforeAll(async () => {
    core = await createTestCore("sqlite");
    worker = startWorker(core, { pollIntervalMs: 20, jobEveryMs: 60_000 });
  });
  afterAll(async () => {
    await worker.stop();
    await core.close();
  });

  it("lets unanswered requests lapse after 14 days and settles the outbox", async () => {
    const [ana, bea] = await Promise.all([newPerson(core, "ana"), newPerson(core, "bea")]);
    await core.services.profiles.update(bea, { visibility: "public" });
    await core.services.skills.add(bea, { skill: "Spanish", direction: "teach", level: 4 });
    const asked = await core.services.swaps.request(ana, { to: bea.handle, want: "Spanish" });
    core.clock.advance(14 * 24 * 60 * 60 * 1000);
    expect(await worker.runJobsOnce()).toEqual({
      expiredRequests: 1,
      completedSessions: 0,
      remindedSessions: 0,
      prunedInboundEvents: 0,
    });
    expect((await core.services.swaps.get(ana, asked.id)).status).toBe("expired");
    // Events nobody subscribes to yet are settled by the dispatcher running in the background.
    for (let i = 0; i < 100; i++) {
      if ((await core.database.db.outboxEvent.count({ where: { status: "pending" } })) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await core.database.db.outboxEvent.count({ where: { status: "pending" } })).toBe(0);
  });

  it("forgets platform event ids a day after they were received", async () => {
    await core.services.inbox.claim("discord", "interaction-seen-yesterday");
    core.clock.advance(24 * 60 * 60 * 1000 + 1);
    await core.services.inbox.claim("discord", "interaction-seen-now");
    expect((await worker.runJobsOnce()).prunedInboundEvents).toBe(1);
    expect(await core.services.inbox.claim("discord", "interaction-seen-now")).toBe(false);
  });
});
