import { z } from "zod";
import { isUniqueViolation } from "../../infra/prisma/errors.js";
import type { Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";
import { parseInput } from "../shared/validate.js";
import { fingerprintOf, idempotencyKeyField, judgeEarlierAttempt, keepsAnswer, type EarlierAttempt } from "./rules.js";

export { IDEMPOTENCY_RETENTION_MS } from "./rules.js";

/** The hold a first request has on its key, handed back with its answer. Opaque to doors. */
export interface IdempotencyClaim {
  readonly operation: string;
  readonly key: string;
  readonly startedAt: Date;
}

/** What a request sent with an Idempotency-Key may do. */
export type IdempotentStart =
  /** The key is new (or lapsed): run the request, then `finish` with its answer. */
  | { readonly outcome: "first"; readonly claim: IdempotencyClaim }
  /** The key was answered: send this answer again, without running anything. */
  | { readonly outcome: "replay"; readonly status: number; readonly response: string }
  /** The first request with this key has not answered yet. */
  | { readonly outcome: "in_flight" }
  /** This key was used for a different request. */
  | { readonly outcome: "key_reused" };

const startInput = z.object({
  // A door names the operation from its own routes ("POST /api/v1/swaps"), never from what a client typed.
  operation: z.string().min(1).max(300),
  key: idempotencyKeyField,
  /** What is asked: path parameters and body, in whatever shape the door has them. */
  request: z.unknown(),
});

const answerInput = z.object({ status: z.number().int().min(100).max(599), response: z.string() });

/**
 * HTTP's Idempotency-Key for the API's creating requests: the first request with a key is recorded before it
 * runs and its answer once it succeeds, so a retry (the client timed out, the connection dropped) gets the same
 * answer instead of creating the thing twice. A key belongs to one person and one operation.
 */
export function createIdempotencyService(deps: Pick<ServiceDeps, "db" | "clock">) {
  const { db, clock } = deps;
  const recordOf = (actor: Actor, operation: string, key: string) => ({ userId: actor.userId, operation, key });

  /**
   * Claims the key for a new attempt: inserted when it is new, taken over when it lapsed. The primary key and the
   * takeover's condition on the old start decide between racing requests, so only one of them runs. Each write
   * is its own transaction: on PostgreSQL a failed insert aborts the transaction it is in (see inbox/service.ts).
   */
  async function claim(
    row: ReturnType<typeof recordOf>,
    fingerprint: string,
    lapsedSince?: Date,
  ): Promise<IdempotencyClaim | null> {
    const startedAt = clock.now();
    if (lapsedSince !== undefined) {
      const { count } = await db.$transaction((tx) =>
        tx.idempotencyRecord.updateMany({
          where: { ...row, startedAt: lapsedSince },
          data: { fingerprint, status: null, response: null, startedAt },
        }),
      );
      return count === 1 ? { operation: row.operation, key: row.key, startedAt } : null;
    }
    try {
      await db.$transaction((tx) => tx.idempotencyRecord.create({ data: { ...row, fingerprint, startedAt } }));
      return { operation: row.operation, key: row.key, startedAt };
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /** The earlier attempt with this key, as the rules judge it; null when there is none (any more). */
  async function earlierAttempt(row: ReturnType<typeof recordOf>): Promise<EarlierAttempt | null> {
    const found = await db.idempotencyRecord.findUnique({
      where: { userId_operation_key: row },
      select: { fingerprint: true, status: true, response: true, startedAt: true },
    });
    if (found === null) return null;
    const { fingerprint, startedAt, status, response } = found;
    return { fingerprint, startedAt, answer: status === null ? null : { status, response: response ?? "" } };
  }

  return {
    /** Before running a request sent with a key: whether to run it, replay an answer, or refuse it. */
    async start(actor: Actor, input: { operation: string; key: string; request: unknown }): Promise<IdempotentStart> {
      const data = parseInput(startInput, input, "IDEMPOTENCY.INVALID");
      const row = recordOf(actor, data.operation, data.key);
      const fingerprint = fingerprintOf(data.request);
      let lapsedSince: Date | undefined;
      // A round is lost only to another request that changed the row meanwhile; three is past any real race.
      for (let round = 0; round < 3; round++) {
        const claimed = await claim(row, fingerprint, lapsedSince);
        if (claimed !== null) return { outcome: "first", claim: claimed };
        const earlier = await earlierAttempt(row);
        lapsedSince = undefined;
        if (earlier === null) continue;
        const judgement = judgeEarlierAttempt(earlier, fingerprint, clock.now());
        switch (judgement.kind) {
          case "lapsed":
            lapsedSince = earlier.startedAt;
            break;
          case "replay":
            return { outcome: "replay", ...judgement.answer };
          default:
            return { outcome: judgement.kind };
        }
      }
      return { outcome: "in_flight" };
    },

    /**
     * After the request ran: its answer is kept when it was a success (see `keepsAnswer`), and the key is freed
     * otherwise, so the client may correct the request and send it again with the same key. An attempt whose
     * claim lapsed and was taken over meanwhile leaves the newer one alone.
     */
    async finish(actor: Actor, claim: IdempotencyClaim, answer: { status: number; response: string }): Promise<void> {
      const { status, response } = parseInput(answerInput, answer, "IDEMPOTENCY.INVALID");
      const where = { ...recordOf(actor, claim.operation, claim.key), startedAt: claim.startedAt, status: null };
      await db.$transaction((tx) =>
        keepsAnswer(status)
          ? tx.idempotencyRecord.updateMany({ where, data: { status, response } })
          : tx.idempotencyRecord.deleteMany({ where }),
      );
    },

    /** Forgets keys first used before `olderThan` (the worker passes now − IDEMPOTENCY_RETENTION_MS); returns how many. */
    async prune(olderThan: Date): Promise<number> {
      const { count } = await db.$transaction((tx) =>
        tx.idempotencyRecord.deleteMany({ where: { startedAt: { lt: olderThan } } }),
      );
      return count;
    },
  };
}

export type IdempotencyService = ReturnType<typeof createIdempotencyService>;
