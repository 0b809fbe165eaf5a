import type { CommandDefinition } from "../../commands/definitions.js";
import { slackWordsOf } from "./slack-command-names.js";

/** Edits (insert, delete, replace, swap two neighbours) turning `a` into `b`: "fnd" is 1 from "find". */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      const row = rows[i];
      if (row !== undefined) row[j] = best;
    }
  }
  return at(a.length, b.length);
}

// A typo or two, not a different word: "skils" and "fnd" are close, "swap" is not close to "stop".
const tolerance = (name: string) => (name.length <= 4 ? 1 : 2);

/** Up to three commands whose name is a small edit away from what was typed, closest first. */
export function closestCommands(
  typed: readonly string[],
  definitions: readonly CommandDefinition[],
): readonly CommandDefinition[] {
  const scored = definitions.flatMap((definition) => {
    const name = slackWordsOf(definition).join(" ");
    const attempt = typed
      .slice(0, slackWordsOf(definition).length)
      .map((w) => w.toLowerCase())
      .join(" ");
    // A name cut short ("admin link" for "admin link-group") is as good a guess as a one-letter typo.
    const distance = attempt.length >= 3 && name.startsWith(attempt) ? 1 : editDistance(attempt, name);
    return distance <= tolerance(name) ? [{ definition, distance }] : [];
  });
  return scored
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 3)
    .map((s) => s.definition);
}
