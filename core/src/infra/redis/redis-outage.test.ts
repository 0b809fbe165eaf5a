import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { testRedisUrl } from "../../config.js";
import { memoryCounters } from "../memory-counters/memory-counters.js";
import { systemClock } from "../../ports/clock.js";
import { countersWithFallback } from "./counters-with-fallback.js";
import { redisCache } from "./redis-cache.js";
import { redisCounters } from "./redis-counters.js";
import { closedPort, RedisRelay } from "../../testing/redis-relay.js";

const profile = z.object({ bio: z.string() });
const read = (key: string, tags: string[] = []) => ({ key, tags, ttlMs: 60_000, schema: profile });

describe("when Redis is down", () => {
  it("the cache answers every read from the source, fails nothing, and says so once", async () => {
    const lines: string[] = [];
    const cache = redisCache(`redis://127.0.0.1:${await closedPort()}`, {
      namespace: "down",
      log: (line) => lines.push(line),
    });
    try {
      let bio = "from the database";
      const load = () => Promise.resolve({ bio });
      expect(await cache.remember(read("ana", ["person:ana"]), load)).toEqual({ bio: "from the database" });
      bio = "changed";
      expect(await cache.remember(read("ana", ["person:ana"]), load)).toEqual({ bio: "changed" });
      await cache.set("ana", { bio }, { ttlMs: 1_000 });
      expect(await cache.get("ana", profile)).toBeUndefined();
      await cache.delete("ana");
      await cache.invalidateTags(["person:ana"]);
      await cache.invalidateAll();
      // Reconnection attempts keep failing meanwhile; the log still holds one line.
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(await cache.remember(read("ana"), load)).toEqual({ bio: "changed" });
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^cache: Redis is not answering/);
    } finally {
      await cache.close();
    }
  });

  it("attempt counters keep counting in the process", async () => {
    const redis = new Redis(`redis://127.0.0.1:${await closedPort()}`, { maxRetriesPerRequest: 1 });
    redis.on("error", () => undefined);
    const lines: string[] = [];
    const counters = countersWithFallback(redis, redisCounters(redis), memoryCounters(systemClock), (line) =>
      lines.push(line),
    );
    try {
      const counts = [];
      for (let attempt = 0; attempt < 3; attempt += 1) counts.push((await counters.increment("ip:1", 60_000)).count);
      expect(counts).toEqual([1, 2, 3]);
      expect(lines).toHaveLength(1);
    } finally {
      redis.disconnect();
    }
  });
});

const redisUrl = testRedisUrl();
describe.skipIf(redisUrl === undefined)("when Redis comes back after an outage", () => {
  const relay = new RedisRelay(new URL(redisUrl ?? "redis://127.0.0.1:6379"));
  afterAll(() => relay.cut());

  it("drops what it kept before, since invalidations sent meanwhile were lost", async () => {
    await relay.open();
    const lines: string[] = [];
    const cache = redisCache(`redis://127.0.0.1:${relay.port}`, {
      namespace: `test-${randomUUID()}`,
      log: (line) => lines.push(line),
    });
    try {
      let bio = "before";
      const load = () => Promise.resolve({ bio });
      await vi.waitFor(async () => {
        await cache.remember(read("ana", ["person:ana"]), load);
        expect(await cache.get("ana", profile, ["person:ana"])).toEqual({ bio: "before" });
      });

      await relay.cut();
      bio = "changed while Redis was unreachable";
      await cache.invalidateTags(["person:ana"]);
      expect(await cache.remember(read("ana", ["person:ana"]), load)).toEqual({ bio });

      await relay.open();
      await vi.waitFor(
        async () => {
          expect(await cache.get("ana", profile, ["person:ana"])).toBeUndefined();
          expect(lines.at(-1)).toBe("cache: Redis answers again.");
        },
        { timeout: 10_000, interval: 100 },
      );
      expect(await cache.remember(read("ana", ["person:ana"]), load)).toEqual({ bio });
    } finally {
      await cache.close();
    }
  });
});
