import { trustScore } from "./rules.js";
import type { MatchProfile } from "./types.js";

/** Most recently active first, then by id: the order postings are kept in, and a total order over people. */
export function byRecency(a: MatchProfile, b: MatchProfile): number {
  return b.lastActiveAt.getTime() - a.lastActiveAt.getTime() || a.userId.localeCompare(b.userId);
}

/**
 * Every matchable person in memory, with skill → teachers and skill → learners postings, so a recommendation
 * only touches the people who share a skill with the actor. It is a cache: who may see whom is re-checked in
 * the database for the few results shown (see service.ts), so a stale entry can cost relevance, never privacy.
 *
 * Postings are kept sorted by recency. Freshness is a factor of every score, so ranking can walk people most
 * recent first and stop early (see recommendPairsFreshestFirst), and "the N most recent" is a merge of a few
 * sorted lists rather than a sort of thousands on every request.
 */
export class MatchIndex {
  private readonly profiles = new Map<string, MatchProfile>();
  private readonly teachers = new Map<string, MatchProfile[]>();
  private readonly learners = new Map<string, MatchProfile[]>();
  /** "taught|learned" → people who teach the first and want the second: reciprocal candidates, no one else. */
  private readonly pairs = new Map<string, MatchProfile[]>();
  private highestTrust = 0;

  /** An index of `profiles`, each posting sorted once rather than kept sorted one insertion at a time. */
  static of(profiles: Iterable<MatchProfile>): MatchIndex {
    const index = new MatchIndex();
    for (const profile of profiles) {
      index.remove(profile.userId);
      index.profiles.set(profile.userId, profile);
      index.highestTrust = Math.max(index.highestTrust, trustScore(profile));
      for (const skillId of profile.teaches.keys()) append(index.teachers, skillId, profile);
      for (const skillId of profile.learns.keys()) append(index.learners, skillId, profile);
      for (const key of pairKeys(profile)) append(index.pairs, key, profile);
    }
    for (const postings of [index.teachers, index.learners, index.pairs])
      for (const list of postings.values()) list.sort(byRecency);
    return index;
  }

  get size(): number {
    return this.profiles.size;
  }

  /**
   * No one in the index has a higher trust score. It only ever rises (a removal keeps it), which keeps it an
   * upper bound without a scan; a rebuild makes it tight again.
   */
  get trustCeiling(): number {
    return this.highestTrust;
  }

  get(userId: string): MatchProfile | undefined {
    return this.profiles.get(userId);
  }

  upsert(profile: MatchProfile): void {
    this.remove(profile.userId);
    this.profiles.set(profile.userId, profile);
    this.highestTrust = Math.max(this.highestTrust, trustScore(profile));
    for (const skillId of profile.teaches.keys()) insertSorted(this.teachers, skillId, profile);
    for (const skillId of profile.learns.keys()) insertSorted(this.learners, skillId, profile);
    for (const key of pairKeys(profile)) insertSorted(this.pairs, key, profile);
  }

  remove(userId: string): void {
    const old = this.profiles.get(userId);
    if (old === undefined) return;
    this.profiles.delete(userId);
    for (const skillId of old.teaches.keys()) removeSorted(this.teachers, skillId, old);
    for (const skillId of old.learns.keys()) removeSorted(this.learners, skillId, old);
    for (const key of pairKeys(old)) removeSorted(this.pairs, key, old);
  }

  /** People who teach any of `skillIds`, each once, most recently active first. */
  teachersOfAny(skillIds: Iterable<string>, limit = Infinity): MatchProfile[] {
    return take(mergeByRecency(listsOf(this.teachers, skillIds)), limit);
  }

  /** People who want to learn any of `skillIds`, each once, most recently active first. */
  learnersOfAny(skillIds: Iterable<string>, limit = Infinity): MatchProfile[] {
    return take(mergeByRecency(listsOf(this.learners, skillIds)), limit);
  }

