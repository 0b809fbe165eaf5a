import { distanceKm } from "../../infra/gazetteer/distance.js";
import type { Direction } from "../skills/types.js";
import { fitWeight, levelFit, meetingBetween, sharedTime, type LevelPolicy } from "./rules.js";
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
  return meetingBetween(
    modeFor(teacher, "teach", skill),
    modeFor(learner, "learn", skill),
    km,
    Math.min(teacher.maxDistanceKm, learner.maxDistanceKm),
  );
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
  const meeting = meetingFor(teacher, learner, skill, km);
  if ("refused" in meeting) return null;
  const time = sharedTime(weekFor(teacher, "teach", skill), weekFor(learner, "learn", skill));
  return {
    skillId: skillIdOf(skill),
    teacherLevel: levels.teacher,
    wantedLevel: levels.wanted,
    fit,
    meeting: meeting.place,
    km,
    distance: meeting.distance,
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
    (a.fit === b.fit ? 0 : a.fit === "exact" ? -1 : 1) ||
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
    if (teacherLevel === undefined) continue;
    const link = linkFor(teacher, learner, skill, { teacher: teacherLevel, wanted: wants.levelAt(i) }, km, policy);
    if (link !== null) links.push(link);
  }
  return links.length > 1 ? links.sort(byBetterLink) : links;
}

/** The best exact-fit link from `teacher` to `learner`, for cycles; null when there is none. */
export function bestExactLink(
  teacher: MatchProfile,
  learner: MatchProfile,
  km: number | null,
  policy: LevelPolicy,
): SkillLink | null {
  const [best] = linksBetween(teacher, learner, km, policy);
  return best !== undefined && best.fit === "exact" ? best : null;
}
