import { inputs } from "@skillswap/core";
import { z } from "zod";
import { list } from "./common.js";

/** A yes/no in a query string: the words themselves, so "0" or "yes" is refused rather than guessed at. */
const queryFlag = z.enum(["true", "false"]).transform((flag) => flag === "true");

/** `GET /recommendations`' query: core's options, read from text. */
export const recommendationsQuery = inputs.recommendations.extend({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(50)
    .optional()
    .describe("At most this many of each kind (1–50, default 10)"),
  teachers: queryFlag.optional().describe("Also people who teach what I want and want nothing back (default false)"),
  cycles: queryFlag.optional().describe("Also three-person swaps through me (default false)"),
});

/** `GET /recommendations/teachers`' query. */
export const teachersQuery = inputs.teachersQuery.extend({
  limit: z.coerce.number().int().min(1).max(50).optional().describe("At most this many teachers (1–50, default 10)"),
});

const fit = z.enum(["exact", "near"]).describe("exact: the teacher is at or above the level wanted; near: one short");

const scoreComponents = z
  .object({
    reciprocity: z.number(),
    availability: z.number(),
    distance: z.number(),
    trust: z.number(),
    freshness: z.number(),
  })
  .describe("Each in [0, 1]; the score is their product")
  .meta({ id: "ScoreComponents" });

const skillLink = z
  .object({
    skillId: z.string(),
    name: z.string(),
    level: z.number().int().describe("The teacher's level"),
    wantedLevel: z.number().int().describe("The level the learner wants to reach"),
    fit,
    meeting: z.enum(["online", "in_person"]),
    overlapMinutes: z.number().int().describe("Weekly minutes both are free for this skill"),
  })
  .meta({ id: "SkillLink" });

/** A reciprocal partner: they teach me one skill, I teach them another. */
const pairRecommendation = z
  .object({
    handle: z.string(),
    displayName: z.string(),
    score: z.number(),
    components: scoreComponents,
    fit: fit.describe("exact when both skills fit exactly; near when either teacher is a level short"),
    theyTeach: skillLink,
    youTeach: skillLink,
    distanceKm: z.number().nullable(),
    overlapMinutes: z.number().int().describe("Weekly minutes both sessions can share"),
    explanation: z.string(),
  })
  .meta({ id: "PairRecommendation" });

/** Someone who can teach me a skill, whether or not they want anything back. */
export const teacherRecommendation = z
  .object({
    handle: z.string(),
    displayName: z.string(),
    score: z.number(),
    skill: skillLink,
    distanceKm: z.number().nullable(),
    overlapMinutes: z.number().int(),
    explanation: z.string(),
  })
  .meta({ id: "TeacherRecommendation" });

/** I teach the first person, who teaches the second, who teaches me. */
const cycleRecommendation = z
  .object({
    people: list(z.string()).describe("The other two handles, in the cycle's order: whom I teach first"),
    score: z.number().describe("The weakest link's score"),
    links: list(z.object({ teacher: z.string(), learner: z.string(), skill: skillLink })).describe(
      "Who teaches whom what, by handle, starting with me",
    ),
    overlapMinutes: z.number().int().describe("The smallest weekly overlap of the three links"),
    explanation: z.string(),
  })
  .meta({ id: "CycleRecommendation" });

export const recommendationsView = z
  .object({
    pairs: list(pairRecommendation),
    teachers: list(teacherRecommendation).describe("Empty unless asked for with `teachers=true`"),
    cycles: list(cycleRecommendation).describe("Empty unless asked for with `cycles=true`"),
  })
  .meta({ id: "Recommendations" });
