import { describe, expect, it } from "vitest";
import { canAddSkill, closestNames, editDistance } from "./rules.js";
import { maxSkillsPerUser } from "./types.js";

describe("edit distance", () => {
  it("counts insertions, deletions, substitutions and swapped neighbours as one typo each", () => {
    expect(editDistance("gitar", "guitar")).toBe(1);
    expect(editDistance("javscript", "javascript")).toBe(1);
    expect(editDistance("pyhton", "python")).toBe(1);
    expect(editDistance("piano", "piano")).toBe(0);
  });

  it("stops early once past the limit", () => {
    expect(editDistance("cooking", "javascript", 2)).toBe(3);
  });
});

describe("did-you-mean suggestions", () => {
  const known = new Map([
    ["guitar", "Guitar"],
    ["javascript", "JavaScript"],
    ["js", "JavaScript"],
    ["python", "Python"],
  ]);

  it("suggests the skill a typo most likely meant", () => {
    expect(closestNames("guitr", known)).toEqual(["Guitar"]);
    expect(closestNames("javasript", known)).toEqual(["JavaScript"]);
  });

  it("does not guess for very short words, where one letter changes the meaning", () => {
    expect(closestNames("jz", known)).toEqual([]);
  });
});

describe("the skill limit", () => {
  it(`allows up to ${maxSkillsPerUser} skills per person`, () => {
    expect(canAddSkill(maxSkillsPerUser - 1)).toBe(true);
    expect(canAddSkill(maxSkillsPerUser)).toBe(false);
  });
});
