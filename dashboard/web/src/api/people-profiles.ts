import * as z from "zod/mini";
import { call, callForNothing } from "./client.js";
import { profileBasics, ratingSummary } from "./profile-basics.js";

const profileSkill = z.object({
  id: z.string(),
  skillId: z.string(),
  name: z.string(),
  category: z.string(),
  direction: z.enum(["teach", "learn"]),
  level: z.number(),
  notes: z.string(),
});
export type ProfileSkill = z.infer<typeof profileSkill>;

/** Someone's profile as I may see it (the API's `Profile`). */
const profile = z.object({
  ...profileBasics,
  meetingMode: z.string(),
  avatarSmallUrl: z.nullable(z.string()),
  skills: z.array(profileSkill),
  rating: ratingSummary,
  isOwner: z.boolean(),
  relation: z.nullable(
    z.object({
      youFollow: z.boolean(),
      followsYou: z.boolean(),
      communitiesInCommon: z.array(z.string()),
    }),
  ),
});
export type PersonProfile = z.infer<typeof profile>;

const path = (handle: string) => `/users/${encodeURIComponent(handle)}`;

/** A profile as I (or the public) may see it; a private, blocked or unknown one answers 404. */
export const personProfile = (handle: string) => call("GET", path(handle), profile);

export const follow = (handle: string) => callForNothing("POST", `${path(handle)}/follow`);
export const unfollow = (handle: string) => callForNothing("DELETE", `${path(handle)}/follow`);
export const block = (handle: string) => callForNothing("POST", "/blocks", { handle });

const reportReceipt = z.object({ reportIds: z.array(z.string()) });
export const report = (handle: string, reason: string) => call("POST", "/reports", reportReceipt, { handle, reason });
