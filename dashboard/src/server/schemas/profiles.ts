import { meetingModes, notificationChannels, notificationKinds, visibilities } from "@skillswap/core";
import { z } from "zod";
import { list } from "./common.js";

export const weeklySlot = z
  .object({
    weekday: z.number().int().min(0).max(6).describe("0 = Sunday … 6 = Saturday"),
    startMinute: z.number().int().min(0).max(1440).describe("Minutes after midnight, in the profile's time zone"),
    endMinute: z.number().int().min(0).max(1440),
  })
  .meta({ id: "WeeklySlot" });

export const profileSkill = z
  .object({
    id: z.string(),
    skillId: z.string(),
    name: z.string(),
    category: z.string(),
    direction: z.enum(["teach", "learn"]),
    level: z.number().int().min(1).max(5),
    notes: z.string(),
    pending: z.boolean().describe("A skill proposed to the catalog and not yet approved"),
  })
  .meta({ id: "ProfileSkill" });

const location = z.object({ name: z.string(), region: z.string(), country: z.string() });

const rating = z.object({
  count: z.number().int(),
  average: z.number().nullable(),
  bayesian: z.number().describe("The average pulled towards the prior, as ranking uses it"),
});

/** How the signed-in viewer and someone else are connected. */
const profileRelation = z
  .object({
    youFollow: z.boolean().describe("I follow this person"),
    followsYou: z.boolean().describe("This person follows me"),
    communitiesInCommon: list(z.string()).describe("Names of the communities we both belong to"),
    groupsInCommon: list(z.string()).describe("Names of the groups we are both members of"),
  })
  .meta({ id: "ProfileRelation" });

/** A profile as the viewer may see it: exact coordinates never leave core, only the city. */
export const profileView = z
  .object({
    id: z.string(),
    handle: z.string(),
    displayName: z.string(),
    bio: z.string(),
    pronouns: z.string(),
    languages: list(z.string()),
    timeZone: z.string(),
    location: location.nullable(),
    meetingMode: z.enum(meetingModes),
    visibility: z.enum(visibilities),
    avatarUrl: z.string().nullable().describe("The profile picture, a 512 px WebP square; null when there is none"),
    avatarSmallUrl: z.string().nullable().describe("The same picture at 128 px"),
    skills: list(profileSkill),
    availability: list(weeklySlot),
    rating,
    lastActiveAt: z.date(),
    isOwner: z.boolean(),
    relation: profileRelation
      .nullable()
      .describe("Null on my own profile and for a visitor who is not signed in (a block hides a profile outright)"),
  })
  .meta({ id: "Profile" });

/** What only the owner sees on top of the profile. */
export const ownProfileView = profileView
  .extend({
    email: z.string().nullable(),
    contactPreference: z.enum(["platform", "email", "dashboard"]),
    shareSessions: z.boolean(),
    maxDistanceKm: z.number().int(),
    notifications: list(
      z.object({ kind: z.enum(notificationKinds), channel: z.enum(notificationChannels), enabled: z.boolean() }),
    ),
  })
  .meta({ id: "OwnProfile" });
