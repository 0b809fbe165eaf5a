import { z } from "zod";
import { invalid } from "../../errors.js";
import { translate } from "../../messages/index.js";
import { lineField } from "./fields.js";

/** One page of a list that can grow; `nextCursor` asks for the next one and is null on the last page. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** `{ limit, cursor }` of a paged use case: `limit` items at most, from the position `cursor` names. */
export function pageInput(defaultLimit: number, maxLimit = 100) {
  return z
    .object({
      limit: z.number().int().min(1).max(maxLimit).default(defaultLimit),
      cursor: lineField(1, 512).optional(),
    })
    .strict();
}

/** What a list is sorted by, one value per sort column; dates travel as milliseconds since 1970. */
type SortValue = string | number | boolean;

/**
 * An opaque token for the position after `key` in the list named `list`. The position only says where the
 * next page starts: what a page holds is filtered by the viewer's rights whatever the token says, so a
 * token carries no authority and needs no signature.
 */
export function encodeCursor(list: string, key: readonly SortValue[]): string {
  return Buffer.from(JSON.stringify({ l: list, k: key })).toString("base64url");
}

/**
 * The sort values a token of `list` holds, checked against `shape`: a damaged token, or one from another list,
 * is an error on `cursor` (a client hands tokens back, so each value is typed and bounded like any input).
 */
export function decodeCursor<Shape extends z.ZodTuple>(
  list: string,
  cursor: string,
  shape: Shape,
  code: string,
): z.output<Shape> {
  const reject = () => invalid(code, [{ field: "cursor", message: translate("field.page_cursor") }]);
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw reject();
  }
  const envelope = z
    .object({ l: z.literal(list), k: z.unknown() })
    .strict()
    .safeParse(decoded);
  const key = envelope.success ? shape.safeParse(envelope.data.k) : undefined;
  if (key?.success !== true) throw reject();
  return key.data;
}

/** A sort column's value in a token: a date as milliseconds, within the range a Date holds. */
export const cursorDate = z
  .number()
  .int()
  .min(0)
  .max(8.64e15)
  .transform((ms) => new Date(ms));

/**
 * The page out of `rows` read with `take: limit + 1`: the extra row only says there is more, and the token
 * points after the last row shown.
 */
export function pageOf<Row, Item>(
  rows: readonly Row[],
  limit: number,
  item: (row: Row) => Item,
  position: (row: Row) => string,
): Page<Item> {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return { items: shown.map(item), nextCursor: rows.length > limit && last !== undefined ? position(last) : null };
}
