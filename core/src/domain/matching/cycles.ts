import { bestExactSkill, exactLink, hasLink, kmBetween, linkScore, type ExactSkill } from "./links.js";
import { topOf } from "./ranking.js";
import type { LevelPolicy } from "./rules.js";
import type { CycleLink, CycleMatch, MatchProfile, SkillLink } from "./types.js";

const byHandle = (a: string, b: string) => a.localeCompare(b);

export interface CycleLimits {
  /** How many people the actor can teach are explored (B), and from each of them how many onward (C). */
  readonly fanOut: number;
}

const cycleLink = (teacher: MatchProfile, learner: MatchProfile, link: SkillLink): CycleLink => ({
  teacher,
  learner,
  link,
  score: linkScore(link),
});

const byCycleRank = (a: CycleMatch, b: CycleMatch) =>
  b.score - a.score ||
  byHandle(a.links[1].teacher.handle, b.links[1].teacher.handle) ||
  byHandle(a.links[2].teacher.handle, b.links[2].teacher.handle);

/**
 * Three-way swaps through the actor, best first: actor → B → C → actor, each arrow an exact-fit link the two can
 * meet for. Work is bounded by fanOut² link checks, whatever the size of the pool. People who already form a
 * direct pair with the actor are left out: a pair is simpler to arrange than a cycle. `pool` must hold only
 * people the actor may be offered (filter first, then rank: see the service), and the list is not yet
 * thinned to one cycle per person (see onePerPerson): what can be accepted is decided in between.
 */
export function findCycles(
  actor: MatchProfile,
  pool: readonly MatchProfile[],
  limits: CycleLimits,
  policy: LevelPolicy,
): CycleMatch[] {
  return closeCycles(cycleSides(actor, pool, limits, policy), policy);
}

/** The people a cycle through the actor may run through: whom the actor teaches (B), who teaches the actor (C). */
export interface CycleSides {
  readonly openers: readonly CycleLink[];
  readonly closers: readonly CycleLink[];
}

/** findCycles' first half: the strongest `fanOut` of each side, their links built, none yet paired. */
export function cycleSides(
  actor: MatchProfile,
  pool: readonly MatchProfile[],
  limits: CycleLimits,
  policy: LevelPolicy,
): CycleSides {
  // Each side weighed without building links; the few explored get theirs built.
  type Side = { readonly person: MatchProfile; readonly km: number | null; readonly found: ExactSkill };
  const toActor: Side[] = [];
  const fromActor: Side[] = [];
  for (const person of pool) {
    if (person.userId === actor.userId) continue;
    const km = kmBetween(actor, person);
    const inbound = hasLink(person, actor, km, policy);
    if (inbound === hasLink(actor, person, km, policy)) continue;
    const found = inbound ? bestExactSkill(person, actor, km, policy) : bestExactSkill(actor, person, km, policy);
    if (found !== null) (inbound ? toActor : fromActor).push({ person, km, found });
  }
  // Only the strongest few on each side are explored: the work stays fanOut² whatever the pool size.
  const bySide = (a: Side, b: Side) => b.found.score - a.found.score || byHandle(a.person.handle, b.person.handle);
  return {
    openers: topOf(fromActor, bySide, limits.fanOut).map((s) =>
      cycleLink(actor, s.person, exactLink(actor, s.person, s.found, s.km, policy)),
    ),
    closers: topOf(toActor, bySide, limits.fanOut).map((s) =>
      cycleLink(s.person, actor, exactLink(s.person, actor, s.found, s.km, policy)),
    ),
  };
}

/** findCycles' second half: every opener B joined to every closer C that B can teach, best first. */
export function closeCycles({ openers, closers }: CycleSides, policy: LevelPolicy): CycleMatch[] {
  const cycles: CycleMatch[] = [];
  for (const first of openers) {
    const b = first.learner;
    for (const third of closers) {
      const c = third.teacher;
      if (c.userId === b.userId) continue;
      const km = kmBetween(b, c);
      const found = bestExactSkill(b, c, km, policy);
      if (found === null) continue;
      const second = cycleLink(b, c, exactLink(b, c, found, km, policy));
      cycles.push({ links: [first, second, third], score: Math.min(first.score, second.score, third.score) });
    }
  }
  return cycles.sort(byCycleRank);
}

/**
 * One offer per person, best first: ten cycles through the same popular teacher would be one suggestion, ten
 * times. A cycle that cannot be accepted is passed over before it takes anyone's place, so one that can is
 * offered instead; `acceptable` is asked only of the cycles that could still be offered.
 */
export function onePerPerson(
  ranked: readonly CycleMatch[],
  limit: number,
  acceptable: (cycle: CycleMatch) => boolean = () => true,
): CycleMatch[] {
  const offered = new Set<string>();
  const distinct: CycleMatch[] = [];
  for (const cycle of ranked) {
    if (distinct.length === limit) break;
    const b = cycle.links[1].teacher.userId;
    const c = cycle.links[2].teacher.userId;
    if (offered.has(b) || offered.has(c) || !acceptable(cycle)) continue;
    offered.add(b).add(c);
    distinct.push(cycle);
  }
  return distinct;
}
