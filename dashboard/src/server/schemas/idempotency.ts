import { inputs } from "@skillswap/core";
import { z } from "zod";

export const IDEMPOTENCY_KEY_HEADER = "idempotency-key";
export const IDEMPOTENT_REPLAYED_HEADER = "idempotent-replayed";

export const idempotencyKeyHeader = inputs.idempotencyKey
  .optional()
  .describe(
    "A key of my own (a UUID, say; at most 255 characters) to retry this request safely: for 24 hours, the same " +
      "key with the same request answers what the first one did, with `Idempotent-Replayed: true`, instead of " +
      "creating it again. The same key with a different request: 422 `IDEMPOTENCY.KEY_REUSED`; while the first " +
      "is still running: 409 `IDEMPOTENCY.IN_FLIGHT`. Only a success is kept, so after a refusal the corrected " +
      "request may reuse the key.",
  );

// Loose: a headers schema replaces request.headers with what it parsed, and the others must stay.
export const idempotencyHeaders = z.looseObject({ [IDEMPOTENCY_KEY_HEADER]: idempotencyKeyHeader });
