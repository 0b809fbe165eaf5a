// The scale-out bench, shorter, as a test: the same processes, load, SIGKILL and Redis restart, the same checks.
// No timing is asserted. It waits for BullMQ's stalled-job recovery (a killed worker's jobs come back after its
// 30-second lock lapses and the survivor's next 30-second check), so it takes longer than most tests.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { runScenario } from "./scale-scenario.js";

const databaseUrl = process.env.TEST_DATABASE_URL === "" ? undefined : process.env.TEST_DATABASE_URL;
const redisServer = spawnSync("redis-server", ["--version"]).status === 0;
const skipReason =
  databaseUrl === undefined
    ? "TEST_DATABASE_URL is not set: the scale-out run needs PostgreSQL"
    : !redisServer
      ? "no redis-server binary: the run restarts a private Redis of its own"
      : undefined;

describe.skipIf(skipReason !== undefined)(
  `SkillSwap scaled out to 2 web and 2 worker processes${skipReason === undefined ? "" : ` (skipped: ${skipReason})`}`,
  () => {
    it("delivers every acknowledged write's notification exactly once through a worker kill and a Redis restart", async () => {
      const result = await runScenario({
        mode: "scale-out",
        seconds: 12,
        people: 6,
        drainSeconds: 120,
        adminUrl: databaseUrl ?? "",
        database: `skillswap_scale_test_${process.pid}`,
      });
      expect(result.chaos.workerKilledAtS).toBeDefined();
      expect(result.chaos.redisDownForMs).toBeDefined();
      expect(result.drainedAfterS).not.toBeNull();
      const check = result.exactlyOnce;
      expect(check.acknowledged).toBeGreaterThan(0);
      expect(check).toMatchObject({
        events: { pending: 0, dead: 0 },
        missingEvents: 0,
        doubledEvents: 0,
        undelivered: 0,
        missingNotifications: 0,
        extraNotifications: 0,
      });
      // Only the Redis restart may cost answers: none fails outside its window, and nobody is refused.
      expect(result.failures.otherwise).toBe(0);
      expect(result.failures.clientErrors).toBe(0);
    }, 240_000);
  },
);
