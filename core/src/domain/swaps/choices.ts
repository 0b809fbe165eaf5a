/** A skill one of two people teaches, as a swap request between them may name it. */
export interface SwapChoice {
  readonly name: string;
  /** The teacher's level. */
  readonly level: number;
  /** The other person has it on their list of skills to learn. */
  readonly wanted: boolean;
}

/** What two people could swap, seen by the one about to ask: a request names one skill of each list. */
export interface SwapChoices {
  readonly handle: string;
  readonly displayName: string;
  /** What they teach: the `want` of a request. */
  readonly theyTeach: readonly SwapChoice[];
  /** What you teach: the `offer` of a request. */
  readonly youTeach: readonly SwapChoice[];
}

/** One row of someone's skills: which skill, taught or learnt, at what level. */
export interface HeldSkill {
  readonly skillId: string;
  readonly name: string;
  readonly direction: string;
  readonly level: number;
}

/**
 * What `teacher` could teach `learner`: every skill they teach, since a request may name any of them, the ones
 * the learner wants first (best taught first), then the others by name.
 */
export function choicesFor(teacher: readonly HeldSkill[], learner: readonly HeldSkill[]): SwapChoice[] {
  const wanted = new Set(learner.filter((s) => s.direction === "learn").map((s) => s.skillId));
  return teacher
    .filter((s) => s.direction === "teach")
    .map((s) => ({ name: s.name, level: s.level, wanted: wanted.has(s.skillId) }))
    .sort((a, b) => Number(b.wanted) - Number(a.wanted) || b.level - a.level || a.name.localeCompare(b.name));
}
