import { describe, expect, it } from "vitest";
import { choicesFor, type HeldSkill } from "./choices.js";

const held = (name: string, direction: "teach" | "learn", level: number): HeldSkill => ({
  skillId: name.toLowerCase(),
  name,
  direction,
  level,
});

describe("what one person could teach another in a swap", () => {
  const leo = [
    held("Spanish", "teach", 5),
    held("Chess", "teach", 3),
    held("Art", "teach", 3),
    held("Guitar", "learn", 3),
  ];

  it("lists every skill the teacher teaches, what the learner wants first", () => {
    const maya = [held("Chess", "learn", 2), held("Guitar", "teach", 4)];
    expect(choicesFor(leo, maya)).toEqual([
      { name: "Chess", level: 3, wanted: true },
      { name: "Spanish", level: 5, wanted: false },
      { name: "Art", level: 3, wanted: false },
    ]);
  });

  it("does not count a skill the learner teaches as one they want", () => {
    const maya = [held("Spanish", "teach", 2)];
    expect(choicesFor(leo, maya).filter((c) => c.wanted)).toEqual([]);
  });

  it("offers nothing from someone who teaches nothing", () => {
    expect(choicesFor([held("Guitar", "learn", 3)], leo)).toEqual([]);
  });
});
