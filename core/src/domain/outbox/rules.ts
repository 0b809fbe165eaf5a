/** How the dispatcher retries an event whose handlers failed, and when it gives up. */
export interface RetryPolicy {
  /** Failed attempts after which the event is `dead` and waits for an operator. */
  readonly maxAttempts: number;
  /** Delay before the first retry; each later retry waits twice as long as the one before. */
  readonly baseDelayMs: number;
  /** No retry waits longer than this, however many attempts failed. */
  readonly maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 8, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000 };

/**
 * The wait after the `attempts`-th failure: base × 2^(attempts − 1), capped. Deliberately without jitter: one
 * in-process dispatcher has no herd to spread out, and tests can name the exact moment of the next try.
 */
export function retryDelayMs(attempts: number, policy: RetryPolicy): number {
  const exponent = Math.max(0, attempts - 1);
  // 2^exponent overflows to Infinity long before it matters; the cap keeps the result finite.
  return Math.min(policy.baseDelayMs * 2 ** exponent, policy.maxDelayMs);
}

export type AfterFailure = { readonly status: "pending"; readonly availableAt: Date } | { readonly status: "dead" };

/** What becomes of an event once its `attempts`-th delivery attempt has failed at `now`. */
export function afterFailure(attempts: number, now: Date, policy: RetryPolicy): AfterFailure {
  if (attempts >= policy.maxAttempts) return { status: "dead" };
  return { status: "pending", availableAt: new Date(now.getTime() + retryDelayMs(attempts, policy)) };
}

const maxErrorLength = 300;

/**
 * A failure as one short line for `OutboxEvent.lastError`: operators read it in `skillswap outbox`, so it
 * never holds a stack trace (which could leak paths and would bury the reason).
 */
export function shortError(error: unknown): string {
  const firstLine = (text: string) => (text.split("\n", 1)[0] ?? "").replace(/\s+/g, " ").trim();
  let text: string;
  if (error instanceof Error) {
    const named = error.name !== "" && error.name !== "Error";
    text = named ? `${error.name}: ${firstLine(error.message)}` : firstLine(error.message);
  } else {
    text = typeof error === "string" ? firstLine(error) : "a non-Error value was thrown";
  }
  if (text === "" || text.endsWith(": ")) text = `${text}failed without a message`;
  return text.length > maxErrorLength ? `${text.slice(0, maxErrorLength - 1)}…` : text;
}
