import type { Redis } from "ioredis";
import type { Counters } from "../../ports/counters.js";
import { KEY_PREFIX } from "./redis-connection.js";

/** Fixed windows in Redis: the first hit creates the key with the window as its lifetime (NX keeps it). */
export function redisCounters(redis: Redis): Counters {
  return {
    async increment(key, windowMs) {
      const name = `${KEY_PREFIX}count:${key}`;
      const results = await redis.multi().incr(name).pexpire(name, windowMs, "NX").pttl(name).exec();
      const count = Number(results?.[0]?.[1] ?? 0);
      const ttl = Number(results?.[2]?.[1] ?? -1);
      return { count, resetInMs: ttl > 0 ? ttl : windowMs };
    },
  };
}
