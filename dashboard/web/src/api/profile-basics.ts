import * as z from "zod/mini";

/** What every view of a profile says of its person, whoever looks: the API's `Profile` and `OwnProfile` alike. */
export const profileBasics = {
  handle: z.string(),
  displayName: z.string(),
  bio: z.string(),
  pronouns: z.string(),
  languages: z.array(z.string()),
  timeZone: z.string(),
  location: z.nullable(z.object({ name: z.string(), region: z.string(), country: z.string() })),
};

/** How many reviews someone has and their average (null before the first). */
export const ratingSummary = z.object({ count: z.number(), average: z.nullable(z.number()) });
