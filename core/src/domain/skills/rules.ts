import { editDistance } from "../../text/edit-distance.js";
import { maxSkillsPerUser } from "./types.js";

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
