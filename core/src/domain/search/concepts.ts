import type { SearchConcept } from "../../ports/search-index.js";
import { normalizeText, wordsOf } from "../shared/text.js";
import { editDistance, typoBudget } from "../skills/rules.js";

/** Every way of writing an approved skill (name, alias, misspelling, translation), normalised → skill ids. */
export type Spellings = ReadonlyMap<string, readonly string[]>;

/** The longest catalog phrase people type ("machine learning", "sign language"): four words. */
const longestPhrase = 4;

/** Skills whose spelling is closest to `token`, within its typo budget; none for short tokens. */
function fuzzySkills(token: string, spellings: Spellings): string[] {
  const budget = typoBudget(token.length);
  if (budget === 0) return [];
  let best = budget + 1;
  let found = new Set<string>();
  for (const [spelling, skillIds] of spellings) {
    const distance = editDistance(token, spelling, budget);
    if (distance < best) {
      best = distance;
      found = new Set(skillIds);
    } else if (distance === best && distance <= budget) for (const id of skillIds) found.add(id);
  }
  return best <= budget ? [...found].sort() : [];
}

const words = (text: string) => wordsOf(text).map((word) => ({ text: word, maxEdits: typoBudget(word.length) }));

/**
 * Splits what someone typed into concepts, each of which a result must satisfy: the longest catalog
 * spellings first ("machine learning", "js", "guitarra"), then single words, each also tried as a misspelt
 * skill ("gitar", "javscript"). When skill filters are set (category, direction, level), a concept that
 * names skills must be met by one of those skills, not by a word in a bio.
 */
export function conceptsOf(text: string, spellings: Spellings, skillFiltered: boolean): SearchConcept[] {
  const tokens = normalizeText(text)
    .split(" ")
    .map((token) => token.replace(/^[^\p{L}\p{N}]+|[,;.!?:"'()]+$/gu, ""))
    .filter((token) => token !== "");
  const concepts: SearchConcept[] = [];
  let i = 0;
  while (i < tokens.length) {
    let matched = false;
    for (let length = Math.min(longestPhrase, tokens.length - i); length >= 1; length--) {
      const phrase = tokens.slice(i, i + length).join(" ");
      const skillIds = spellings.get(phrase);
      if (skillIds === undefined) continue;
      concepts.push({
        typed: phrase,
        skills: skillIds.map((skillId) => ({ skillId, kind: "name" as const })),
        words: words(phrase),
        prefix: false,
        textAllowed: !skillFiltered,
      });
      i += length;
      matched = true;
      break;
    }
    if (matched) continue;
    const token = tokens[i] ?? "";
    i += 1;
    const tokenWords = words(token);
    if (tokenWords.length === 0) continue;
    const skills = fuzzySkills(token, spellings).map((skillId) => ({ skillId, kind: "fuzzy" as const }));
    concepts.push({
      typed: token,
      skills,
      words: tokenWords,
      prefix: false,
      textAllowed: !(skillFiltered && skills.length > 0),
    });
  }
  // The last word typed may be unfinished ("mar" for Maria) unless it named a skill exactly.
  const last = concepts.at(-1);
  if (last !== undefined && !last.skills.some((s) => s.kind === "name"))
    concepts[concepts.length - 1] = { ...last, prefix: true };
  return concepts;
}
