import type { Visibility } from "../profiles/types.js";
import type { WeeklySlot } from "../skills/types.js";
import type { SkillLevels } from "./skill-levels.js";
import type { SkillSettings } from "./skill-settings.js";

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
  /** A skill's own mode and slots, where the person set them: they win over `mode` and `weekUtc` for it. */
  readonly skillSettings: SkillSettings;
  readonly location: { readonly latitude: number; readonly longitude: number; readonly name: string } | null;
  readonly maxDistanceKm: number;
  readonly ratingCount: number;
  readonly ratingSum: number;
  readonly lastActiveAt: Date;
  /** Who may see them (the index holds no private profile; an actor may be private). */
  readonly visibility: Visibility;
  /** The communities they belong to, sorted; people in the same communities share one array. */
  readonly communities: readonly string[];
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

/**
 * How a teacher's level meets the level the learner wants to reach: "exact" when at or above it, "near" one
 * level short (see levelFit).
 */
export type LevelFit = "exact" | "near";

/** Where the people of a link meet for it: online when both may, else in person within both one's limits. */
export type MeetingPlace = "online" | "in_person";

/** One teaching relationship made concrete: who teaches whom what, how well it fits, how and when they meet. */
export interface SkillLink {
  readonly skillId: string;
  readonly teacherLevel: number;
  readonly wantedLevel: number;
  readonly fit: LevelFit;
  readonly meeting: MeetingPlace;
  /** Great-circle km between them when both gave a city, whether or not they meet in person. */
  readonly km: number | null;
  /** 1 online, decaying with km in person. */
  readonly distance: number;
  /** Weekly minutes both are free for this skill, after time zones; a flexible side is free all week. */
  readonly overlapMinutes: number;
  /** The first shared stretch of the week, or null when either side is flexible or nothing is shared. */
  readonly sharedSlot: UtcInterval | null;
  readonly availability: number;
}

export interface PairMatch {
  readonly partner: MatchProfile;
  readonly score: number;
  readonly components: ScoreComponents;
  /** What the partner teaches the actor, and what the actor teaches the partner. */
  readonly theyTeach: SkillLink;
  readonly youTeach: SkillLink;
  /** How many of the two links are near fits (0 ranks above 1, 1 above 2, whatever the scores). */
  readonly nearFits: number;
  /** The weekly minutes both sessions can share: the smaller of the two links' overlaps. */
  readonly overlapMinutes: number;
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
