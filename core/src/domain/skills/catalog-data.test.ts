import { describe, expect, it } from "vitest";
import { normalizeText } from "../shared/text.js";
import { catalogCategories, catalogSkills } from "./catalog-data.js";

const owners = new Map<string, Set<string>>();
for (const skill of catalogSkills) {
  for (const spelling of [skill.name, ...skill.aliases, ...skill.translations, ...skill.misspellings]) {
    const key = normalizeText(spelling);
    owners.set(key, (owners.get(key) ?? new Set()).add(skill.name));
  }
}
const skillFor = (spelling: string) => [...(owners.get(normalizeText(spelling)) ?? [])];

describe("the skill catalog", () => {
  it("has at least 300 skills in at least 15 categories", () => {
    expect(catalogSkills.length).toBeGreaterThanOrEqual(300);
    expect(catalogCategories.length).toBeGreaterThanOrEqual(15);
  });

  it("puts every skill in a known category, under a unique kebab-case slug", () => {
    const categories = new Set(catalogCategories.map((c) => c.slug));
    const slugs = catalogSkills.map((s) => s.slug);
    expect(catalogSkills.filter((s) => !categories.has(s.category))).toEqual([]);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs.filter((slug) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug))).toEqual([]);
  });

  it("never lets one spelling mean two skills", () => {
    const ambiguous = [...owners]
      .filter(([, names]) => names.size > 1)
      .map(([spelling, names]) => `${spelling}: ${[...names].join(" / ")}`);
    expect(ambiguous).toEqual([]);
  });

  it("knows that js and javascript are one skill", () => {
    expect(skillFor("js")).toEqual(["JavaScript"]);
    expect(skillFor("javscript")).toEqual(["JavaScript"]);
  });

  it("finds Guitar from its translations and typos", () => {
    expect(skillFor("guitarra")).toEqual(["Guitar"]);
    expect(skillFor("gitar")).toEqual(["Guitar"]);
  });

  it("names the skills people swap most", () => {
    const names = new Set(catalogSkills.map((s) => s.name));
    for (const name of [
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
    ]) {
      expect(names).toContain(name);
    }
  });

  it("translates at least the 60 most popular skills", () => {
    expect(catalogSkills.filter((s) => s.translations.length > 0).length).toBeGreaterThanOrEqual(60);
  });
});
