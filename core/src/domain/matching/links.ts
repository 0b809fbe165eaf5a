import { distanceKm } from "../../infra/gazetteer/distance.js";
import type { Direction } from "../skills/types.js";
import {
  byFit,
  fitWeight,
  levelFit,
  meetingBetween,
  meetingScore,
  placeOf,
  sharedTime,
  sharedTimeScore,
  type LevelPolicy,
} from "./rules.js";
import { skillIdOf } from "./skill-ids.js";
import type { MatchProfile, MeetingMode, SkillLink, UtcInterval } from "./types.js";

/** A person's mode for one of their skills (by number): the skill's own when they set one, else their profile's. */
const modeFor = (person: MatchProfile, direction: Direction, skill: number): MeetingMode =>
  person.skillSettings.modeOf(direction, skill) ?? person.mode;

/** A person's weekly slots for one of their skills: the skill's own when they set some, else their profile's. */
const weekFor = (person: MatchProfile, direction: Direction, skill: number): readonly UtcInterval[] =>
  person.skillSettings.weekOf(direction, skill) ?? person.weekUtc;

/** Km between two people who both gave a city, else null. */
export function kmBetween(a: MatchProfile, b: MatchProfile): number | null {
  return a.location !== null && b.location !== null ? distanceKm(a.location, b.location) : null;
}

/**
 * Whether `teacher` and `learner` can meet for `skill`, each with their mode for it (the learner's as a learner
 * of it, their profile's when they do not list it): the one meeting rule for pairs, cycles, one-way teachers
 * and cycle requests.
 */
export function meetingFor(teacher: MatchProfile, learner: MatchProfile, skill: number, km: number | null) {
  const maxKm = Math.min(teacher.maxDistanceKm, learner.maxDistanceKm);
  return meetingBetween(modeFor(teacher, "teach", skill), modeFor(learner, "learn", skill), km, maxKm);
}

/** meetingFor as meetingScore's number: what the thousands of candidates of one recommendation are asked. */
function meetingScoreFor(teacher: MatchProfile, learner: MatchProfile, skill: number, km: number | null): number {
  const maxKm = Math.min(teacher.maxDistanceKm, learner.maxDistanceKm);
  return meetingScore(modeFor(teacher, "teach", skill), modeFor(learner, "learn", skill), km, maxKm);
}

/**
 * Whether `teacher` can teach `learner` anything the learner wants, at a level that fits and in a way they can
 * meet: linksBetween(…).length > 0, without building a link (cycles ask it of thousands of people).
 */
export function hasLink(teacher: MatchProfile, learner: MatchProfile, km: number | null, policy: LevelPolicy): boolean {
  const wants = learner.learns;
  for (let i = 0; i < wants.size; i++) {
    const skill = wants.skillAt(i);
    const teacherLevel = teacher.teaches.levelOf(skill);
    if (teacherLevel === undefined || levelFit(teacherLevel, wants.levelAt(i), policy) === null) continue;
    if (meetingScoreFor(teacher, learner, skill, km) > 0) return true;
  }
  return false;
}

/**
 * `teacher` teaching `learner` the skill numbered `skill` at the given levels, made concrete: level fit, how
 * they meet, their shared weekly time for it; null when the levels do not fit or they cannot meet.
 */
export function linkFor(
  teacher: MatchProfile,
  learner: MatchProfile,
  skill: number,
  levels: { readonly teacher: number; readonly wanted: number },
  km: number | null,
  policy: LevelPolicy,
): SkillLink | null {
  const fit = levelFit(levels.teacher, levels.wanted, policy);
  if (fit === null) return null;
  // The cheap refusals first, in numbers: most candidates a recommendation walks never become a link.
  const distance = meetingScoreFor(teacher, learner, skill, km);
  if (distance <= 0) return null;
  const time = sharedTime(weekFor(teacher, "teach", skill), weekFor(learner, "learn", skill));
  return {
    skillId: skillIdOf(skill),
    teacherLevel: levels.teacher,
    wantedLevel: levels.wanted,
    fit,
    meeting: placeOf(modeFor(teacher, "teach", skill), modeFor(learner, "learn", skill)),
    km,
    distance,
    overlapMinutes: time.minutes,
    sharedSlot: time.first,
    availability: time.score,
  };
}

