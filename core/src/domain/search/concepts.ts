import type { SearchConcept } from "../../ports/search-index.js";
import { editDistance } from "../../text/edit-distance.js";
import { normalizeText, wordsOf } from "../../text/words.js";
import { typoBudget } from "../skills/rules.js";
import { isShortWord, skillsBegunBy, type SearchCatalog, type Spellings } from "./spellings.js";

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

/** Skills of the multi-word spelling closest to `phrase`, within its typo budget. */
function closestSpelling(phrase: string, phrases: readonly string[], spellings: Spellings): string[] {
  const budget = typoBudget(phrase.length);
  let best = budget + 1;
  let found: readonly string[] = [];
  for (const candidate of phrases) {
    const distance = editDistance(phrase, candidate, budget);
    if (distance < best) {
      best = distance;
      found = spellings.get(candidate) ?? [];
    }
  }
  return [...found];
}

const words = (text: string) => wordsOf(text).map((word) => ({ text: word, maxEdits: typoBudget(word.length) }));

/**
 * The last word typed may be unfinished ("mar" for Maria) unless it named a skill exactly; a short one may also
 * be the start of a skill ("gui" for Guitar) or an abbreviation that names one and starts others ("py" is
 * Python, and begins Pandas' "python pandas"), so it is tried both ways.
 */
function finishLast(
  concepts: SearchConcept[],
  lastToken: string,
  catalog: SearchCatalog,
  skillFiltered: boolean,
): void {
  const last = concepts.at(-1);
  if (last === undefined) return;
  const short = last.typed === lastToken && isShortWord(lastToken);
  if (!short) {
    if (!last.skills.some((s) => s.kind === "name")) concepts[concepts.length - 1] = { ...last, prefix: true };
    return;
  }
  const named = new Set(last.skills.map((s) => s.skillId));
  const begun = skillsBegunBy(lastToken, catalog)
    .filter((skillId) => !named.has(skillId))
    .map((skillId) => ({ skillId, kind: "prefix" as const }));
  const skills = [...last.skills, ...begun];
  concepts[concepts.length - 1] = { ...last, skills, prefix: true, textAllowed: !(skillFiltered && skills.length > 0) };
}

/**
 * Splits what someone typed into concepts, each of which a result must satisfy: the longest catalog
 * spellings first ("machine learning", "js", "guitarra"), then single words, each also tried as a misspelt
 * skill ("gitar", "javscript"), the last one also as a beginning. When skill filters are set (category,
 * direction, level), a concept that names skills must be met by one of those skills, not by a word in a bio.
 */
/** The catalog's spellings of more than one word, found once per catalog (a search looks them up every time). */
const phrasesOf = new WeakMap<SearchCatalog, string[]>();

export function conceptsOf(text: string, catalog: SearchCatalog, skillFiltered: boolean): SearchConcept[] {
  const { spellings } = catalog;
  let phrases = phrasesOf.get(catalog);
  if (phrases === undefined) {
    phrases = [...spellings.keys()].filter((spelling) => spelling.includes(" "));
    phrasesOf.set(catalog, phrases);
  }
  const tokens = normalizeText(text)
    .split(" ")
    .map((token) => token.replace(/^[^\p{L}\p{N}]+|[,;.!?:"'()]+$/gu, ""))
    .filter((token) => token !== "");
  const concepts: SearchConcept[] = [];
  let i = 0;
  while (i < tokens.length) {
    const phraseAt = (length: number) => tokens.slice(i, i + length).join(" ");
    const longest = Math.min(longestPhrase, tokens.length - i);
    // Longest exact spellings first, then several words with a typo ("french cookinx" is French cooking, not
    // French and something), then one word.
    let found: { phrase: string; length: number; skills: SearchConcept["skills"] } | null = null;
    for (let length = longest; length >= 2 && found === null; length--) {
      const skillIds = spellings.get(phraseAt(length));
      if (skillIds !== undefined)
        found = { phrase: phraseAt(length), length, skills: skillIds.map((skillId) => ({ skillId, kind: "name" })) };
    }
    for (let length = longest; length >= 2 && found === null; length--) {
      const skillIds = closestSpelling(phraseAt(length), phrases, spellings);
      if (skillIds.length > 0)
        found = { phrase: phraseAt(length), length, skills: skillIds.map((skillId) => ({ skillId, kind: "fuzzy" })) };
    }
    const single = spellings.get(phraseAt(1));
    if (found === null && single !== undefined)
      found = { phrase: phraseAt(1), length: 1, skills: single.map((skillId) => ({ skillId, kind: "name" })) };
    if (found !== null) {
      concepts.push({
        typed: found.phrase,
        skills: found.skills,
        words: words(found.phrase),
        prefix: false,
        textAllowed: !skillFiltered,
      });
      i += found.length;
      continue;
    }
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
  finishLast(concepts, tokens.at(-1) ?? "", catalog, skillFiltered);
  return concepts;
}
