import type { Clock } from "../../ports/clock.js";
import type { Counters } from "../../ports/counters.js";

// Past this many keys, windows already closed are swept on the next hit: a flood of one-off IPs cannot grow
// the map without bound.
const sweepAbove = 10_000;

/** Fixed windows in this process's memory, by the core's clock: the embedded default (one web process). */
export function memoryCounters(clock: Clock): Counters {
  const windows = new Map<string, { count: number; endsAt: number }>();
  return {
    increment(key, windowMs) {
      const now = clock.now().getTime();
      if (windows.size > sweepAbove) {
        for (const [name, window] of windows) if (window.endsAt <= now) windows.delete(name);
      }
      let window = windows.get(key);
      if (window === undefined || window.endsAt <= now) {
        window = { count: 0, endsAt: now + windowMs };
        windows.set(key, window);
      }
      window.count += 1;
      return Promise.resolve({ count: window.count, resetInMs: window.endsAt - now });
    },
  };
}
