import { Redis } from "ioredis";

/** Every key SkillSwap writes starts with this, so a Redis shared with other applications stays readable. */
export const KEY_PREFIX = "skillswap:";

/**
 * One connection per process for what core keeps in Redis (web sessions, attempt counters). A command waits
 * for a reconnection at most once before failing: a request should fail fast rather than hang while Redis is down.
 */
export function openRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: 1, enableAutoPipelining: true });
}
