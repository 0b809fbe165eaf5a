import {
  availabilityScore,
  bestLink,
  distanceScore,
  freshnessScore,
  harmonicMean,
  levelFit,
  totalScore,
  trustScore,
} from "./rules.js";
import type { CycleLink, CycleMatch, MatchProfile, PairMatch, SkillLink } from "./types.js";

/** Says whether an open swap already ties the actor and `partnerId` on this skill pair. */
export type OpenSwapCheck = (partnerId: string, youTeachSkillId: string, theyTeachSkillId: string) => boolean;

const byScoreThenHandle =
  <T extends { score: number }>(handle: (item: T) => string) =>
  (a: T, b: T) =>
    b.score - a.score || handle(a).localeCompare(handle(b));

/** Scores one reciprocal pair, or null when they are not reciprocal or cannot meet. */
export function scorePair(
  actor: MatchProfile,
  partner: MatchProfile,
  now: Date,
  openSwap: OpenSwapCheck,
): PairMatch | null {
  if (partner.userId === actor.userId) return null;
  const theyTeach = bestLink(partner, actor);
  const youTeach = bestLink(actor, partner);
  if (theyTeach === null || youTeach === null) return null;
  if (openSwap(partner.userId, youTeach.skillId, theyTeach.skillId)) return null;
  const distance = distanceScore(actor, partner);
  if (distance.score === 0) return null;
  const availability = availabilityScore(actor, partner);
  const components = {
    reciprocity: harmonicMean(theyTeach.fit, youTeach.fit),
    availability: availability.score,
    distance: distance.score,
    trust: trustScore(partner),
    freshness: freshnessScore(partner, now),
  };
  return {
    partner,
    score: totalScore(components),
    components,
    theyTeach,
    youTeach,
    sharedSlot: availability.shared,
    distanceKm: distance.km,
  };
}

/** Ranked reciprocal partners. Deterministic: ties break on handle, never on input order. */
export function recommendPairs(
  actor: MatchProfile,
  candidates: Iterable<MatchProfile>,
  now: Date,
  openSwap: OpenSwapCheck,
  limit: number,
): PairMatch[] {
  const matches: PairMatch[] = [];
  for (const candidate of candidates) {
    const match = scorePair(actor, candidate, now, openSwap);
    if (match !== null) matches.push(match);
  }
  return matches.sort(byScoreThenHandle((m) => m.partner.handle)).slice(0, limit);
}

/** One-way: people who can teach the actor `skillId`, whether or not they want anything back. */
export function teachersFor(
  actor: MatchProfile,
  skillId: string,
  candidates: Iterable<MatchProfile>,
  now: Date,
  limit: number,
) {
  const wanted = actor.learns.get(skillId) ?? 1;
  const results: Array<{ teacher: MatchProfile; link: SkillLink; score: number; distanceKm: number | null }> = [];
  for (const teacher of candidates) {
    const level = teacher.teaches.get(skillId);
    if (teacher.userId === actor.userId || level === undefined) continue;
    const fit = levelFit(level, wanted);
    const distance = distanceScore(actor, teacher);
    if (fit === 0 || distance.score === 0) continue;
    const score =
      fit *
      availabilityScore(actor, teacher).score *
      distance.score *
      trustScore(teacher) *
      freshnessScore(teacher, now);
    results.push({
      teacher,
      link: { skillId, teacherLevel: level, wantedLevel: wanted, fit },
      score,
      distanceKm: distance.km,
    });
  }
  return results.sort(byScoreThenHandle((r) => r.teacher.handle)).slice(0, limit);
}

/** How well `teacher` can teach `learner` one thing: level fit × shared time × distance (for cycles' links). */
function edge(teacher: MatchProfile, learner: MatchProfile): CycleLink | null {
  const link = bestLink(teacher, learner);
  if (link === null) return null;
  const distance = Math.min(distanceScore(teacher, learner).score, distanceScore(learner, teacher).score);
  if (distance === 0) return null;
  return { teacher, learner, link, score: link.fit * availabilityScore(teacher, learner).score * distance };
}

export interface CycleLimits {
  /** How many people the actor can teach are explored (B), and from each of them how many onward (C). */
  readonly fanOut: number;
  readonly limit: number;
}

/**
 * Three-way swaps through the actor: actor → B → C → actor, each arrow "teaches something the next wants".
 * Work is bounded by fanOut² edge checks, whatever the size of the pool. People who already form a direct
 * pair with the actor are left out: a pair is simpler to arrange than a cycle. Each person appears in one offered
 * cycle at most.
 */
export function findCycles(actor: MatchProfile, pool: readonly MatchProfile[], limits: CycleLimits): CycleMatch[] {
  const toActor = new Map<string, CycleLink>();
  const fromActor: CycleLink[] = [];
  for (const person of pool) {
    if (person.userId === actor.userId) continue;
    const inbound = edge(person, actor);
    const outbound = edge(actor, person);
    if (inbound !== null && outbound !== null) continue;
    if (inbound !== null) toActor.set(person.userId, inbound);
    if (outbound !== null) fromActor.push(outbound);
  }
  fromActor.sort(byScoreThenHandle((l) => l.learner.handle));
  // Only the strongest few on each side are explored: the work stays fanOut² whatever the pool size.
  const closers = [...toActor.values()].sort(byScoreThenHandle((l) => l.teacher.handle)).slice(0, limits.fanOut);
  const cycles: CycleMatch[] = [];
  for (const first of fromActor.slice(0, limits.fanOut)) {
    const b = first.learner;
    for (const third of closers) {
      if (third.teacher.userId === b.userId) continue;
      const second = edge(b, third.teacher);
      if (second === null) continue;
      cycles.push({ links: [first, second, third], score: Math.min(first.score, second.score, third.score) });
    }
  }
  cycles.sort(
    (a, b) =>
      b.score - a.score ||
      a.links[1].teacher.handle.localeCompare(b.links[1].teacher.handle) ||
      a.links[2].teacher.handle.localeCompare(b.links[2].teacher.handle),
  );
  // One offer per person: ten cycles through the same popular teacher would be one suggestion, ten times.
  const offered = new Set<string>();
  const distinct: CycleMatch[] = [];
  for (const cycle of cycles) {
    const b = cycle.links[1].teacher.userId;
    const c = cycle.links[2].teacher.userId;
    if (offered.has(b) || offered.has(c)) continue;
    offered.add(b).add(c);
    distinct.push(cycle);
    if (distinct.length === limits.limit) break;
  }
  return distinct;
}
