import { Postings, type PersonOrder } from "./postings.js";
import { trustScore } from "./rules.js";
import { knownSkillNumber } from "./skill-ids.js";
import type { MatchProfile } from "./types.js";

/** Most recently active first, then by id: the order postings are kept in, and a total order over people. */
export function byRecency(a: MatchProfile, b: MatchProfile): number {
  return b.lastActiveAt.getTime() - a.lastActiveAt.getTime() || a.userId.localeCompare(b.userId);
}

// Skill numbers stay far below 2^15 (one per catalog skill), so a pair of them is one 32-bit key.
const pairStride = 1 << 16;
const pairKey = (taught: number, learned: number) => taught * pairStride + learned;

/**
 * Every matchable person in memory, with skill → teachers and skill → learners postings, so a recommendation
 * only touches the people who share a skill with the actor. It is a cache: who may see whom is re-checked in
 * the database for the few results shown (see service.ts), so a stale entry can cost relevance, never privacy.
 *
 * Postings are kept sorted by recency. Freshness is a factor of every score, so ranking can walk people most
 * recent first and stop early (see recommendPairsFreshestFirst), and "the N most recent" is a merge of a few
 * sorted lists rather than a sort of thousands on every request.
 *
 * People are numbered, and postings hold numbers (see postings.ts): at 100,000 people, lists of object
 * references and per-list Maps cost more memory than the profiles. A number stays with its user id for the
 * index's life; a removed person leaves a hole.
 */
export class MatchIndex {
  private readonly people: Array<MatchProfile | undefined> = [];
  private readonly numbers = new Map<string, number>();
  /** lastActiveAt in ms by person number: merges compare these without touching the profiles. */
  private readonly activeAt: number[] = [];
  private count = 0;
  private highestTrust = 0;
  private teachers = Postings.empty();
  private learners = Postings.empty();
  /** (taught, learned) → people who teach the first and want the second: reciprocal candidates, no one else. */
  private pairs = Postings.empty();

  private readonly order: PersonOrder = (a, b) =>
    (this.activeAt[b] ?? 0) - (this.activeAt[a] ?? 0) ||
    (this.people[a]?.userId ?? "").localeCompare(this.people[b]?.userId ?? "");

  /** An index of `profiles` (the last one wins for a repeated user id), its postings laid out once, in order. */
  static of(profiles: Iterable<MatchProfile>): MatchIndex {
    const latest = new Map<string, MatchProfile>();
    for (const profile of profiles) latest.set(profile.userId, profile);
    const people = [...latest.values()].sort(byRecency);
    latest.clear();
    const index = new MatchIndex();
    people.forEach((profile, n) => index.add(n, profile));
    const at = (n: number) => people[n] as MatchProfile;
    index.teachers = Postings.build(people.length, (n) => at(n).teaches.skills());
    index.learners = Postings.build(people.length, (n) => at(n).learns.skills());
    index.pairs = Postings.build(people.length, (n) => pairKeys(at(n)));
    return index;
  }

  get size(): number {
    return this.count;
  }

  /**
   * No one in the index has a higher trust score. It only ever rises (a removal keeps it), which keeps it an
   * upper bound without a scan; a rebuild makes it tight again.
   */
  get trustCeiling(): number {
    return this.highestTrust;
  }

  get(userId: string): MatchProfile | undefined {
    const n = this.numbers.get(userId);
    return n === undefined ? undefined : this.people[n];
  }

  upsert(profile: MatchProfile): void {
    this.remove(profile.userId);
    const n = this.numbers.get(profile.userId) ?? this.people.length;
    this.add(n, profile);
    for (const skill of profile.teaches.skills()) this.teachers.insert(skill, n, this.order);
    for (const skill of profile.learns.skills()) this.learners.insert(skill, n, this.order);
    for (const key of pairKeys(profile)) this.pairs.insert(key, n, this.order);
  }

  remove(userId: string): void {
    const n = this.numbers.get(userId);
    const old = n === undefined ? undefined : this.people[n];
    if (n === undefined || old === undefined) return;
    for (const skill of old.teaches.skills()) this.teachers.remove(skill, n, this.order);
    for (const skill of old.learns.skills()) this.learners.remove(skill, n, this.order);
    for (const key of pairKeys(old)) this.pairs.remove(key, n, this.order);
    this.people[n] = undefined;
    this.count--;
  }

  /** People who teach any of `skillIds` (and pass `where`), each once, most recently active first. */
  teachersOfAny(skillIds: Iterable<string>, limit = Infinity, where: Where = always): MatchProfile[] {
    return take(this.walkOf(listsOf(this.teachers, skillNumbers(skillIds))), limit, where);
  }

