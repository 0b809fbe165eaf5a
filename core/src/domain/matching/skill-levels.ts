import { knownSkillNumber, skillIdOf, skillNumber } from "./skill-ids.js";

// Levels run 1–5: three bits, next to the skill number in one small integer.
const levelBits = 3;
const levelMask = (1 << levelBits) - 1;

/**
 * A read-only map of skill id → level (1–5), as one small array of integers. The index holds two per person,
 * and a Map costs a few hundred bytes even for three entries; this costs about a hundred, and matching
 * compares skill numbers rather than strings.
 */
export class SkillLevels {
  static readonly none = new SkillLevels([]);

  private constructor(private readonly codes: readonly number[]) {}

  /** Later entries for the same skill replace earlier ones, as in a Map. */
  static of(entries: Iterable<readonly [string, number]>): SkillLevels {
    const codes: number[] = [];
    for (const [id, level] of entries) {
      const skill = skillNumber(id);
      const at = codes.findIndex((code) => code >>> levelBits === skill);
      const code = (skill << levelBits) | (level & levelMask);
      if (at >= 0) codes[at] = code;
      else codes.push(code);
    }
    // A copy is exactly as long as its entries; the array grown by push keeps room for 17.
    return codes.length === 0 ? SkillLevels.none : new SkillLevels(codes.slice());
  }

  get size(): number {
    return this.codes.length;
  }

  /** The skill number of the i-th entry (0 ≤ i < size). */
  skillAt(i: number): number {
    return (this.codes[i] ?? 0) >>> levelBits;
  }

  levelAt(i: number): number {
    return (this.codes[i] ?? 0) & levelMask;
  }

  /** The level for a skill number, or undefined. */
  levelOf(skill: number): number | undefined {
    for (const code of this.codes) if (code >>> levelBits === skill) return code & levelMask;
    return undefined;
  }

  get(skillId: string): number | undefined {
    const skill = knownSkillNumber(skillId);
    return skill === undefined ? undefined : this.levelOf(skill);
  }

  has(skillId: string): boolean {
    return this.get(skillId) !== undefined;
  }

  /** Skill numbers, for the index. */
  skills(): number[] {
    return this.codes.map((code) => code >>> levelBits);
  }

  keys(): IterableIterator<string> {
    return this.codes.map((code) => skillIdOf(code >>> levelBits)).values();
  }

  [Symbol.iterator](): IterableIterator<[string, number]> {
    return this.codes.map((code): [string, number] => [skillIdOf(code >>> levelBits), code & levelMask]).values();
  }
}
