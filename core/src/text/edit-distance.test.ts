import { describe, expect, it } from "vitest";
import { editDistance } from "./edit-distance.js";

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
