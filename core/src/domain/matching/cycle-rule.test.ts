import { describe, expect, it } from "vitest";
import { matchProfile } from "../../testing/match-profile.js";
import type { Sightlines } from "../profiles/visibility.js";
import { cycleRefusal, type CycleProposal } from "./cycle-rule.js";
import { skillNumber } from "./skill-ids.js";
import type { MatchProfile } from "./types.js";

const paris = { latitude: 48.8566, longitude: 2.3522, name: "Paris" };
const lyon = { latitude: 45.764, longitude: 4.8357, name: "Lyon" };
const [ana, bo, cy] = ["ana", "bo", "cy"].map((handle) => matchProfile(handle)) as [
  MatchProfile,
  MatchProfile,
  MatchProfile,
];
const proposal = (members: CycleProposal["members"] = [ana, bo, cy]): CycleProposal => ({
  members,
  skills: [skillNumber("guitar"), skillNumber("chess"), skillNumber("spanish")],
});
const everyoneSeesEveryone: Sightlines = { maySee: () => true };
const hiding = (viewer: string, owner: string): Sightlines => ({
  maySee: (v, o) => !(v === viewer && o === owner),
});

describe("whether a three-person swap can be accepted as proposed", () => {
  it("can, when all three see each other and every link can meet", () => {
    expect(cycleRefusal(proposal(), everyoneSeesEveryone)).toBeNull();
  });

  it("cannot, when any of the three may not see another, either way round (a block hides both)", () => {
    expect(cycleRefusal(proposal(), hiding("ana", "cy"))).toEqual({ kind: "hidden", viewer: 0, owner: 2 });
    expect(cycleRefusal(proposal(), hiding("bo", "cy"))).toEqual({ kind: "hidden", viewer: 1, owner: 2 });
    expect(cycleRefusal(proposal(), hiding("cy", "bo"))).toEqual({ kind: "hidden", viewer: 2, owner: 1 });
    expect(cycleRefusal(proposal(), hiding("bo", "ana"))).toEqual({ kind: "hidden", viewer: 1, owner: 0 });
  });

  it("cannot, when a link's teacher meets only online and its learner only in person", () => {
    const inPersonCy = { ...cy, mode: "in_person" as const, location: paris };
    expect(cycleRefusal(proposal([ana, bo, inPersonCy]), everyoneSeesEveryone)).toEqual({
      kind: "cannot_meet",
      link: 1,
      why: "modes",
    });
  });

  it("cannot, when a link would meet in person beyond either person's limit", () => {
    const farBo = { ...bo, mode: "in_person" as const, location: lyon, maxDistanceKm: 1000 };
    const nearCy = { ...cy, mode: "either" as const, location: paris, maxDistanceKm: 50 };
    const inPersonAna = { ...ana, mode: "in_person" as const, location: paris };
    expect(cycleRefusal(proposal([inPersonAna, farBo, nearCy]), everyoneSeesEveryone)).toEqual({
      kind: "cannot_meet",
      link: 0,
      why: "distance",
    });
  });
});
