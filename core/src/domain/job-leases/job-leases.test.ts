import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CoreInternals } from "../../app.js";
import { createTestCore, secondProcessOn, testProviders, type TestCore } from "../../testing/index.js";
import { createJobLeases } from "./job-leases.js";

const minute = 60_000;
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

for (const provider of testProviders()) {
  describe(`scheduled jobs shared by several workers on ${provider}`, () => {
    let core: TestCore;
    /**
     * The same database as a second process opens it, on a connection of its own. Not on SQLite: better-sqlite3
     * waits for a locked database synchronously, holding up the very thread that would commit and unlock it, so
     * two connections of one process can only deadlock; there the second worker shares the connection.
     */
    let other: CoreInternals;
    const leasesOf = (on: CoreInternals, holder: string) =>
      createJobLeases({ database: on.database, clock: core.clock }, holder);
    let job = 0;
    /** A job name of each test's own, so no test finds another's lease. */
    const newJob = () => `job-${++job}`;

    beforeAll(async () => {
      core = await createTestCore(provider);
      other = await secondProcessOn(core);
    });
    afterAll(async () => {
      if (other !== core) await other.close();
      await core.close();
    });

    it("runs a job once when two workers start it at the same moment", async () => {
      const name = newJob();
      let runs = 0;
      const slowJob = async () => {
        runs += 1;
        await pause(50);
        return 7;
      };
      const results = await Promise.all([
        leasesOf(core, "worker-a").runInTurn(name, minute, slowJob, 0),
        leasesOf(other, "worker-b").runInTurn(name, minute, slowJob, 0),
      ]);
      expect(runs).toBe(1);
      expect(sortedNumbers(results)).toEqual([0, 7]);
    });

    it("leaves the job to the worker whose turn it is for the rest of the period, however often others ask", async () => {
      const name = newJob();
      const ran: string[] = [];
      const a = leasesOf(core, "worker-a");
      const b = leasesOf(other, "worker-b");
      const run = (leases: typeof a) =>
        leases.runInTurn(name, minute, () => Promise.resolve(ran.push(leases.holder)), 0);
      await run(a);
      core.clock.advance(minute - 1);
      await run(b);
      await run(a);
      expect(ran).toEqual(["worker-a", "worker-a"]);
    });

    it("hands the job to another worker once the lease of one that died lapses", async () => {
      const name = newJob();
      const ran: string[] = [];
      const dead = leasesOf(core, "worker-that-died");
      const survivor = leasesOf(other, "survivor");
      await dead.runInTurn(name, minute, () => Promise.resolve(ran.push("worker-that-died")), 0);
      core.clock.advance(minute - 1);
      await survivor.runInTurn(name, minute, () => Promise.resolve(ran.push("survivor")), 0);
      core.clock.advance(2);
      await survivor.runInTurn(name, minute, () => Promise.resolve(ran.push("survivor")), 0);
      expect(ran).toEqual(["worker-that-died", "survivor"]);
    });

    it("lets another worker take the job at once when the run failed or its worker stopped", async () => {
      const failing = newJob();
      const stopped = newJob();
      const a = leasesOf(core, "worker-a");
      const b = leasesOf(other, "worker-b");
      await expect(a.runInTurn(failing, minute, () => Promise.reject(new Error("database away")), 0)).rejects.toThrow(
        "database away",
      );
      await a.runInTurn(stopped, minute, () => Promise.resolve(1), 0);
      await a.releaseAll();
      expect(await b.runInTurn(failing, minute, () => Promise.resolve(2), 0)).toBe(2);
      expect(await b.runInTurn(stopped, minute, () => Promise.resolve(3), 0)).toBe(3);
    });
  });
}

function sortedNumbers(values: readonly number[]): number[] {
  return [...values].sort((x, y) => x - y);
}
