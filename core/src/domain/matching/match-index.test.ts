import { describe, expect, it } from "vitest";
import { matchProfile } from "../../testing/match-profile.js";
import { MatchIndex } from "./match-index.js";

const person = (handle: string, teaches: string[], learns: string[]) =>
  matchProfile(handle, { teaches: new Map(teaches.map((s) => [s, 3])), learns: new Map(learns.map((s) => [s, 2])) });

describe("the match index", () => {
  it("finds exactly the people who teach what you want and want what you teach", () => {
    const index = new MatchIndex();
    index.upsert(person("both", ["spanish"], ["guitar"]));
    index.upsert(person("teaches-only", ["spanish"], ["chess"]));
    index.upsert(person("learns-only", ["piano"], ["guitar"]));
    index.upsert(person("two-ways", ["spanish", "french"], ["guitar", "drums"]));
    const handles = (teach: string[], learn: string[]) =>
      index
        .reciprocalCandidates(teach, learn)
        .map((p) => p.handle)
        .sort();
    expect(handles(["spanish"], ["guitar"])).toEqual(["both", "two-ways"]);
    expect(handles(["spanish", "french"], ["guitar", "drums"])).toEqual(["both", "two-ways"]);
    expect(handles(["japanese"], ["guitar"])).toEqual([]);
  });

  it("forgets old skills when a person changes, and the person when removed", () => {
    const index = new MatchIndex();
    index.upsert(person("ana", ["spanish"], ["guitar"]));
    index.upsert(person("ana", ["italian"], ["guitar"]));
    expect(index.teachersOfAny(["spanish"])).toEqual([]);
    expect(index.teachersOfAny(["italian"]).map((p) => p.handle)).toEqual(["ana"]);
    index.remove("ana");
    expect(index.learnersOfAny(["guitar"])).toEqual([]);
    expect(index.size).toBe(0);
  });
});
