import { distanceKm } from "../../infra/gazetteer/distance.js";
import { ratingPrior } from "../profiles/rules.js";
import { skillIdOf } from "./skill-ids.js";
import type { MatchProfile, MeetingMode, ScoreComponents, SkillLink, UtcInterval } from "./types.js";

/**
 * Pure matching decisions. Every score is in [0, 1]; a pair's score is their product, so one weak factor
 * pulls a match down, and only hard incompatibilities (no skill fit, out of range) make it 0.
 */

/** A teacher one level short still helps a beginner along; two levels short does not. */
export function levelFit(teacherLevel: number, wantedLevel: number): number {
  if (teacherLevel >= wantedLevel) return 1;
  return teacherLevel === wantedLevel - 1 ? 0.5 : 0;
}

/** The best thing `teacher` can teach `learner`: highest fit, then highest teacher level, then skill id for determinism. */
export function bestLink(teacher: MatchProfile, learner: MatchProfile): SkillLink | null {
  let best: SkillLink | null = null;
  const wants = learner.learns;
  for (let i = 0; i < wants.size; i++) {
    const teacherLevel = teacher.teaches.levelOf(wants.skillAt(i));
    if (teacherLevel === undefined) continue;
    const wantedLevel = wants.levelAt(i);
    const fit = levelFit(teacherLevel, wantedLevel);
    if (fit === 0) continue;
    const skillId = skillIdOf(wants.skillAt(i));
    if (
      best === null ||
      fit > best.fit ||
      (fit === best.fit &&
        (teacherLevel > best.teacherLevel || (teacherLevel === best.teacherLevel && skillId < best.skillId)))
    ) {
      best = { skillId, teacherLevel, wantedLevel, fit };
    }
  }
  return best;
}

export function harmonicMean(a: number, b: number): number {
  return a + b === 0 ? 0 : (2 * a * b) / (a + b);
}

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

/**
 * Shared weekly time, relative to the smaller schedule. Someone with no slots is flexible (score 1). No overlap
 * keeps a floor of 0.2: people can still agree on a time, it is just less likely.
 */
export function availabilityScore(a: MatchProfile, b: MatchProfile): { score: number; shared: UtcInterval | null } {
  if (a.weekUtc.length === 0 || b.weekUtc.length === 0) return { score: 1, shared: null };
  const { minutes, first } = overlapMinutes(a.weekUtc, b.weekUtc);
  if (minutes === 0) return { score: 0.2, shared: null };
  const total = (slots: readonly UtcInterval[]) => slots.reduce((sum, s) => sum + s.end - s.start, 0);
  const ratio = Math.min(1, minutes / Math.max(1, Math.min(total(a.weekUtc), total(b.weekUtc), 120)));
  return { score: 0.2 + 0.8 * ratio, shared: first };
}

const canMeetOnline = (mode: MeetingMode) => mode !== "in_person";
const canMeetInPerson = (mode: MeetingMode) => mode !== "online";

/**
 * 1 when both can meet online (distance does not matter); otherwise decays with the km between them and is 0
 * past the actor's maximum distance, or when they cannot meet at all (online-only with in-person-only).
 */
export function distanceScore(actor: MatchProfile, other: MatchProfile): { score: number; km: number | null } {
  const km = actor.location && other.location ? distanceKm(actor.location, other.location) : null;
  if (canMeetOnline(actor.mode) && canMeetOnline(other.mode)) return { score: 1, km };
  if (!canMeetInPerson(actor.mode) || !canMeetInPerson(other.mode) || km === null || km > actor.maxDistanceKm)
    return { score: 0, km };
  return { score: Math.exp(-km / 30), km };
}

/**
 * The distance score both ways at once, the lower of the two: each side's maximum distance applies. Equal to
 * min(distanceScore(a, b), distanceScore(b, a)) with one great-circle computation, none when both meet online.
 */
export function mutualDistanceScore(a: MatchProfile, b: MatchProfile): number {
  if (canMeetOnline(a.mode) && canMeetOnline(b.mode)) return 1;
  if (!canMeetInPerson(a.mode) || !canMeetInPerson(b.mode) || a.location === null || b.location === null) return 0;
  const km = distanceKm(a.location, b.location);
  return km > Math.min(a.maxDistanceKm, b.maxDistanceKm) ? 0 : Math.exp(-km / 30);
}

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
