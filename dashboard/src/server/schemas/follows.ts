import { z } from "zod";
import { pageOf } from "./common.js";

/** Someone in a list of people, as anyone who may see them sees them. */
export const personRef = z.object({ handle: z.string(), displayName: z.string() }).meta({ id: "PersonRef" });

export const personPage = pageOf(personRef).meta({ id: "PersonPage" });

export const feedItem = z
  .object({
    at: z.date(),
    kind: z.enum(["skill.added", "review.received", "group.joined"]),
    person: z.string().describe("The handle of the person followed"),
    detail: z
      .record(z.string(), z.union([z.string(), z.number()]))
      .describe("What happened: skillId, direction and level; rating; groupId"),
  })
  .meta({ id: "FeedItem" });

export const feedPage = pageOf(feedItem).meta({ id: "FeedPage" });
