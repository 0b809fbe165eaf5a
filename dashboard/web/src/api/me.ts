import * as z from "zod/mini";
import { call } from "./client.js";
import { profileBasics, ratingSummary } from "./profile-basics.js";

/** What the "me" page shows of GET /api/v1/me (the API's `OwnProfile`); the rest is left to later pages. */
const ownProfile = z.object({
  ...profileBasics,
  email: z.nullable(z.string()),
  visibility: z.enum(["public", "communities", "private"]),
  avatarSmallUrl: z.nullable(z.string()),
  skills: z.array(
    z.object({ id: z.string(), name: z.string(), direction: z.enum(["teach", "learn"]), level: z.number() }),
  ),
  rating: ratingSummary,
});
export type OwnProfile = z.infer<typeof ownProfile>;

export const myProfile = () => call("GET", "/me", ownProfile);
