import { describe, expect, it } from "vitest";
import { swapMovesFor, type SwapMoveFacts } from "./moves.js";
import type { SwapParticipantView, SwapView } from "./types.js";

const now = new Date("2026-11-25T10:00:00Z");
const later = new Date("2026-12-09T10:00:00Z");

function person(
  handle: string,
  role: SwapParticipantView["role"],
  accepted = role === "requester",
  saidComplete = false,
): SwapParticipantView {
  return { handle, displayName: handle, role, teaches: null, learns: null, accepted, saidComplete };
}

function swap(
  status: SwapView["status"],
  participants: SwapParticipantView[],
  kind: SwapView["kind"] = "pair",
): SwapMoveFacts {
  return { kind, status, participants, expiresAt: later, somethingHappened: false, partnersReviewed: 0 };
}

const movesOf = (facts: SwapMoveFacts, handle: string, at = now) => {
  const me = facts.participants.find((p) => p.handle === handle);
  if (me === undefined) throw new Error(`${handle} is not in the swap`);
  return swapMovesFor(facts, me, at);
};

describe("the moves a participant may make on a swap", () => {
  const pending = swap("pending", [person("maya", "requester"), person("leo", "recipient")]);

  it("lets the person asked answer, and the one who asked withdraw", () => {
    expect(movesOf(pending, "leo")).toEqual(["accept", "decline"]);
    expect(movesOf(pending, "maya")).toEqual(["cancel"]);
  });

  it("lets either side call off an accepted swap, say it is done, and schedule a session", () => {
    const accepted = swap("accepted", [person("maya", "requester"), person("leo", "recipient", true)]);
    expect(movesOf(accepted, "leo")).toEqual(["cancel", "complete", "schedule"]);
    expect(movesOf(accepted, "maya")).toEqual(["cancel", "complete", "schedule"]);
  });

  it("does not offer 'complete' again to someone who already said so", () => {
    const half = swap("accepted", [person("maya", "requester", true, true), person("leo", "recipient", true)]);
    expect(movesOf(half, "maya")).toEqual(["cancel", "schedule"]);
    expect(movesOf(half, "leo")).toEqual(["cancel", "complete", "schedule"]);
  });

  it("offers a review once something happened, until every partner is reviewed", () => {
    const done = swap("completed", [person("maya", "requester"), person("leo", "recipient", true)]);
    expect(movesOf(done, "maya")).toEqual([]);
    expect(movesOf({ ...done, somethingHappened: true }, "maya")).toEqual(["review"]);
    expect(movesOf({ ...done, somethingHappened: true, partnersReviewed: 1 }, "maya")).toEqual([]);
  });

  it("offers no answer once the request has lapsed, even before the job closes it", () => {
    expect(movesOf(pending, "leo", later)).toEqual([]);
  });

  it("offers nothing more to a cycle member who already accepted", () => {
    const cycle = swap(
      "pending",
      [person("maya", "requester"), person("leo", "recipient", true), person("ines", "recipient")],
      "cycle",
    );
    expect(movesOf(cycle, "leo")).toEqual([]);
    expect(movesOf(cycle, "ines")).toEqual(["accept", "decline"]);
  });

  it("lets a cycle member review one partner while the other is left", () => {
    const cycle = {
      ...swap(
        "completed",
        [person("maya", "requester"), person("leo", "recipient", true), person("ines", "recipient", true)],
        "cycle",
      ),
      somethingHappened: true,
    };
    expect(movesOf({ ...cycle, partnersReviewed: 1 }, "maya")).toEqual(["review"]);
    expect(movesOf({ ...cycle, partnersReviewed: 2 }, "maya")).toEqual([]);
  });
});
