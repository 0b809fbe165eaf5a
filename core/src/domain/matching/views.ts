import { explainCycle, explainPair, explainPlace, explainTeachesYou, explainTime, type SkillNames } from "./explain.js";
import type { TeacherMatch } from "./recommend.js";
import type { CycleMatch, LevelFit, MeetingPlace, PairMatch, ScoreComponents, SkillLink } from "./types.js";

export interface SkillRef {
  readonly skillId: string;
  readonly name: string;
  /** The teacher's level. */
  readonly level: number;
}

/** One teaching link as shown: the skill at the teacher's level, and how it fits, meets and shares time. */
export interface LinkView extends SkillRef {
  /** The level the learner wants to reach. */
  readonly wantedLevel: number;
  readonly fit: LevelFit;
  readonly meeting: MeetingPlace;
  /** Weekly minutes both are free for this skill (a flexible side counts as free all week). */
  readonly overlapMinutes: number;
}

export interface Recommendation {
  readonly handle: string;
  readonly displayName: string;
  readonly score: number;
  readonly components: ScoreComponents;
  /** "exact" when both skills fit exactly; "near" when either teacher is a level short. */
  readonly fit: LevelFit;
  readonly theyTeach: LinkView;
  readonly youTeach: LinkView;
  readonly distanceKm: number | null;
  /** Weekly minutes both sessions can share: the smaller of the two links' overlaps. */
  readonly overlapMinutes: number;
  readonly explanation: string;
}

export interface CycleRecommendation {
  readonly people: readonly [string, string];
  readonly score: number;
  readonly links: ReadonlyArray<{ teacher: string; learner: string; skill: LinkView }>;
  /** The smallest weekly overlap of the three links. */
  readonly overlapMinutes: number;
  readonly explanation: string;
}

export interface TeacherRecommendation {
  readonly handle: string;
  readonly displayName: string;
  readonly score: number;
  readonly skill: LinkView;
  readonly distanceKm: number | null;
  readonly overlapMinutes: number;
  readonly explanation: string;
}

const round3 = (score: number) => Math.round(score * 1000) / 1000;
const wholeKm = (km: number | null) => (km === null ? null : Math.round(km));

function linkView(link: SkillLink, nameOf: SkillNames): LinkView {
  return {
    skillId: link.skillId,
    name: nameOf(link.skillId),
    level: link.teacherLevel,
    wantedLevel: link.wantedLevel,
    fit: link.fit,
    meeting: link.meeting,
    overlapMinutes: link.overlapMinutes,
  };
}

export function pairView(m: PairMatch, nameOf: SkillNames): Recommendation {
  return {
    handle: m.partner.handle,
    displayName: m.partner.displayName,
    score: round3(m.score),
    components: m.components,
    fit: m.nearFits === 0 ? "exact" : "near",
    theyTeach: linkView(m.theyTeach, nameOf),
    youTeach: linkView(m.youTeach, nameOf),
    distanceKm: wholeKm(m.theyTeach.km),
    overlapMinutes: m.overlapMinutes,
    explanation: explainPair(m, nameOf),
  };
}

export function cycleView(c: CycleMatch, nameOf: SkillNames, actorId: string): CycleRecommendation {
  return {
    people: [c.links[1].teacher.handle, c.links[2].teacher.handle],
    score: round3(c.score),
    links: c.links.map((l) => ({
      teacher: l.teacher.handle,
      learner: l.learner.handle,
      skill: linkView(l.link, nameOf),
    })),
    overlapMinutes: Math.min(...c.links.map((l) => l.link.overlapMinutes)),
    explanation: explainCycle(c, nameOf, actorId),
  };
}

export function teacherView(t: TeacherMatch, nameOf: SkillNames): TeacherRecommendation {
  return {
    handle: t.teacher.handle,
    displayName: t.teacher.displayName,
    score: round3(t.score),
    skill: linkView(t.link, nameOf),
    distanceKm: wholeKm(t.link.km),
    overlapMinutes: t.link.overlapMinutes,
    explanation: [explainTeachesYou(t.link, nameOf), explainTime(t.link), explainPlace([t.link])].join("; "),
  };
}
