import { typoBudget } from "../skills/rules.js";

/** Every way of writing an approved skill (name, alias, misspelling, translation), normalised → skill ids. */
export type Spellings = ReadonlyMap<string, readonly string[]>;

/** What search knows of the catalog: every spelling, and which skills a short word may be the start of. */
export interface SearchCatalog {
  readonly spellings: Spellings;
  /** The first letters of names, aliases and translations → skill ids ("gu" → Guitar, Electric guitar, …). */
  readonly beginnings: Spellings;
  /** The same for names only: what a beginning shared by too many spellings still says. */
  readonly nameBeginnings: Spellings;
}

/**
 * A short word may stand for a skill it begins when it names few: "gui" is Guitar, but "ma" begins Mandolin,
 * Marketing, Massage, Mathematics and a dozen more — a guess among those would only bury the people called
 * Maria. The bound also keeps the query small: each of these skills is one more index range to walk.
 */
export const maxBegunSkills = 8;

/** One letter begins too much of everything, for skills as for names and handles. */
const shortestBeginning = 2;

/** Words with no typo budget (three letters or fewer) are the ones that may be beginnings. */
export const isShortWord = (word: string) => word.length >= shortestBeginning && typoBudget(word.length) === 0;

function add(map: Map<string, string[]>, key: string, skillId: string) {
  const ids = map.get(key);
  if (ids === undefined) map.set(key, [skillId]);
  else if (!ids.includes(skillId)) ids.push(skillId);
}

/** Indexes the catalog's alias rows (already normalised) for search. */
export function searchCatalogOf(
  rows: ReadonlyArray<{ readonly alias: string; readonly skillId: string; readonly kind: string }>,
): SearchCatalog {
  const spellings = new Map<string, string[]>();
  const beginnings = new Map<string, string[]>();
  const nameBeginnings = new Map<string, string[]>();
  for (const { alias, skillId, kind } of rows) {
    add(spellings, alias, skillId);
    // A misspelling is not how anyone starts to write a skill.
    if (kind === "misspelling") continue;
    for (let length = shortestBeginning; length <= alias.length; length++) {
      const beginning = alias.slice(0, length);
      if (!isShortWord(beginning)) break;
      add(beginnings, beginning, skillId);
      if (kind === "name") add(nameBeginnings, beginning, skillId);
    }
  }
  for (const ids of [...beginnings.values(), ...nameBeginnings.values()]) ids.sort();
  return { spellings, beginnings, nameBeginnings };
}

/** The skills a short word may be the start of, at most maxBegunSkills of them; none for longer words. */
export function skillsBegunBy(word: string, catalog: SearchCatalog): readonly string[] {
  if (!isShortWord(word)) return [];
  for (const index of [catalog.beginnings, catalog.nameBeginnings]) {
    const skillIds = index.get(word) ?? [];
    if (skillIds.length <= maxBegunSkills) return skillIds;
  }
  return [];
}
