import { refuseUnless } from "./web-api-errors.js";

/** Slack caps a page at 1000 items whatever `limit` asks. */
const maxPage = 1000;

/**
 * One page of a list, with Slack's cursor: opaque base64 of where the next page starts ("user:U…"). The last
 * page says `next_cursor: ""`, which is how clients (and @slack/web-api's paginate) know to stop.
 */
export function pageOf<T extends { readonly id: string } | string>(
  items: readonly T[],
  cursorArg: unknown,
  limitArg: number | undefined,
): { items: T[]; next: string } {
  const idOf = (item: T): string => (typeof item === "string" ? item : item.id);
  const cursor = typeof cursorArg === "string" && cursorArg !== "" ? cursorArg : undefined;
  const startId =
    cursor === undefined ? undefined : Buffer.from(cursor, "base64").toString("utf8").replace(/^\w+:/, "");
  const start = startId === undefined ? 0 : items.findIndex((item) => idOf(item) === startId);
  refuseUnless(start >= 0, "invalid_cursor");
  const limit = limitArg === undefined || limitArg <= 0 ? maxPage : Math.min(limitArg, maxPage);
  const page = items.slice(start, start + limit);
  const following = items[start + limit];
  const next =
    following === undefined
      ? ""
      : Buffer.from(`${typeof following === "string" ? "member" : "user"}:${idOf(following)}`).toString("base64");
  return { items: page, next };
}
