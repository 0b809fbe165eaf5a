import { describe, expect, it } from "vitest";
import type { ChatAction, FormAction } from "../../chat/actions.js";
import {
  buttonActionOf,
  buttonValueOf,
  formActionOf,
  formMetadataOf,
  suggestionActionIdOf,
  suggestionSourceOf,
} from "./action-ids.js";

const query = { skill: "guitar: acoustic", near: "Lyon", km: 20, level: 3, online: false };

describe("what Slack buttons and forms carry", () => {
  it.each<ChatAction>([
    { kind: "swap.move", move: "accept", swapId: "0193a1b2" },
    { kind: "find.page", query, page: 2 },
    { kind: "match.ask", swap: { to: "leo", want: "Spanish", offer: "Guitar" } },
    {
      kind: "match.cycle",
      cycle: { next: "leo", after: "ana", youTeach: "Guitar", nextTeaches: "Spanish", afterTeaches: "Chess" },
    },
  ])("a click on a $kind button does what the button said", (action) => {
    expect(buttonActionOf(buttonValueOf(action) ?? "")).toEqual(action);
  });

  it.each<FormAction>([
    { kind: "profile.edit" },
    { kind: "review.submit", swapId: "0193a1b2" },
    { kind: "match.ask", swap: { to: "leo", want: "Spanish", offer: "Guitar" } },
    { kind: "swap.partner" },
    { kind: "swap.skills", to: "leo" },
  ])("a submitted $kind form does what the form said", (action) => {
    expect(formActionOf(formMetadataOf(action))).toEqual(action);
  });

  it("ignores a value it never wrote instead of guessing", () => {
    expect(buttonActionOf("swap.accept:0193")).toBeNull();
    expect(buttonActionOf(JSON.stringify({ kind: "swap.move", move: "delete", swapId: "1" }))).toBeNull();
    expect(formActionOf("{}")).toBeNull();
  });

  it("keeps a page button within the pages a search offers", () => {
    const value = JSON.stringify({ kind: "find.page", query, page: 999 });
    expect(buttonActionOf(value)).toMatchObject({ page: 20 });
  });

  it("names where a field's suggestions come from in its action id", () => {
    expect(suggestionSourceOf(suggestionActionIdOf("own-teach-skill"))).toBe("own-teach-skill");
    expect(suggestionSourceOf("skillswap.suggest:passwords")).toBeNull();
  });
});
