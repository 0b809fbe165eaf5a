import { maxSkillsPerUser } from "./types.js";

/** Optimal string alignment distance (Levenshtein + adjacent transpositions), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (prevPrev[j - 2] ?? 0) + 1);
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** How many typos a word of this length may carry and still be recognised: none for "js", two for "javscript". */
export function typoBudget(length: number): number {
  return length <= 3 ? 0 : length <= 6 ? 1 : 2;
}

/** The closest known names to a typed one, best first, for "did you mean …" answers. */
export function closestNames(typed: string, known: ReadonlyMap<string, string>, max = 3): string[] {
  const budget = typoBudget(typed.length);
  const scored: Array<{ name: string; distance: number }> = [];
  for (const [normalised, name] of known) {
    const distance = editDistance(typed, normalised, budget);
    if (distance <= budget) scored.push({ name, distance });
  }
  scored.sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
  return [...new Set(scored.map((s) => s.name))].slice(0, max);
}

export function canAddSkill(currentCount: number): boolean {
  return currentCount < maxSkillsPerUser;
}
