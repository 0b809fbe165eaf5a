import type { WebApiCall } from "./call-log.js";

/**
 * What a call answers instead of doing its work: Slack's rate limit (HTTP 429 with `Retry-After`, which
 * @slack/web-api waits out and retries), a server error (HTTP 5xx, which it retries by its retry policy), or a
 * platform refusal (`{ ok: false, error }` with HTTP 200, which it never retries).
 */
export type WebApiFault =
  | { readonly status: 429; readonly retryAfterSeconds: number }
  | { readonly status: 500 | 502 | 503 | 504 }
  | { readonly ok: false; readonly error: string };

export interface FaultAnswer {
  readonly status: number;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

interface QueuedFault {
  readonly method: string;
  readonly fault: WebApiFault;
}

/** Any method, for `failNext("*", …)`. */
export const anyMethod = "*";

/** Failures a test arranges in advance; each is taken by the next call to its method, once. */
export class WebApiFaults {
  private readonly queue: QueuedFault[] = [];

  add(method: string, fault: WebApiFault, count: number): void {
    for (let i = 0; i < count; i++) this.queue.push({ method, fault });
  }

  take(call: WebApiCall): FaultAnswer | undefined {
    const index = this.queue.findIndex((queued) => queued.method === anyMethod || queued.method === call.method);
    if (index < 0) return undefined;
    const [queued] = this.queue.splice(index, 1);
    return queued === undefined ? undefined : answerFor(queued.fault);
  }
}

const json = { "content-type": "application/json; charset=utf-8" };

function answerFor(fault: WebApiFault): FaultAnswer {
  if ("ok" in fault) return { status: 200, headers: json, body: JSON.stringify({ ok: false, error: fault.error }) };
  if (fault.status === 429) {
    return {
      status: 429,
      headers: { ...json, "retry-after": String(fault.retryAfterSeconds) },
      body: JSON.stringify({ ok: false, error: "ratelimited" }),
    };
  }
  // Slack's front end answers 5xx with a page, not the API's JSON: clients must not expect a body they can parse.
  return { status: fault.status, headers: { "content-type": "text/html" }, body: "<html>Server Error</html>" };
}
