/**
 * Skill ids arrive as a fresh string on every database row, so two profiles' maps would hold different copies
 * of the same id and every lookup between them would compare characters. Matching looks skills up millions of
 * times a second, so each id gets one shared copy and a small dense number: profiles store numbers (a few
 * bytes each instead of a Map per person), comparisons are integer checks, and the index keys postings by
 * number. The table holds one entry per skill in the catalog, so it stays small.
 */
const numbers = new Map<string, number>();
const ids: string[] = [];

/** The skill's number, assigned on first sight. */
export function skillNumber(id: string): number {
  const known = numbers.get(id);
  if (known !== undefined) return known;
  numbers.set(id, ids.length);
  ids.push(id);
  return ids.length - 1;
}

/** The skill's number if it has one; a lookup never grows the table. */
export function knownSkillNumber(id: string): number | undefined {
  return numbers.get(id);
}

export function skillIdOf(skill: number): string {
  return ids[skill] ?? "";
}
