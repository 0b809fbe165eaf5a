import * as z from "zod/mini";
import { call } from "./client.js";

const skillLink = z.object({ name: z.string(), level: z.number(), wantedLevel: z.number(), fit: z.string() });
export type SkillLink = z.infer<typeof skillLink>;

const pair = z.object({
  handle: z.string(),
  displayName: z.string(),
  score: z.number(),
  theyTeach: skillLink,
  youTeach: skillLink,
  distanceKm: z.nullable(z.number()),
  explanation: z.string(),
});
const teacher = z.object({
  handle: z.string(),
  displayName: z.string(),
  score: z.number(),
  skill: skillLink,
  distanceKm: z.nullable(z.number()),
  explanation: z.string(),
});
const cycle = z.object({
  people: z.array(z.string()),
  score: z.number(),
  links: z.array(z.object({ teacher: z.string(), learner: z.string(), skill: skillLink })),
  explanation: z.string(),
});

const recommendationsView = z.object({ pairs: z.array(pair), teachers: z.array(teacher), cycles: z.array(cycle) });
export type Recommendations = z.infer<typeof recommendationsView>;
export type PairRecommendation = Recommendations["pairs"][number];
export type TeacherRecommendation = Recommendations["teachers"][number];
export type CycleRecommendation = Recommendations["cycles"][number];

/** GET /api/v1/recommendations with one-way teachers and three-person cycles. */
export const myRecommendations = () =>
  call("GET", "/recommendations?limit=10&teachers=true&cycles=true", recommendationsView);
