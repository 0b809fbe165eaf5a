import * as z from "zod/mini";
import { apiQueryOf, type PeopleFilters } from "../people-query.js";
import { call } from "./client.js";

const reason = z.object({
  field: z.enum(["skill", "name", "handle", "bio"]),
  fuzzy: z.boolean(),
  skill: z.optional(z.object({ name: z.string(), direction: z.enum(["teach", "learn"]), level: z.number() })),
  text: z.string(),
});

/** A person found (the API's `PersonHit`): the city only, and why they matched. */
const personHit = z.object({
  handle: z.string(),
  displayName: z.string(),
  avatarSmallUrl: z.nullable(z.string()),
  location: z.nullable(z.string()),
  distanceKm: z.nullable(z.number()),
  rating: z.object({ count: z.number(), bayesian: z.number() }),
  reasons: z.array(reason),
});
export type PersonHit = z.infer<typeof personHit>;

const peoplePage = z.object({ items: z.array(personHit), nextCursor: z.nullable(z.string()) });
export type PeoplePage = z.infer<typeof peoplePage>;

/** People a search page shows at once: a phone's screenful or two, so "Load more" is a real choice. */
export const peoplePerPage = 10;

/** One page of GET /api/v1/people; signed out, the public profiles only. */
export const searchPeople = (filters: PeopleFilters, cursor?: string) =>
  call("GET", `/people?${apiQueryOf(filters, { limit: peoplePerPage, cursor })}`, peoplePage);

const catalogCategories = z.array(z.object({ slug: z.string(), name: z.string() }));
export type SkillCategory = z.infer<typeof catalogCategories>[number];

/** The catalog's categories, for the search's category filter (GET /api/v1/skills/catalog). */
export const skillCategories = () => call("GET", "/skills/catalog", catalogCategories);

const myCommunities = z.array(z.object({ id: z.string(), name: z.string() }));
export type MyCommunity = z.infer<typeof myCommunities>[number];

/** The communities I am in, for the search's community filter; signed in only. */
export const communitiesOfMine = () => call("GET", "/communities", myCommunities);
