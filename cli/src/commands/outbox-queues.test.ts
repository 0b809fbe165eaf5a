import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createCore, loadConfig, queuePrefixOf, startBullmqOutbox } from "@skillswap/core";
import { testRedisUrl } from "@skillswap/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const bin = fileURLToPath(new URL("../../bin/skillswap.js", import.meta.url));
const redisBase = testRedisUrl();
// The CLI works on the queue prefix of its database, under SkillSwap's own; this suite also gets a Redis
// database of its own, and removes only SkillSwap's queue keys from it.
const redisUrl = redisBase === undefined ? "" : `${redisBase.replace(/\/\d*$/, "")}/9`;
const queueKeys = "skillswap:bull:*";

/** Through redis-cli, which comes with the Redis the tests run on: the CLI package depends on no Redis client. */
async function dropQueues(): Promise<void> {
  const { stdout } = await run("redis-cli", ["-u", redisUrl, "--scan", "--pattern", queueKeys]);
  const keys = stdout.split("\n").filter((key) => key !== "");
  if (keys.length > 0) await run("redis-cli", ["-u", redisUrl, "DEL", ...keys]);
}

describe.skipIf(redisBase === undefined)("the outbox's job queue, for an operator", () => {
  const dir = mkdtempSync(join(tmpdir(), "skillswap-cli-queues-"));
  const env = {
    ...process.env,
    DATABASE_URL: `file:${join(dir, "cli.db")}`,
    SKILLSWAP_CONFIG: join(dir, "none.json"),
    REDIS_URL: redisUrl,
  };

  async function skillswap(...args: string[]): Promise<{ stdout: string; code: number }> {
    try {
      const { stdout } = await run(process.execPath, [bin, ...args], { env, cwd: dir, timeout: 120_000 });
      return { stdout, code: 0 };
    } catch (error) {
      const failure = error as { stdout: string; code: number };
      return { stdout: failure.stdout, code: failure.code };
    }
  }

  beforeAll(async () => {
    await dropQueues();
    // A delivery that failed on its only attempt: the event dead in the outbox, its job in the failed set.
    const core = await createCore(loadConfig({ DATABASE_URL: env.DATABASE_URL }, {}));
    try {
      await core.database.db.$transaction((tx) =>
        tx.outboxEvent.create({
          data: { id: "evt-dead-letter", type: "profile.updated", aggregateId: "someone", payload: "{}" },
        }),
      );
      const outbox = await startBullmqOutbox({
        redisUrl,
        db: core.database.db,
        clock: core.deps.clock,
        prefix: queuePrefixOf(env.DATABASE_URL),
        maxAttempts: 1,
        handlers: [
          { name: "email", types: ["profile.updated"], handle: () => Promise.reject(new Error("SMTP said 451")) },
        ],
      });
      try {
        await outbox.relayOnce();
        for (let i = 0; i < 400 && (await outbox.counts()).outbox.failed === 0; i++)
          await new Promise((resolve) => setTimeout(resolve, 25));
      } finally {
        await outbox.stop();
      }
    } finally {
      await core.close();
    }
  }, 120_000);

  afterAll(async () => {
    await dropQueues();
    rmSync(dir, { recursive: true, force: true });
  });

  it("lists dead letters with their handler and reason beside the dead event", async () => {
    const { stdout, code } = await skillswap("outbox", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      dead: 1,
      deadEvents: [{ id: "evt-dead-letter", lastError: "email: SMTP said 451" }],
      queue: {
        outbox: { failed: 1 },
        deadLetters: [{ eventId: "evt-dead-letter", handler: "email", attempts: 1, reason: "SMTP said 451" }],
      },
    });
    const human = await skillswap("outbox");
    expect(human.stdout).toMatch(/1 dead letter/);
    expect(human.stdout).toMatch(/evt-dead-letter\s+email\s+1\s+SMTP said 451/);
  }, 60_000);

  it("warns about dead letters in its health check", async () => {
    const { stdout } = await skillswap("doctor", "--json");
    const report = JSON.parse(stdout) as { checks: Array<{ name: string; status: string; detail: string }> };
    expect(report.checks).toContainEqual(
      expect.objectContaining({ name: "job queue", status: "warn", detail: expect.stringMatching(/^1 dead letter/) }),
    );
  }, 60_000);

  it("sends the dead event and its job back for delivery", async () => {
    const { stdout, code } = await skillswap("outbox", "--retry", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      retried: 1,
      dead: 0,
      queue: { requeued: 1, outbox: { waiting: 1, failed: 0 }, deadLetters: [] },
    });
  }, 60_000);
});
