import { createHash } from "node:crypto";
import { z } from "zod";
import { invalid } from "../../errors.js";
import { translate } from "../../messages/index.js";
import type { SortPosition } from "../../ports/search-index.js";

const payload = z.object({ f: z.string(), k: z.number(), u: z.string().min(1).max(64) }).strict();

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
