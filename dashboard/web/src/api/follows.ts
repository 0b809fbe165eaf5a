import * as z from "zod/mini";
import { call, pageOf, pageQuery, type Page } from "./client.js";

/** Someone in a list of people (the API's `PersonRef`). */
const personRef = z.object({ handle: z.string(), displayName: z.string() });
export type PersonRef = z.infer<typeof personRef>;

const personPage = pageOf(personRef);

/** What someone I follow did (the API's `FeedItem`): the person by handle, the details by id. */
const feedItem = z.object({
  at: z.string(),
  kind: z.enum(["skill.added", "review.received", "group.joined"]),
  person: z.string(),
  detail: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type FeedItem = z.infer<typeof feedItem>;

const feedPage = pageOf(feedItem);
const userPath = (handle: string) => `/users/${encodeURIComponent(handle)}`;

export const followersOf = (handle: string, cursor: string | null): Promise<Page<PersonRef>> =>
  call("GET", `${userPath(handle)}/followers?${pageQuery(cursor)}`, personPage);

export const followedBy = (handle: string, cursor: string | null): Promise<Page<PersonRef>> =>
  call("GET", `${userPath(handle)}/following?${pageQuery(cursor)}`, personPage);

export const myFeed = (cursor: string | null): Promise<Page<FeedItem>> =>
  call("GET", `/feed?${pageQuery(cursor)}`, feedPage);