  /** People who want to learn any of `skillIds` (and pass `where`), each once, most recently active first. */
  learnersOfAny(skillIds: Iterable<string>, limit = Infinity, where: Where = always): MatchProfile[] {
    return take(this.walkOf(listsOf(this.learners, skillNumbers(skillIds))), limit, where);
  }

  /** reciprocalByRecency, all of it. */
  reciprocalCandidates(teach: Iterable<string>, learn: Iterable<string>): MatchProfile[] {
    return take(this.reciprocalByRecency(teach, learn), Infinity, always);
  }

  /**
   * People who teach any of `teach` and want any of `learn` (the only ones who can be reciprocal partners),
   * each once, most recently active first, as a walk the caller may stop early. Read from the skill-pair
   * postings, so no one is walked who then turns out not to be reciprocal.
   */
  reciprocalByRecency(teach: Iterable<string>, learn: Iterable<string>): Walk {
    const learnSkills = skillNumbers(learn);
    const keys: number[] = [];
    for (const taught of skillNumbers(teach)) for (const learned of learnSkills) keys.push(pairKey(taught, learned));
    return this.walkOf(listsOf(this.pairs, keys));
  }

  private add(n: number, profile: MatchProfile): void {
    this.people[n] = profile;
    this.numbers.set(profile.userId, n);
    this.activeAt[n] = profile.lastActiveAt.getTime();
    this.count++;
    this.highestTrust = Math.max(this.highestTrust, trustScore(profile));
  }

  /**
   * The union of recency-sorted lists, in recency order, each person once, handed to `visit` until it answers
   * false. A person on several lists sorts to the same place on each, so their copies come out one after the
   * other. This runs over thousands of people per request: times are compared as numbers and the full order is
   * consulted only on a tie; and it is a loop with a callback, not a generator, which allocated a result object
   * per person.
   */
  private walkOf(lists: ReadonlyArray<ArrayLike<number>>): Walk {
    const { people, activeAt, order } = this;
    return (visit) => {
      const only = lists.length === 1 ? lists[0] : undefined;
      if (only !== undefined) {
        for (let i = 0; i < only.length; i++) {
          const person = people[only[i] ?? -1];
          if (person !== undefined && !visit(person)) return;
        }
        return;
      }
      const at = lists.map(() => 0);
      let previous = -1;
      for (;;) {
        let next = -1;
        let nextTime = -Infinity;
        let from = -1;
        for (let i = 0; i < lists.length; i++) {
          const list = lists[i] as ArrayLike<number>;
          const position = at[i] ?? 0;
          if (position >= list.length) continue;
          const head = list[position] ?? 0;
          const time = activeAt[head] ?? 0;
          if (next < 0 || time > nextTime || (time === nextTime && head !== next && order(head, next) < 0)) {
            next = head;
            nextTime = time;
            from = i;
          }
        }
        if (next < 0) return;
        at[from] = (at[from] ?? 0) + 1;
        const person = next === previous ? undefined : people[next];
        if (person !== undefined && !visit(person)) return;
        previous = next;
      }
    };
  }
}

function pairKeys(profile: MatchProfile): number[] {
  const keys: number[] = [];
  const { teaches, learns } = profile;
  for (let t = 0; t < teaches.size; t++)
    for (let l = 0; l < learns.size; l++) keys.push(pairKey(teaches.skillAt(t), learns.skillAt(l)));
  return keys;
}

/** The numbers of the skills the index can know: a skill never seen has no one under it. */
function skillNumbers(skillIds: Iterable<string>): number[] {
  const skills: number[] = [];
  for (const id of skillIds) {
    const skill = knownSkillNumber(id);
    if (skill !== undefined) skills.push(skill);
  }
  return skills;
}

function listsOf(postings: Postings, keys: readonly number[]): Array<ArrayLike<number>> {
  const lists: Array<ArrayLike<number>> = [];
  for (const key of new Set(keys)) {
    const list = postings.list(key);
    if (list.length > 0) lists.push(list);
  }
  return lists;
}

type Where = (person: MatchProfile) => boolean;
const always: Where = () => true;

/** People in some order, handed to `visit` one by one until it answers false. */
export type Walk = (visit: (person: MatchProfile) => boolean) => void;

/** The first `limit` people of a walk that pass `where`: people left out never take a place. */
function take(walk: Walk, limit: number, where: Where): MatchProfile[] {
  const taken: MatchProfile[] = [];
  if (limit <= 0) return taken;
  walk((person) => {
    if (where(person)) taken.push(person);
    return taken.length < limit;
  });
  return taken;
}
