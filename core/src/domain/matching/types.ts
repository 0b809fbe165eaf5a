import type { WeeklySlot } from "../skills/types.js";
import type { SkillLevels } from "./skill-levels.js";

export type MeetingMode = "online" | "in_person" | "either";

/** Everything matching needs to know about one person, already resolved: skills by id, slots in UTC. */
export interface MatchProfile {
  readonly userId: string;
  readonly handle: string;
  readonly displayName: string;
  /** skill id → level taught (1–5). */
  readonly teaches: SkillLevels;
  /** skill id → level the person wants to reach (1–5). */
  readonly learns: SkillLevels;
  /**
   * Weekly availability as minute-of-week intervals in UTC, [start, end), sorted, merged; empty = flexible.
   * Never mutated: profiles may share intervals and whole schedules.
   */
  readonly weekUtc: readonly UtcInterval[];
  readonly mode: MeetingMode;
  readonly location: { readonly latitude: number; readonly longitude: number; readonly name: string } | null;
  readonly maxDistanceKm: number;
  readonly ratingCount: number;
  readonly ratingSum: number;
  readonly lastActiveAt: Date;
}

/** Minutes since Sunday 00:00 UTC; a week has 10,080. */
export interface UtcInterval {
  readonly start: number;
  readonly end: number;
}

export interface ScoreComponents {
  readonly reciprocity: number;
  readonly availability: number;
  readonly distance: number;
  readonly trust: number;
  readonly freshness: number;
}

export interface SkillLink {
  readonly skillId: string;
  readonly teacherLevel: number;
  readonly wantedLevel: number;
  readonly fit: number;
}

export interface PairMatch {
  readonly partner: MatchProfile;
  readonly score: number;
  readonly components: ScoreComponents;
  /** What the partner teaches the actor, and what the actor teaches the partner. */
  readonly theyTeach: SkillLink;
  readonly youTeach: SkillLink;
  readonly sharedSlot: UtcInterval | null;
  readonly distanceKm: number | null;
}

export interface CycleLink {
  readonly teacher: MatchProfile;
  readonly learner: MatchProfile;
  readonly link: SkillLink;
  readonly score: number;
}

/** A teaches B, B teaches C, C teaches A — with A the actor. Ranked by its weakest link. */
export interface CycleMatch {
  readonly links: readonly [CycleLink, CycleLink, CycleLink];
  readonly score: number;
}

export type { WeeklySlot };
