import { directions, inputs } from "@skillswap/core";
import { z } from "zod";
import { list, pageOf } from "./common.js";

const options = inputs.peopleSearch.shape;

/**
 * `GET /people`'s query: core's search options, free text as `q`. A query string is text, so its numbers are
 * read with coercion, within core's bounds; every other option is core's own field.
 */
export const peopleSearchQuery = inputs.peopleSearch.omit({ text: true }).extend({
  q: options.text.describe("Free text: skills (aliases and typos understood), names, handles, bios"),
  category: options.category.describe('A skill category, by slug or name: "music", "Cooking & food"'),
  direction: options.direction.describe("Only people who teach (or who want to learn) the skills matched"),
  minLevel: z.coerce
    .number()
    .int()
    .min(1)
    .max(5)
    .optional()
    .describe("Only skills at this level or above (1 beginner … 5 expert)"),
  near: options.near.describe("A city as typed, to measure distance from instead of my own"),
  km: z.coerce
    .number()
    .positive()
    .max(20_000)
    .optional()
    .describe("Only people within this many km of `near` (or of my city)"),
  mode: options.mode.describe("Only people who meet this way (either way counts for both)"),
  community: options.community.describe("Only members of this community (by id)"),
  available: options.available.describe('Only people free in this weekly window, in my time zone: "Tue 18:00-20:00"'),
  sort: options.sort.describe("relevance by default; distance when filtering by km without text"),
  limit: z.coerce.number().int().min(1).max(50).optional().describe("At most this many people (1–50, default 20)"),
  cursor: options.cursor.describe("The `nextCursor` of the previous page, with the same filters"),
});

const searchReason = z
  .object({
    field: z.enum(["skill", "name", "handle", "bio"]),
    typed: z.string().describe("The part of the query this reason answers, as typed"),
    fuzzy: z.boolean().describe("Matched through a close spelling"),
    skill: z
      .object({ name: z.string(), direction: z.enum(directions), level: z.number().int() })
      .optional()
      .describe("For a skill match: which skill, taught or wanted, at which level"),
    word: z.string().optional().describe("For a text match: the word that matched"),
    text: z.string().describe('The reason in words: "teaches Guitar (level 4)"'),
  })
  .meta({ id: "SearchReason" });

/** A person found, as the searcher may see them: the city only, never coordinates. */
export const personHit = z
  .object({
    handle: z.string(),
    displayName: z.string(),
    avatarSmallUrl: z.string().nullable().describe("Their picture at 128 px; null when they have none"),
    location: z.string().nullable(),
    distanceKm: z.number().nullable().describe("From `near` or my city, to a tenth of a km; null when unknown"),
    rating: z.object({ count: z.number().int(), bayesian: z.number() }),
    lastActiveAt: z.date(),
    score: z.number(),
    reasons: list(searchReason).describe("Why this person matched"),
  })
  .meta({ id: "PersonHit" });

export const peoplePage = pageOf(personHit)
  .extend({ sort: options.sort.unwrap().describe("The order the pages are in") })
  .meta({ id: "PeoplePage" });
