import { describe, expect, it } from "vitest";
import { normalizeText } from "../../text/words.js";
import { catalogCategories, catalogSkills, type CatalogSkill } from "./catalog-data.js";

const kebabCase = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const spellingsOf = (skill: CatalogSkill) => [...skill.aliases, ...skill.misspellings, ...skill.translations];

/** Every normalised spelling (names included) → the names of the skills it could mean. */
const owners = new Map<string, Set<string>>();
for (const skill of catalogSkills) {
  for (const spelling of [skill.name, ...spellingsOf(skill)]) {
    const key = normalizeText(spelling);
    owners.set(key, (owners.get(key) ?? new Set()).add(skill.name));
  }
}
const skillsFor = (text: string) => [...(owners.get(normalizeText(text)) ?? [])];
const skillNamed = (name: string) => catalogSkills.find((skill) => skill.name === name);

describe("the skill catalog", () => {
  it("offers at least 300 skills in at least 15 categories", () => {
    expect(catalogSkills.length).toBeGreaterThanOrEqual(300);
    expect(catalogCategories.length).toBeGreaterThanOrEqual(15);
  });

  it("files every skill under a category that exists", () => {
    const categories = new Set(catalogCategories.map((category) => category.slug));
    expect(catalogSkills.filter((skill) => !categories.has(skill.category)).map((skill) => skill.name)).toEqual([]);
  });

  it("gives every skill and category a unique kebab-case slug", () => {
    for (const slugs of [catalogSkills.map((s) => s.slug), catalogCategories.map((c) => c.slug)]) {
      expect(new Set(slugs).size).toBe(slugs.length);
      expect(slugs.filter((slug) => !kebabCase.test(slug))).toEqual([]);
    }
  });

  it("never lets one spelling mean two skills, nor one skill's alias be another skill's name", () => {
    const ambiguous = [...owners]
      .filter(([, names]) => names.size > 1)
      .map(([spelling, names]) => `${spelling}: ${[...names].join(" / ")}`);
    expect(ambiguous).toEqual([]);
  });

  it("writes aliases, misspellings and translations in lower case, each once, never repeating the skill's name", () => {
    const faults = catalogSkills.flatMap((skill) => {
      const spellings = spellingsOf(skill);
      const keys = spellings.map(normalizeText);
      return [
        ...spellings
          .filter((s) => s !== s.toLowerCase() || s.trim() !== s || s === "")
          .map((s) => `${skill.name}: "${s}"`),
        ...(new Set(keys).size === keys.length ? [] : [`${skill.name}: repeats a spelling`]),
        ...(keys.includes(normalizeText(skill.name)) ? [`${skill.name}: lists its own name`] : []),
      ];
    });
    expect(faults).toEqual([]);
  });

  it("knows that js and javascript are one skill, and ts is TypeScript", () => {
    expect(skillsFor("js")).toEqual(["JavaScript"]);
    expect(skillsFor("JavaScript")).toEqual(["JavaScript"]);
    expect(skillsFor("ts")).toEqual(["TypeScript"]);
  });

  it("recognises javscript as a typo for JavaScript", () => {
    expect(skillNamed("JavaScript")?.misspellings).toContain("javscript");
    expect(skillsFor("javscript")).toEqual(["JavaScript"]);
  });

  it("finds Guitar from its Spanish name guitarra and the typo gitar", () => {
    expect(skillNamed("Guitar")?.translations).toContain("guitarra");
    expect(skillNamed("Guitar")?.misspellings).toContain("gitar");
    expect(skillsFor("guitarra")).toEqual(["Guitar"]);
    expect(skillsFor("gitar")).toEqual(["Guitar"]);
  });

  it("finds Spanish from what Spanish speakers call it, accents or not", () => {
    expect(skillsFor("Español")).toEqual(["Spanish"]);
    expect(skillsFor("espanol")).toEqual(["Spanish"]);
    expect(skillsFor("castellano")).toEqual(["Spanish"]);
  });

  it("names the skills people swap most", () => {
    const names = new Set(catalogSkills.map((skill) => skill.name));
    const mostSwapped = [
      "JavaScript",
      "TypeScript",
      "Python",
      "Guitar",
      "Piano",
      "Spanish",
      "French",
      "German",
      "Japanese",
      "English",
      "Cooking",
      "Photography",
      "Yoga",
      "Drawing",
      "Public speaking",
      "Chess",
      "Excel",
      "SQL",
      "React",
      "Machine learning",
    ];
    expect(mostSwapped.filter((name) => !names.has(name))).toEqual([]);
  });

  it("translates at least 60 skills into other major languages", () => {
    expect(catalogSkills.filter((skill) => skill.translations.length > 0).length).toBeGreaterThanOrEqual(60);
  });

  it("finds Guitar, Piano and Japanese from what they are called in other scripts", () => {
    for (const text of ["ギター", "吉他", "гитара", "Гитара", "기타", "غيتار", "κιθάρα", "Κιθάρα", "गिटार"])
      expect(skillsFor(text), text).toEqual(["Guitar"]);
    for (const text of ["ピアノ", "钢琴", "鋼琴", "пианино", "피아노", "بيانو", "πιάνο", "पियानो"])
      expect(skillsFor(text), text).toEqual(["Piano"]);
    for (const text of ["日本語", "日语", "японский", "일본어", "اليابانية", "ιαπωνικά", "जापानी"])
      expect(skillsFor(text), text).toEqual(["Japanese"]);
  });

  it("names the most popular skills in Chinese, Japanese, Russian, Korean, Arabic, Greek and Hindi", () => {
    // The hundred the synthetic seed ranks first, less those written alike everywhere (JavaScript, SQL, C#…).
    const scripts = {
      Chinese: /\p{Script=Han}/u,
      Japanese: /[\p{Script=Hiragana}\p{Script=Katakana}]/u,
      Russian: /\p{Script=Cyrillic}/u,
      Korean: /\p{Script=Hangul}/u,
      Arabic: /\p{Script=Arabic}/u,
      Greek: /\p{Script=Greek}/u,
      Hindi: /\p{Script=Devanagari}/u,
    };
    const named = Object.entries(scripts).map(([script, letters]) => [
      script,
      catalogSkills.filter((skill) => [...skill.aliases, ...skill.translations].some((s) => letters.test(s))).length,
    ]);
    expect(named.filter(([, count]) => Number(count) < 65)).toEqual([]);
  });

  it("writes spellings in other scripts as plain words, which a search splits as the catalog does", () => {
    const broken = catalogSkills.flatMap((skill) =>
      [...skill.aliases, ...skill.translations]
        .filter((s) => /[^\p{Script=Latin}\s\d\p{P}]/u.test(s))
        .filter((s) => !/^[\p{L}\p{N}]+( [\p{L}\p{N}]+)*$/u.test(normalizeText(s).replace(/-/g, " ")))
        .map((s) => `${skill.name}: ${s}`),
    );
    expect(broken).toEqual([]);
  });
});
