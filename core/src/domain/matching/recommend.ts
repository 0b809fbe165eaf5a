import { kmBetween, linkFor, linkScore, linksBetween } from "./links.js";
import { insertRanked, topOf } from "./ranking.js";
import { byFit, fitWeight, freshnessScore, harmonicMean, totalScore, trustScore, type LevelPolicy } from "./rules.js";
import type { Walk } from "./match-index.js";
import { knownSkillNumber } from "./skill-ids.js";
import type { MatchProfile, PairMatch, SkillLink } from "./types.js";

/** Says whether an open swap already ties the actor and `partnerId` on this skill pair. */
export type OpenSwapCheck = (partnerId: string, youTeachSkillId: string, theyTeachSkillId: string) => boolean;

/** Whom the actor may be offered at all (visibility, blocks): decided before anyone is ranked. */
export type Admit = (person: MatchProfile) => boolean;
const everyone: Admit = () => true;

const byHandle = (a: string, b: string) => a.localeCompare(b);

/**
 * The order of offers: fewer near fits first (an exact fit outranks every near fit, whatever the scores), then
 * the score, then the handle so that ties never depend on input order.
 */
export function byRank(a: PairMatch, b: PairMatch): number {
  return a.nearFits - b.nearFits || b.score - a.score || byHandle(a.partner.handle, b.partner.handle);
}

const nearCount = (they: SkillLink, you: SkillLink) => (they.fit === "near" ? 1 : 0) + (you.fit === "near" ? 1 : 0);

/**
 * Scores one reciprocal pair on the best skill pair they have, or null when they are not reciprocal, cannot
 * meet, or every skill pair that fits is already in an open swap between them (only that skill pair is taken:
 * the others still count).
 */
export function scorePair(
  actor: MatchProfile,
  partner: MatchProfile,
  now: Date,
  openSwap: OpenSwapCheck,
  policy: LevelPolicy,
): PairMatch | null {
  if (partner.userId === actor.userId) return null;
  const km = kmBetween(actor, partner);
  const theyTeach = linksBetween(partner, actor, km, policy);
  if (theyTeach.length === 0) return null;
  const youTeach = linksBetween(actor, partner, km, policy);
  if (youTeach.length === 0) return null;
  // The best free combination by near fits, then score (partner's trust and freshness are common to all);
  // on a tie the first, as both lists are best first.
  let best: { they: SkillLink; you: SkillLink; near: number; score: number } | null = null;
  for (const they of theyTeach)
    for (const you of youTeach) {
      if (openSwap(partner.userId, you.skillId, they.skillId)) continue;
      const near = nearCount(they, you);
      const score = pairFactors(they, you);
      if (best === null || near < best.near || (near === best.near && score > best.score))
        best = { they, you, near, score };
    }
  return best === null ? null : pairMatch(partner, best.they, best.you, now);
}

/** Reciprocity × availability × distance of a skill pair: a pair's score without the partner's own factors. */
function pairFactors(they: SkillLink, you: SkillLink): number {
  return (
    harmonicMean(fitWeight(they.fit), fitWeight(you.fit)) *
    Math.min(they.availability, you.availability) *
    Math.min(they.distance, you.distance)
  );
}

function pairMatch(partner: MatchProfile, they: SkillLink, you: SkillLink, now: Date): PairMatch {
  const components = {
    reciprocity: harmonicMean(fitWeight(they.fit), fitWeight(you.fit)),
    // Two sessions, one each way: the pair is as available and as near as its harder link.
    availability: Math.min(they.availability, you.availability),
    distance: Math.min(they.distance, you.distance),
    trust: trustScore(partner),
    freshness: freshnessScore(partner, now),
  };
  return {
    partner,
    score: totalScore(components),
    components,
    theyTeach: they,
    youTeach: you,
    nearFits: nearCount(they, you),
    overlapMinutes: Math.min(they.overlapMinutes, you.overlapMinutes),
  };
}

export interface PairOptions {
  readonly now: Date;
  readonly openSwap: OpenSwapCheck;
  readonly policy: LevelPolicy;
  readonly limit: number;
  readonly admit?: Admit;
}

