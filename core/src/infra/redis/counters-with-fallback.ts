import type { Redis } from "ioredis";
import type { Counters } from "../../ports/counters.js";
import { RedisOutage } from "./outage.js";

/**
 * Redis counters that keep counting in this process while Redis is down. A limit counted per process for a
 * while is looser than one shared by every process, but still a limit — and a sign-in must not fail because
 * the attempt counter's store did. Counts move back to Redis when it answers again.
 */
export function countersWithFallback(
  redis: Redis,
  shared: Counters,
  local: Counters,
  log: (line: string) => void,
): Counters {
  const outage = new RedisOutage("rate limits", log);
  // Without a listener ioredis prints every failed reconnection as an "Unhandled error event": the outage
  // logs it once instead.
  redis.on("error", (error: unknown) => outage.fault(error));
  return {
    async increment(key, windowMs) {
      // The shared connection queues commands until it reconnects; counting here spares a request that wait.
      // A first connection still under way is not an outage: its command waits for the handshake.
      if (redis.status === "reconnecting" || redis.status === "close" || redis.status === "end") {
        outage.fault(new Error(`connection ${redis.status}`));
        return local.increment(key, windowMs);
      }
      try {
        const counted = await shared.increment(key, windowMs);
        outage.recovered();
        return counted;
      } catch (error) {
        outage.fault(error);
        return local.increment(key, windowMs);
      }
    },
  };
}
