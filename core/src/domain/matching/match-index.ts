import type { MatchProfile } from "./types.js";

/**
 * Every matchable person in memory, with skill → teachers and skill → learners postings, so a recommendation
 * only touches the people who share a skill with the actor. It is a cache: who may see whom is re-checked in
 * the database for the few results shown (see service.ts), so a stale entry can cost relevance, never privacy.
 */
export class MatchIndex {
  private readonly profiles = new Map<string, MatchProfile>();
  private readonly teachers = new Map<string, Set<string>>();
  private readonly learners = new Map<string, Set<string>>();

  get size(): number {
    return this.profiles.size;
  }

  get(userId: string): MatchProfile | undefined {
    return this.profiles.get(userId);
  }

  upsert(profile: MatchProfile): void {
    this.remove(profile.userId);
    this.profiles.set(profile.userId, profile);
    for (const skillId of profile.teaches.keys()) post(this.teachers, skillId, profile.userId);
    for (const skillId of profile.learns.keys()) post(this.learners, skillId, profile.userId);
  }

  remove(userId: string): void {
    const old = this.profiles.get(userId);
    if (old === undefined) return;
    this.profiles.delete(userId);
    for (const skillId of old.teaches.keys()) this.teachers.get(skillId)?.delete(userId);
    for (const skillId of old.learns.keys()) this.learners.get(skillId)?.delete(userId);
  }

  /** People who teach any of `skillIds`, each once, in a stable order. */
  teachersOfAny(skillIds: Iterable<string>): MatchProfile[] {
    return this.collect(this.teachers, skillIds);
  }

  /** People who want to learn any of `skillIds`, each once, in a stable order. */
  learnersOfAny(skillIds: Iterable<string>): MatchProfile[] {
    return this.collect(this.learners, skillIds);
  }

  /**
   * People who teach any of `teach` and want any of `learn`: the only ones who can be reciprocal partners.
   * Walks the smaller of the two postings unions and checks the other condition on each profile's own skills,
   * so the cost follows the rarer side and builds no intermediate sets.
   */
  reciprocalCandidates(teach: Iterable<string>, learn: Iterable<string>): MatchProfile[] {
    const teachSkills = [...teach].sort();
    const learnSkills = [...learn].sort();
    const sizeOf = (postings: Map<string, Set<string>>, skills: string[]) =>
      skills.reduce((n, id) => n + (postings.get(id)?.size ?? 0), 0);
    const walkTeachers = sizeOf(this.teachers, teachSkills) <= sizeOf(this.learners, learnSkills);
    const [postings, walked] = walkTeachers ? [this.teachers, teachSkills] : [this.learners, learnSkills];
    const matchesOther = walkTeachers
      ? (profile: MatchProfile) => learnSkills.some((skillId) => profile.learns.has(skillId))
      : (profile: MatchProfile) => teachSkills.some((skillId) => profile.teaches.has(skillId));
    const found = new Map<string, MatchProfile>();
    for (const skillId of walked) {
      for (const id of postings.get(skillId) ?? []) {
        if (found.has(id)) continue;
        const profile = this.profiles.get(id);
        if (profile !== undefined && matchesOther(profile)) found.set(id, profile);
      }
    }
    return [...found.values()];
  }

  private collect(postings: Map<string, Set<string>>, skillIds: Iterable<string>): MatchProfile[] {
    const ids = new Set<string>();
    for (const skillId of [...skillIds].sort()) for (const id of postings.get(skillId) ?? []) ids.add(id);
    const found: MatchProfile[] = [];
    for (const id of ids) {
      const profile = this.profiles.get(id);
      if (profile !== undefined) found.push(profile);
    }
    return found;
  }
}

function post(postings: Map<string, Set<string>>, skillId: string, userId: string): void {
  const set = postings.get(skillId);
  if (set === undefined) postings.set(skillId, new Set([userId]));
  else set.add(userId);
}
