import { createHash } from "node:crypto";
import { z } from "zod";

/** How long an answer is kept for retries: a day, as the IETF draft suggests and most payment APIs do. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * How long a first request may stay unanswered before its key is free again. An attempt that neither answered
 * nor failed within it is taken for dead (its process stopped), so a retry is let through rather than told
 * "in flight" for a day. Far beyond any create's time to answer, so a live attempt is never overtaken.
 */
export const IN_FLIGHT_LEASE_MS = 60 * 1000;

/** The draft leaves the length open; 255 is what clients generating UUIDs or ULIDs need many times over. */
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

// Opaque: kept exactly as sent (no trimming, no case folding), or a retry would not find its own key.
export const idempotencyKeyField = z.string().min(1).max(IDEMPOTENCY_KEY_MAX_LENGTH);

/** An answer as it is kept for retries: its HTTP status and its body as sent. */
export interface KeptAnswer {
  readonly status: number;
  readonly response: string;
}

/** What an earlier request with the same key, by the same person to the same operation, left behind. */
export interface EarlierAttempt {
  readonly fingerprint: string;
  readonly startedAt: Date;
  /** null while the first request is still being processed. */
  readonly answer: KeptAnswer | null;
}

export type Judgement =
  /** Answered: send its answer again. */
  | { readonly kind: "replay"; readonly answer: KeptAnswer }
  /** Still being processed: the retry must wait. */
  | { readonly kind: "in_flight" }
  /** The same key asked for something else: a client bug, refused. */
  | { readonly kind: "key_reused" }
  /** Expired, or abandoned by a process that stopped: as if the key had never been used. */
  | { readonly kind: "lapsed" };

/** How a new request with a key meets the earlier one (`fingerprint`: what the new one asks for). */
export function judgeEarlierAttempt(earlier: EarlierAttempt, fingerprint: string, now: Date): Judgement {
  const age = now.getTime() - earlier.startedAt.getTime();
  if (age >= IDEMPOTENCY_RETENTION_MS) return { kind: "lapsed" };
  if (earlier.fingerprint !== fingerprint) return { kind: "key_reused" };
  if (earlier.answer !== null) return { kind: "replay", answer: earlier.answer };
  return { kind: age >= IN_FLIGHT_LEASE_MS ? "lapsed" : "in_flight" };
}

/**
 * Whether an answer is kept for retries: only a success. A refusal (bad input, not found, a conflict, too many
 * requests) changed nothing, so running the request again is harmless and gives the current answer; the client
 * can fix what was refused and retry with the same key. A fault (5xx) is never kept either.
 */
export function keepsAnswer(status: number): boolean {
  return status >= 200 && status < 300;
}

/** JSON with every object's keys sorted, so two bodies that differ only in key order are the same request. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/** The sha256 of what a request asks for (its parameters and body): equal for a faithful retry. */
export function fingerprintOf(request: unknown): string {
  return createHash("sha256")
    .update(canonicalJson(request) ?? "")
    .digest("base64url");
}
