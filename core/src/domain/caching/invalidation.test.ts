import { describe, expect, it } from "vitest";
import { catalogTag, personTag, tagsChangedBy } from "./invalidation.js";

describe("what an outbox event makes stale in the cache", () => {
  it("drops what is kept about the person whose profile, skills, schedule or ratings changed", () => {
    for (const type of ["profile.updated", "user.deleted", "skill.added", "skill.removed", "availability.updated"]) {
      expect(tagsChangedBy({ type, aggregateId: "u1" })).toEqual([personTag("u1")]);
    }
    expect(tagsChangedBy({ type: "review.received", aggregateId: "u2" })).toEqual([personTag("u2")]);
  });

  it("drops everything read from the catalog when a proposed skill is approved or rejected", () => {
    expect(tagsChangedBy({ type: "skill.reviewed", aggregateId: "skill-1" })).toEqual([catalogTag]);
  });

  it("leaves the cache alone for events that change nothing it keeps", () => {
    expect(tagsChangedBy({ type: "message.posted", aggregateId: "c1" })).toEqual([]);
    expect(tagsChangedBy({ type: "swap.accepted", aggregateId: "s1" })).toEqual([]);
    expect(tagsChangedBy({ type: "user.blocked", aggregateId: "u1" })).toEqual([]);
  });
});
