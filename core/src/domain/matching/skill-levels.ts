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
    for (const [id, level] of entries) SkillLevels.put(codes, id, level);
    return SkillLevels.fromCodes(codes);
  }

  /**
   * Adds a skill's level to `codes` (replacing an earlier level for the same skill): building codes directly
   * spares an index build 550,000 [id, level] pairs at 100,000 people.
   */
  static put(codes: number[], skillId: string, level: number): void {
    const skill = skillNumber(skillId);
    const code = (skill << levelBits) | (level & levelMask);
    for (let at = 0; at < codes.length; at++)
      if ((codes[at] ?? 0) >>> levelBits === skill) {
        codes[at] = code;
        return;
      }
    codes.push(code);
  }

  /** Levels from codes made by put(). */
  static fromCodes(codes: readonly number[]): SkillLevels {
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