/** Ranked reciprocal partners (see byRank), scoring everyone: the reference the shortcuts are tested against. */
export function recommendPairs(actor: MatchProfile, candidates: Iterable<MatchProfile>, options: PairOptions) {
  const admit = options.admit ?? everyone;
  const matches: PairMatch[] = [];
  for (const candidate of candidates) {
    if (!admit(candidate)) continue;
    const match = scorePair(actor, candidate, options.now, options.openSwap, options.policy);
    if (match !== null) matches.push(match);
  }
  return matches.sort(byRank).slice(0, options.limit);
}

// A hair of slack on the bound below: it must hold however the last bit of a product or an exp() rounds.
const boundSlack = 1 + 1e-9;

/**
 * recommendPairs for candidates that come most recently active first: the same answer, but it stops at the
 * first candidate who cannot enter the top `limit`. Every factor of a score is at most 1, trust at most
 * `trustCeiling`, and freshness only falls along the list, so trust ceiling × freshness bounds everyone after.
 * The bound speaks of scores only: it can stop the walk once the last place is an exact fit both ways (a later
 * near fit cannot pass it), never while a near fit holds a place an exact fit may still take. A bound equal to
 * the current last place does not stop the walk either: a tie there is won on handle.
 */
export function recommendPairsFreshestFirst(
  actor: MatchProfile,
  candidatesByRecency: Walk,
  options: PairOptions & { readonly trustCeiling: number },
): PairMatch[] {
  const { now, openSwap, policy, limit, trustCeiling } = options;
  const admit = options.admit ?? everyone;
  const top: PairMatch[] = [];
  if (limit <= 0) return top;
  candidatesByRecency((candidate) => {
    const last = top.length === limit ? top[limit - 1] : undefined;
    if (last?.nearFits === 0 && trustCeiling * freshnessScore(candidate, now) * boundSlack < last.score) return false;
    if (!admit(candidate)) return true;
    const match = scorePair(actor, candidate, now, openSwap, policy);
    if (match === null || (last !== undefined && byRank(match, last) >= 0)) return true;
    insertRanked(top, match, byRank);
    if (top.length > limit) top.pop();
    return true;
  });
  return top;
}

export interface TeacherMatch {
  readonly teacher: MatchProfile;
  readonly link: SkillLink;
  readonly score: number;
}

const byTeacherRank = (a: TeacherMatch, b: TeacherMatch) =>
  byFit(a.link.fit, b.link.fit) || b.score - a.score || byHandle(a.teacher.handle, b.teacher.handle);

/**
 * One-way: people who can teach the actor `skillId`, whether or not they want anything back; exact fits first,
 * each on the mode and slots the teacher set for that skill and the actor's for learning it.
 */
export function teachersFor(
  actor: MatchProfile,
  skillId: string,
  candidates: Iterable<MatchProfile>,
  options: Omit<PairOptions, "openSwap">,
): TeacherMatch[] {
  const admit = options.admit ?? everyone;
  const skill = knownSkillNumber(skillId);
  if (skill === undefined) return [];
  // Someone who has not listed the skill as one to learn is taken to start from scratch.
  const wanted = actor.learns.levelOf(skill) ?? 1;
  const results: TeacherMatch[] = [];
  for (const teacher of candidates) {
    const level = teacher.teaches.levelOf(skill);
    if (teacher.userId === actor.userId || level === undefined || !admit(teacher)) continue;
    const link = linkFor(teacher, actor, skill, { teacher: level, wanted }, kmBetween(actor, teacher), options.policy);
    if (link === null) continue;
    const score = linkScore(link) * trustScore(teacher) * freshnessScore(teacher, options.now);
    results.push({ teacher, link, score });
  }
  return topOf(results, byTeacherRank, options.limit);
}

/**
 * One-way teachers for every skill the actor wants to learn, each teacher once at the skill they fit best,
 * ranked as teachersFor ranks: the offers for when no one wants anything back.
 */
export function teachersForWanted(
  actor: MatchProfile,
  candidatesOf: (skillId: string) => Iterable<MatchProfile>,
  options: Omit<PairOptions, "openSwap">,
): TeacherMatch[] {
  const best = new Map<string, TeacherMatch>();
  for (const skillId of actor.learns.keys())
    for (const match of teachersFor(actor, skillId, candidatesOf(skillId), { ...options, limit: Infinity })) {
      const held = best.get(match.teacher.userId);
      if (held === undefined || byTeacherRank(match, held) < 0) best.set(match.teacher.userId, match);
    }
  return topOf(best.values(), byTeacherRank, options.limit);
}