/** A link's own weight, without the people's trust and freshness: fit × shared time × distance. */
export const linkScore = (link: SkillLink): number => fitWeight(link.fit) * link.availability * link.distance;

/**
 * Best first: exact fits before near ones, then the link's score, then the higher teacher level, then skill id
 * (deterministic whatever order skills were listed in).
 */
function byBetterLink(a: SkillLink, b: SkillLink): number {
  return (
    byFit(a.fit, b.fit) ||
    linkScore(b) - linkScore(a) ||
    b.teacherLevel - a.teacherLevel ||
    (a.skillId < b.skillId ? -1 : a.skillId > b.skillId ? 1 : 0)
  );
}

/** Every way `teacher` can teach `learner` something the learner wants, best first (see byBetterLink). */
export function linksBetween(
  teacher: MatchProfile,
  learner: MatchProfile,
  km: number | null,
  policy: LevelPolicy,
): SkillLink[] {
  const links: SkillLink[] = [];
  const wants = learner.learns;
  for (let i = 0; i < wants.size; i++) {
    const skill = wants.skillAt(i);
    const teacherLevel = teacher.teaches.levelOf(skill);
    const wanted = wants.levelAt(i);
    if (teacherLevel === undefined) continue;
    const link = linkFor(teacher, learner, skill, { teacher: teacherLevel, wanted }, km, policy);
    if (link !== null) links.push(link);
  }
  return links.length > 1 ? links.sort(byBetterLink) : links;
}

/** What bestExactSkill finds: the skill (by number), the two levels, and the link's score. */
export interface ExactSkill {
  readonly skill: number;
  readonly teacherLevel: number;
  readonly wantedLevel: number;
  readonly score: number;
}

/**
 * The best exact-fit skill `teacher` can teach `learner` and the score its link would have (linkScore), in the
 * order of byBetterLink, without building any link: cycles weigh it for thousands of people and build the
 * few links they keep (exactLink).
 */
export function bestExactSkill(
  teacher: MatchProfile,
  learner: MatchProfile,
  km: number | null,
  policy: LevelPolicy,
): ExactSkill | null {
  let best: ExactSkill | null = null;
  const wants = learner.learns;
  for (let i = 0; i < wants.size; i++) {
    const skill = wants.skillAt(i);
    const teacherLevel = teacher.teaches.levelOf(skill);
    const wantedLevel = wants.levelAt(i);
    if (teacherLevel === undefined || levelFit(teacherLevel, wantedLevel, policy) !== "exact") continue;
    const distance = meetingScoreFor(teacher, learner, skill, km);
    if (distance <= 0) continue;
    const score = distance * sharedTimeScore(weekFor(teacher, "teach", skill), weekFor(learner, "learn", skill));
    if (
      best === null ||
      score > best.score ||
      (score === best.score &&
        (teacherLevel > best.teacherLevel ||
          (teacherLevel === best.teacherLevel && skillIdOf(skill) < skillIdOf(best.skill))))
    )
      best = { skill, teacherLevel, wantedLevel, score };
  }
  return best;
}

/** The link bestExactSkill found, built. */
export function exactLink(
  teacher: MatchProfile,
  learner: MatchProfile,
  found: ExactSkill,
  km: number | null,
  policy: LevelPolicy,
): SkillLink {
  const link = linkFor(
    teacher,
    learner,
    found.skill,
    { teacher: found.teacherLevel, wanted: found.wantedLevel },
    km,
    policy,
  );
  if (link === null) throw new Error("matching: an exact skill found has no link");
  return link;
}
