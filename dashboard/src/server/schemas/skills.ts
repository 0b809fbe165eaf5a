import { directions, meetingModes } from "@skillswap/core";
import { z } from "zod";
import { list, pageOf, pageQuery } from "./common.js";
import { weeklySlot } from "./profiles.js";

export const catalogEntry = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    category: z.string(),
    status: z.enum(["approved", "pending", "rejected"]).describe("A proposed skill is pending until an admin decides"),
  })
  .meta({ id: "CatalogEntry" });

export const catalogCategory = z
  .object({
    slug: z.string(),
    name: z.string(),
    skills: list(z.object({ id: z.string(), slug: z.string(), name: z.string() })),
  })
  .meta({ id: "CatalogCategory" });

export const skillResolution = z
  .object({
    skill: catalogEntry.nullable().describe("The skill the name means, or null when none"),
    suggestions: list(z.string()).describe("Close spellings of known skills, when nothing matched"),
  })
  .meta({ id: "SkillResolution" });

/** A skill on someone's profile: what, which way, how well, and how and when it is practised. */
export const userSkillView = z
  .object({
    id: z.string(),
    skill: catalogEntry,
    direction: z.enum(directions),
    level: z.number().int().min(1).max(5).describe("Teach: own level; learn: the level wanted (1 beginner … 5 expert)"),
    notes: z.string(),
    mode: z.enum(meetingModes).nullable().describe("How this skill is practised; null: the profile's meeting mode"),
    availability: list(weeklySlot).nullable().describe("This skill's own weekly slots; null: the profile's"),
  })
  .meta({ id: "UserSkill" });

export const availabilityView = z
  .object({
    slots: list(weeklySlot),
    meetingMode: z.enum(meetingModes),
    timeZone: z.string().describe("The IANA time zone the slots are in: the profile's"),
  })
  .meta({ id: "Availability" });

/** `?q=&limit=` of autocomplete: what has been typed so far. */
export const suggestionsQuery = z.strictObject({
  q: z.string().trim().max(80).default("").describe("What has been typed so far"),
  limit: z.coerce.number().int().min(1).max(25).optional().describe("At most this many names (1–25, default 25)"),
});

/** `?name=`: a skill as someone typed it. */
export const resolveQuery = z.strictObject({ name: z.string().trim().min(1).max(80) });

/**
 * A catalog skill's id in a path. Longer than other ids: a proposed skill's id holds its community's id and
 * its slug.
 */
export const skillIdParam = z.object({ id: z.string().min(1).max(200) });

export const skillNames = list(z.string()).describe("Skill names as the catalog spells them");

/** A skill proposed in a community, waiting for one of its admins. */
export const skillProposalView = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    category: z.string(),
    proposedBy: z
      .object({ handle: z.string(), displayName: z.string() })
      .nullable()
      .describe("null when the proposer's account was deleted"),
    proposedAt: z.date(),
  })
  .meta({ id: "SkillProposal" });

export const skillProposalPage = pageOf(skillProposalView).meta({ id: "SkillProposalPage" });

export const skillProposalListQuery = pageQuery.extend({
  limit: z.coerce.number().int().min(1).max(50).optional().describe("At most this many proposals (1–50)"),
});
