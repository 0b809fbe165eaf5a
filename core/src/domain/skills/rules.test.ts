import { describe, expect, it } from "vitest";
import { canAddSkill, closestNames } from "./rules.js";
import { maxSkillsPerUser } from "./types.js";

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
