import {
  availabilityScore,
  bestLink,
  distanceScore,
  freshnessScore,
  harmonicMean,
  levelFit,
  mutualDistanceScore,
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
  // Distance first: for someone who only meets in person, it turns most candidates away, and it is the cheaper test.
  const distance = distanceScore(actor, partner);
  if (distance.score === 0) return null;
  const theyTeach = bestLink(partner, actor);
  const youTeach = bestLink(actor, partner);
  if (theyTeach === null || youTeach === null) return null;
  if (openSwap(partner.userId, youTeach.skillId, theyTeach.skillId)) return null;
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

// A hair of slack on the bound below: it must hold however the last bit of a product or an exp() rounds.
const boundSlack = 1 + 1e-9;

/**
 * recommendPairs for candidates that come most recently active first: the same answer, but it stops at the
 * first candidate who cannot enter the top `limit`. Every factor of a score is at most 1, trust at most
 * `trustCeiling`, and freshness only falls along the list, so trust ceiling × freshness bounds everyone after.
 * A bound equal to the current last place does not stop the walk: a tie there is won on handle.
 */
export function recommendPairsFreshestFirst(
  actor: MatchProfile,
  candidatesByRecency: Iterable<MatchProfile>,
  now: Date,
  openSwap: OpenSwapCheck,
  limit: number,
  trustCeiling: number,
): PairMatch[] {
  const order = byScoreThenHandle<PairMatch>((m) => m.partner.handle);
  const top: PairMatch[] = [];
  if (limit <= 0) return top;
  for (const candidate of candidatesByRecency) {
    const last = top.length === limit ? top[limit - 1] : undefined;
    if (last !== undefined && trustCeiling * freshnessScore(candidate, now) * boundSlack < last.score) break;
    const match = scorePair(actor, candidate, now, openSwap);
    if (match === null || (last !== undefined && order(match, last) >= 0)) continue;
    insertRanked(top, match, order);
    if (top.length > limit) top.pop();
  }
  return top;
}

/** Puts `item` into `ranked` (sorted by `order`) after every item it does not beat, as a stable sort would. */
function insertRanked<T>(ranked: T[], item: T, order: (a: T, b: T) => number): void {
  let at = ranked.length;
  while (at > 0 && order(item, ranked[at - 1] as T) < 0) at--;
  ranked.splice(at, 0, item);
}

/** [...items].sort(order).slice(0, limit), without ordering the many that cannot make the cut. */
function topOf<T>(items: Iterable<T>, order: (a: T, b: T) => number, limit: number): T[] {
  const top: T[] = [];
  if (limit <= 0) return top;
  for (const item of items) {
    const last = top[limit - 1];
    if (last !== undefined && order(item, last) >= 0) continue;
    insertRanked(top, item, order);
    if (top.length > limit) top.pop();
  }
  return top;
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
  const distance = mutualDistanceScore(teacher, learner);
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
    // edge() both ways, sharing what is symmetric: distance (both maximums apply) and shared time.
    const inbound = bestLink(person, actor);
    const outbound = bestLink(actor, person);
    if ((inbound !== null && outbound !== null) || (inbound === null && outbound === null)) continue;
    const distance = mutualDistanceScore(actor, person);
    if (distance === 0) continue;
    const availability = availabilityScore(actor, person).score;
    if (inbound !== null)
      toActor.set(person.userId, {
        teacher: person,
        learner: actor,
        link: inbound,
        score: inbound.fit * availability * distance,
      });
    if (outbound !== null)
      fromActor.push({
        teacher: actor,
        learner: person,
        link: outbound,
        score: outbound.fit * availability * distance,
      });
  }
  // Only the strongest few on each side are explored: the work stays fanOut² whatever the pool size.
  const openers = topOf(
    fromActor,
    byScoreThenHandle<CycleLink>((l) => l.learner.handle),
    limits.fanOut,
  );
  const closers = topOf(
    toActor.values(),
    byScoreThenHandle<CycleLink>((l) => l.teacher.handle),
    limits.fanOut,
  );
  const cycles: CycleMatch[] = [];
  for (const first of openers) {
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
