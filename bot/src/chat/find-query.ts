import type { PeopleSearchInput } from "@skillswap/core";
import type { ChatOptions } from "./context.js";

/** What a person asked /find for: enough to run the same search again for any page. */
export interface FindQuery {
  readonly skill: string;
  readonly near: string | null;
  readonly km: number | null;
  readonly level: number | null;
  readonly online: boolean;
}

export const findPageSize = 5;
/** Paging re-runs the search from the start (a page button carries the query, not a cursor); deep pages cost a search per page before them. */
export const findMaxPage = 20;

export function findQueryOf(options: ChatOptions): FindQuery {
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