  /** reciprocalByRecency, all of it. */
  reciprocalCandidates(teach: Iterable<string>, learn: Iterable<string>): MatchProfile[] {
    return [...this.reciprocalByRecency(teach, learn)];
  }

  /**
   * People who teach any of `teach` and want any of `learn` (the only ones who can be reciprocal partners),
   * each once, most recently active first, produced lazily so a caller may stop early. Read from the
   * skill-pair postings, so no one is walked who then turns out not to be reciprocal.
   */
  reciprocalByRecency(teach: Iterable<string>, learn: Iterable<string>): Iterable<MatchProfile> {
    const learnSkills = [...learn];
    const keys: string[] = [];
    for (const taught of teach) for (const learned of learnSkills) keys.push(pairKey(taught, learned));
    return mergeByRecency(listsOf(this.pairs, keys));
  }
}

const pairKey = (taught: string, learned: string) => `${taught}|${learned}`;

function pairKeys(profile: MatchProfile): string[] {
  const keys: string[] = [];
  for (const taught of profile.teaches.keys())
    for (const learned of profile.learns.keys()) keys.push(pairKey(taught, learned));
  return keys;
}

function listsOf(postings: Map<string, MatchProfile[]>, skillIds: Iterable<string>): MatchProfile[][] {
  const lists: MatchProfile[][] = [];
  for (const skillId of new Set(skillIds)) {
    const list = postings.get(skillId);
    if (list !== undefined && list.length > 0) lists.push(list);
  }
  return lists;
}

/**
 * The union of recency-sorted lists, in recency order, each person once. A person on several lists sorts to
 * the same place on each, so their copies come out one after the other. This runs over thousands of people
 * per request: times are compared as numbers and the full order is consulted only on a tie.
 */
function* mergeByRecency(lists: readonly MatchProfile[][]): Generator<MatchProfile> {
  if (lists.length === 1) {
    yield* lists[0] ?? [];
    return;
  }
  const at = lists.map(() => 0);
  let previous: MatchProfile | undefined;
  for (;;) {
    let next: MatchProfile | undefined;
    let nextTime = -Infinity;
    let from = -1;
    for (let i = 0; i < lists.length; i++) {
      const head = lists[i]?.[at[i] ?? 0];
      if (head === undefined) continue;
      const time = head.lastActiveAt.getTime();
      if (next === undefined || time > nextTime || (time === nextTime && head !== next && byRecency(head, next) < 0)) {
        next = head;
        nextTime = time;
        from = i;
      }
    }
    if (next === undefined) return;
    at[from] = (at[from] ?? 0) + 1;
    if (next !== previous) yield next;
    previous = next;
  }
}

function take<T>(items: Iterable<T>, limit: number): T[] {
  const taken: T[] = [];
  if (limit <= 0) return taken;
  for (const item of items) {
    taken.push(item);
    if (taken.length >= limit) break;
  }
  return taken;
}

/** Where `profile` goes in a recency-sorted list: the first position whose person sorts after it. */
function positionOf(list: readonly MatchProfile[], profile: MatchProfile): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const other = list[middle];
    if (other !== undefined && byRecency(other, profile) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function append(postings: Map<string, MatchProfile[]>, skillId: string, profile: MatchProfile): void {
  const list = postings.get(skillId);
  if (list === undefined) postings.set(skillId, [profile]);
  else list.push(profile);
}

function insertSorted(postings: Map<string, MatchProfile[]>, skillId: string, profile: MatchProfile): void {
  const list = postings.get(skillId);
  if (list === undefined) postings.set(skillId, [profile]);
  else list.splice(positionOf(list, profile), 0, profile);
}

function removeSorted(postings: Map<string, MatchProfile[]>, skillId: string, profile: MatchProfile): void {
  const list = postings.get(skillId);
  if (list === undefined) return;
  let at = positionOf(list, profile);
  if (list[at]?.userId !== profile.userId) at = list.findIndex((p) => p.userId === profile.userId);
  if (at >= 0) list.splice(at, 1);
}
