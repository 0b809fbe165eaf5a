import type { PeopleSearchInput } from "@skillswap/core";
import type { CommandOptions } from "../interactions/options.js";
import { packText, unpackText } from "./custom-id-text.js";

/** What a person asked /find for: enough to run the same search again for any page. */
export interface FindQuery {
  readonly skill: string;
  readonly near: string | null;
  readonly km: number | null;
  readonly level: number | null;
  readonly online: boolean;
}

export const findPageRoute = "find.page";
export const findPageSize = 5;
/** Paging re-runs the search from the start (see findPageId); deep pages cost a search per page before them. */
export const findMaxPage = 20;

// Discord's custom_id limit; custom-id.ts enforces the same.
const customIdLimit = 100;

export function findQueryOf(options: CommandOptions): FindQuery {
  return {
    skill: options.string("skill") ?? "",
    near: options.string("near"),
    km: options.number("km"),
    level: options.integer("level"),
    online: options.boolean("online") === true,
  };
}

/** The search for one page; "who can teach you" is people teaching the skill, at the level asked for. */
export function searchInputOf(query: FindQuery, cursor: string | null): PeopleSearchInput {
  return {
    text: query.skill,
    direction: "teach",
    limit: findPageSize,
    ...(query.near === null ? {} : { near: query.near }),
    ...(query.km === null ? {} : { km: query.km }),
    ...(query.level === null ? {} : { minLevel: query.level }),
    ...(query.online ? { mode: "online" } : {}),
    ...(cursor === null ? {} : { cursor }),
  };
}

/**
 * A paging button's custom_id: the whole query, compactly, plus the page number — not the search cursor.
 * Cursors are opaque and can be longer than the 100 characters a custom_id allows, and keeping them in the
 * bot would need memory shared by every process and surviving restarts. Page N is found again by following
 * the cursors from the first page, which the search keeps stable for the same query. Null when the query is
 * too long to carry (a very long skill and city): that result then has no paging buttons.
 */
export function findPageId(query: FindQuery, page: number): string | null {
  const parts = [
    findPageRoute,
    String(page),
    query.level === null ? "" : String(query.level),
    query.online ? "1" : "",
    query.km === null ? "" : String(query.km),
    packText(query.skill),
    packText(query.near ?? ""),
  ];
  const id = parts.join(":");
  return id.length <= customIdLimit ? id : null;
}

const numberOrNull = (text: string | undefined) => {
  if (text === undefined || text === "") return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
};

/** The query and page a paging button carries (its args, after the route). */
export function parseFindPageArgs(args: readonly string[]): { query: FindQuery; page: number } {
  const [page, level, online, km, skill = "", near = ""] = args;
  return {
    page: Math.min(findMaxPage, Math.max(1, Math.trunc(numberOrNull(page) ?? 1))),
    query: {
      skill: unpackText(skill),
      near: near === "" ? null : unpackText(near),
      km: numberOrNull(km),
      level: numberOrNull(level),
      online: online === "1",
    },
  };
}
