import { describe, expect, it } from "vitest";
import { swapMovesFor } from "./moves.js";
import type { SwapParticipantView, SwapView } from "./types.js";

const now = new Date("2026-11-25T10:00:00Z");
const later = new Date("2026-12-09T10:00:00Z");

function person(
  handle: string,
  role: SwapParticipantView["role"],
  accepted = role === "requester",
): SwapParticipantView {
  return { handle, displayName: handle, role, teaches: null, learns: null, accepted, saidComplete: false };
}

function swap(status: SwapView["status"], participants: SwapParticipantView[], kind: SwapView["kind"] = "pair") {
  return { kind, status, participants, expiresAt: later };
}

describe("the moves a door offers on a swap", () => {
  const pending = swap("pending", [person("maya", "requester"), person("leo", "recipient")]);

  it("lets the person asked answer, and the one who asked withdraw", () => {
    expect(swapMovesFor(pending, "leo", now)).toEqual(["accept", "decline"]);
    expect(swapMovesFor(pending, "maya", now)).toEqual(["cancel"]);
    expect(swapMovesFor(pending, "ines", now)).toEqual([]);
  });

  it("lets either side call off an accepted swap, and nobody touch a closed one", () => {
    const accepted = swap("accepted", [person("maya", "requester"), person("leo", "recipient", true)]);
    expect(swapMovesFor(accepted, "leo", now)).toEqual(["cancel"]);
    expect(swapMovesFor(accepted, "maya", now)).toEqual(["cancel"]);
    expect(swapMovesFor({ ...accepted, status: "completed" }, "maya", now)).toEqual([]);
  });

  it("offers no answer once the request has lapsed, even before the job closes it", () => {
    expect(swapMovesFor(pending, "leo", later)).toEqual([]);
  });

  it("offers nothing more to a cycle member who already accepted", () => {
    const cycle = swap(
      "pending",
      [person("maya", "requester"), person("leo", "recipient", true), person("ines", "recipient")],
      "cycle",
    );
    expect(swapMovesFor(cycle, "leo", now)).toEqual([]);
    expect(swapMovesFor(cycle, "ines", now)).toEqual(["accept", "decline"]);
  });
});
