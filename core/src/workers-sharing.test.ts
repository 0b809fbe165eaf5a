import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { CoreInternals } from "./app.js";
import { createTestCore, newPerson, secondProcessOn, testProviders, type TestCore } from "./testing/index.js";
import { startWorker, type Worker } from "./worker.js";

const day = 24 * 60 * 60 * 1000;
/** Long enough that a request lapses (14 days) within one period of the jobs. */
const jobEveryMs = 20 * day;

for (const provider of testProviders()) {
  describe(`several workers on one ${provider} database`, () => {
    let core: TestCore;
    /** A second process's core (on SQLite the same connection: see domain/job-leases/job-leases.test.ts). */
    let other: CoreInternals;
    const workers: Worker[] = [];
    const worker = (on: CoreInternals, workerId: string) => {
      const started = startWorker(on, { workerId, jobEveryMs, pollIntervalMs: 20 });
      workers.push(started);
      return started;
    };

    beforeAll(async () => {
      core = await createTestCore(provider);
      other = await secondProcessOn(core);
    });
    afterEach(async () => {
      await Promise.all(workers.splice(0).map((w) => w.stop()));
    });
    afterAll(async () => {
      if (other !== core) await other.close();
      await core.close();
    });

    /** A request nobody answers, and the way to see whether it lapsed. */
    async function unansweredRequest() {
      const [ana, bea] = await Promise.all([newPerson(core, "ana"), newPerson(core, "bea")]);
      await core.services.profiles.update(bea, { visibility: "public" });
      await core.services.skills.add(bea, { skill: "Spanish", direction: "teach", level: 4 });
      const asked = await core.services.swaps.request(ana, { to: bea.handle, want: "Spanish" });
      return async () => (await core.services.swaps.get(ana, asked.id)).status;
    }

    it("runs each scheduled job in one worker per period, the one whose turn it is", async () => {
      const first = worker(core, "first");
      await first.runJobsOnce();
      const second = worker(other, "second");
      const status = await unansweredRequest();
      core.clock.advance(14 * day);

      expect((await second.runJobsOnce()).expiredRequests).toBe(0);
      expect(await status()).toBe("pending");
      expect((await first.runJobsOnce()).expiredRequests).toBe(1);
      expect(await status()).toBe("expired");
    });

    it("hands the jobs of a worker that died to another once its leases lapse", async () => {
      const dying = worker(core, "dying");
      await dying.runJobsOnce();
      const survivor = worker(other, "survivor");
      const status = await unansweredRequest();
      core.clock.advance(14 * day);
      expect((await survivor.runJobsOnce()).expiredRequests).toBe(0);

      core.clock.advance(jobEveryMs - 14 * day + 1);
      expect((await survivor.runJobsOnce()).expiredRequests).toBe(1);
      expect(await status()).toBe("expired");
    });

    it("lets another worker run the jobs at once when one stops", async () => {
      const leaving = worker(core, "leaving");
      await leaving.runJobsOnce();
      const staying = worker(other, "staying");
      const status = await unansweredRequest();
      core.clock.advance(14 * day);
      await leaving.stop();

      expect((await staying.runJobsOnce()).expiredRequests).toBe(1);
      expect(await status()).toBe("expired");
    });
  });
}
