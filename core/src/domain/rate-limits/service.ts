import { rateLimited } from "../../errors.js";
import type { Counters } from "../../ports/counters.js";
import { hashToken } from "../shared/tokens.js";

/** At most `max` attempts per `windowMs`. */
export interface RateLimit {
  readonly max: number;
  readonly windowMs: number;
}

/**
 * Counts attempts at something worth guessing (a password, an email's existence) per subject — an IP, an
 * email — and refuses past a limit until the window closes. Subjects are hashed before they become keys: the
 * counters (Redis included) hold no address or email in clear.
 */
export function createRateLimitsService(counters: Counters) {
  return {
    /** Counts one attempt at `action` by `subject`; throws RATE_LIMIT.EXCEEDED, with the wait, past the limit. */
    async consume(action: string, subject: string, limit: RateLimit): Promise<void> {
      const { count, resetInMs } = await counters.increment(`${action}:${hashToken(subject)}`, limit.windowMs);
      if (count <= limit.max) return;
      throw rateLimited("RATE_LIMIT.EXCEEDED", "rate_limit.exceeded", {
        retryAfterSeconds: Math.max(1, Math.ceil(resetInMs / 1000)),
        minutes: Math.max(1, Math.ceil(resetInMs / 60_000)),
      });
    },
  };
}

export type RateLimitsService = ReturnType<typeof createRateLimitsService>;
