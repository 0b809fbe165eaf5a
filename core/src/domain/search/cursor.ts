import { createHash } from "node:crypto";
import { z } from "zod";
import { invalid } from "../../errors.js";
import { translate } from "../../messages/index.js";
import type { SortPosition } from "../../ports/search-index.js";
import { idField } from "../shared/fields.js";

// Every field bound and typed: a cursor comes back from a client, and its key is compared with bigint columns
// (PostgreSQL refuses 1e20 with a raw "out of range" error). Sort keys stay far inside ±10^15 (the largest are
// milliseconds since 1970, ~1.8 × 10^12).
const maxSortKey = 1e15;
const payload = z
  .object({
    f: z.string().regex(/^[A-Za-z0-9_-]{16}$/),
    k: z.number().int().min(-maxSortKey).max(maxSortKey),
    u: idField,
  })
  .strict();

/** A short digest of everything that defines a result list (who asks, what, filters, order). */
export function fingerprintOf(query: unknown): string {
  return createHash("sha256").update(JSON.stringify(query)).digest("base64url").slice(0, 16);
}

/** An opaque page token: the position after the last hit, bound to the query it came from. */
export function encodeCursor(fingerprint: string, position: SortPosition): string {
  return Buffer.from(JSON.stringify({ f: fingerprint, k: position.key, u: position.userId })).toString("base64url");
}

/** The position a cursor points at; a damaged cursor, or one from another query, is an error on `cursor`. */
export function decodeCursor(cursor: string, fingerprint: string): SortPosition {
  const reject = () => invalid("SEARCH.BAD_CURSOR", [{ field: "cursor", message: translate("field.cursor") }]);
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw reject();
  }
  const parsed = payload.safeParse(decoded);
  if (!parsed.success || parsed.data.f !== fingerprint) throw reject();
  return { key: parsed.data.k, userId: parsed.data.u };
}
