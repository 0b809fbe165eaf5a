import { ratingPrior } from "../profiles/rules.js";
import type { LevelFit, MatchProfile, MeetingMode, MeetingPlace, ScoreComponents, UtcInterval } from "./types.js";

/**
 * Pure matching decisions. Every score is in [0, 1]; a pair's score is their product, so one weak factor
 * pulls a match down, and only hard incompatibilities (no skill fit, no way to meet) rule a match out.
 */

/** What a deployment asks of teachers: below `minTeachLevel` (1–5) nobody is offered as a teacher. */
export interface LevelPolicy {
  readonly minTeachLevel: number;
}

export const defaultLevelPolicy: LevelPolicy = { minTeachLevel: 1 };

/**
 * How a teacher's level meets the level a learner wants to reach.
 * - exact: the teacher is at least at that level;
 * - near: one level short. A level-4 JavaScript teacher still gets a learner aiming for 5 most of the way, so
 *   near fits are offered, but each is labelled ("you asked for 5"), ranks below every exact fit, and never
 *   enters a three-person cycle, where one weak link lets two other people down;
 * - null: two levels short or more, or below the deployment's minimum teaching level.
 */
export function levelFit(teacherLevel: number, wantedLevel: number, policy: LevelPolicy): LevelFit | null {
  if (teacherLevel < policy.minTeachLevel) return null;
  if (teacherLevel >= wantedLevel) return "exact";
  return teacherLevel === wantedLevel - 1 ? "near" : null;
}

/** Exact fits first: negative when `a` ranks before `b`. */
export const byFit = (a: LevelFit, b: LevelFit): number => (a === b ? 0 : a === "exact" ? -1 : 1);

/** A near fit weighs half an exact one in a score (ranking puts exact fits first anyway). */
export const fitWeight = (fit: LevelFit): number => (fit === "exact" ? 1 : 0.5);

export function harmonicMean(a: number, b: number): number {
  return a + b === 0 ? 0 : (2 * a * b) / (a + b);
}

export const minutesPerWeek = 7 * 24 * 60;

const totalMinutes = (slots: readonly UtcInterval[]) => slots.reduce((sum, s) => sum + s.end - s.start, 0);

export function overlapMinutes(
  a: readonly UtcInterval[],
  b: readonly UtcInterval[],
): { minutes: number; first: UtcInterval | null } {
  let i = 0;
  let j = 0;
  let minutes = 0;
  let first: UtcInterval | null = null;
  while (i < a.length && j < b.length) {
    const x = a[i] as UtcInterval;
    const y = b[j] as UtcInterval;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) {
      minutes += end - start;
      first ??= { start, end };
    }
    if (x.end < y.end) i++;
    else j++;
  }
  return { minutes, first };
}

export interface SharedTime {
  /** Weekly minutes both are free. Someone with no slots is flexible, free all week. */
  readonly minutes: number;
  /** The first shared stretch, or null when either is flexible (any of the other's times will do) or none. */
  readonly first: UtcInterval | null;
  readonly score: number;
}

/**
 * Shared weekly time of two schedules in UTC (time zones applied, split where a slot wraps past Saturday
 * midnight). Two hours a week is plenty (score 1); no overlap keeps a floor of 0.2: people can still agree on a
 * time, it is just less likely.
 */
export function sharedTime(a: readonly UtcInterval[], b: readonly UtcInterval[]): SharedTime {
  if (a.length === 0 || b.length === 0) {
    const minutes = a.length === 0 && b.length === 0 ? minutesPerWeek : totalMinutes(a.length === 0 ? b : a);
    return { minutes, first: null, score: 1 };
  }
  const { minutes, first } = overlapMinutes(a, b);
  return { minutes, first, score: overlapScore(minutes, a, b) };
}

/** sharedTime(a, b).score, building nothing: ranking weighs thousands of candidate links by it. */
export function sharedTimeScore(a: readonly UtcInterval[], b: readonly UtcInterval[]): number {
  if (a.length === 0 || b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let minutes = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as UtcInterval;
    const y = b[j] as UtcInterval;
    minutes += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
    if (x.end < y.end) i++;
    else j++;
  }
  return overlapScore(minutes, a, b);
}

function overlapScore(minutes: number, a: readonly UtcInterval[], b: readonly UtcInterval[]): number {
  if (minutes === 0) return 0.2;
  return 0.2 + 0.8 * Math.min(1, minutes / Math.max(1, Math.min(totalMinutes(a), totalMinutes(b), 120)));
}

const canMeetOnline = (mode: MeetingMode) => mode !== "in_person";
const canMeetInPerson = (mode: MeetingMode) => mode !== "online";

export type MeetingRefusal = "modes" | "distance";

// meetingScore's answers when two people cannot meet: numbers, not objects, for the thousands of candidates a
// recommendation walks.
const refusedForModes = -1;
const refusedForDistance = -2;

/**
 * How two people can meet, each with their own mode: online when both may (distance does not matter, 1), else
 * in person when both may, both gave a city and the km are within `maxKm` — the smaller of their two limits, so
 * nobody is offered someone they said is too far — decaying with km (a third at 30 km). Below 0: they cannot.
 */
export function meetingScore(a: MeetingMode, b: MeetingMode, km: number | null, maxKm: number): number {
  if (canMeetOnline(a) && canMeetOnline(b)) return 1;
  if (!canMeetInPerson(a) || !canMeetInPerson(b)) return refusedForModes;
  if (km === null || km > maxKm) return refusedForDistance;
  return Math.exp(-km / 30);
}

/** meetingScore, said in words: where they meet and the distance factor, or why they cannot. */
export function meetingBetween(
  a: MeetingMode,
  b: MeetingMode,
  km: number | null,
  maxKm: number,
): { place: MeetingPlace; distance: number } | { refused: MeetingRefusal } {
  const score = meetingScore(a, b, km, maxKm);
  if (score === refusedForModes) return { refused: "modes" };
  if (score === refusedForDistance) return { refused: "distance" };
  return { place: placeOf(a, b), distance: score };
}

/** Where two people who can meet do: online when both may, else in person. */
export const placeOf = (a: MeetingMode, b: MeetingMode): MeetingPlace =>
  canMeetOnline(a) && canMeetOnline(b) ? "online" : "in_person";

/** The Bayesian average rating (prior 4 over 3 reviews), mapped from 1–5 onto 0–1. */
export function trustScore(profile: MatchProfile): number {
  const bayesian =
    (ratingPrior.mean * ratingPrior.weight + profile.ratingSum) / (ratingPrior.weight + profile.ratingCount);
  return (bayesian - 1) / 4;
}

/** Recently active people answer; it halves over about three weeks and never drops below 0.3. */
export function freshnessScore(profile: MatchProfile, now: Date): number {
  const days = Math.max(0, (now.getTime() - profile.lastActiveAt.getTime()) / 86_400_000);
  return 0.3 + 0.7 * Math.exp(-days / 30);
}

export function totalScore(components: ScoreComponents): number {
  return (
    components.reciprocity * components.availability * components.distance * components.trust * components.freshness
  );
}
