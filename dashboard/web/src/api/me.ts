import * as z from "zod/mini";
import { call } from "./client.js";

/** What the "me" page shows of GET /api/v1/me (the API's `OwnProfile`); the rest is left to later pages. */
const ownProfile = z.object({
  handle: z.string(),
  displayName: z.string(),
  bio: z.string(),
  pronouns: z.string(),
  email: z.nullable(z.string()),
  timeZone: z.string(),
  visibility: z.enum(["public", "communities", "private"]),
  location: z.nullable(z.object({ name: z.string(), region: z.string(), country: z.string() })),
  avatarSmallUrl: z.nullable(z.string()),
  skills: z.array(
    z.object({ id: z.string(), name: z.string(), direction: z.enum(["teach", "learn"]), level: z.number() }),
  ),
  rating: z.object({ count: z.number(), average: z.nullable(z.number()) }),
});
export type OwnProfile = z.infer<typeof ownProfile>;

export const myProfile = () => call("GET", "/me", ownProfile);
