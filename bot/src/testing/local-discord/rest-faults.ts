import { discordErrors } from "./discord-errors.js";
import { routePath, type RestAnswer, type RestCall } from "./rest-router.js";

/**
 * Which calls a fault applies to: a fragment of "METHOD /path" as in Discord's docs ("/threads",
 * "POST /channels/123/messages"), or a predicate over the recorded call.
 */
export type RouteMatcher = string | ((call: RestCall) => boolean);

interface QueuedFault {
  readonly matches: (call: RestCall) => boolean;
  readonly answer: () => RestAnswer;
}

export function matcherFor(match: RouteMatcher): (call: RestCall) => boolean {
  if (typeof match === "function") return match;
  return (call) => `${call.method} ${routePath(call)}`.includes(match) || call.path.includes(match);
}

const anyCall = (): boolean => true;

/**
 * Failures a test arranges in advance: one-shot answers (429, 5xx, 403) taken by the next matching call, and
 * standing refusals (a channel the bot may not post in, a person whose DMs are closed).
 */
export class RestFaults {
  private readonly queue: QueuedFault[] = [];
  private readonly forbidden = new Set<string>();
  private readonly closedDms = new Set<string>();

  rateLimit(retryAfterSeconds: number, count: number): void {
    for (let i = 0; i < count; i++)
      this.queue.push({ matches: anyCall, answer: () => tooManyRequests(retryAfterSeconds) });
  }

  fail(status: number, count: number, match: RouteMatcher | undefined): void {
    const matches = match === undefined ? anyCall : matcherFor(match);
    const answer = (): RestAnswer => ({ status, body: { message: `${status}: Server Error`, code: 0 } });
    for (let i = 0; i < count; i++) this.queue.push({ matches, answer });
  }

  deny(match: RouteMatcher): void {
    const error = discordErrors.missingPermissions();
    this.queue.push({ matches: matcherFor(match), answer: () => ({ status: error.status, body: error.body }) });
  }

  /** The answer arranged for this call, if any; each queued fault answers once. */
  take(call: RestCall): RestAnswer | undefined {
    const index = this.queue.findIndex((fault) => fault.matches(call));
    if (index < 0) return undefined;
    const [fault] = this.queue.splice(index, 1);
    return fault?.answer();
  }

  forbid(channelId: string): void {
    this.forbidden.add(channelId);
  }

  allow(channelId: string): void {
    this.forbidden.delete(channelId);
  }

  isForbidden(channelId: string): boolean {
    return this.forbidden.has(channelId);
  }

  closeDms(userId: string): void {
    this.closedDms.add(userId);
  }

  hasClosedDms(userId: string): boolean {
    return this.closedDms.has(userId);
  }
}

function tooManyRequests(retryAfter: number): RestAnswer {
  return {
    status: 429,
    headers: {
      "retry-after": String(retryAfter),
      "x-ratelimit-limit": "5",
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": String(Date.now() / 1000 + retryAfter),
      "x-ratelimit-reset-after": String(retryAfter),
      "x-ratelimit-bucket": "local-discord",
      "x-ratelimit-scope": "user",
    },
    body: { message: "You are being rate limited.", retry_after: retryAfter, global: false },
  };
}
