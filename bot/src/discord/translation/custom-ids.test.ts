import { describe, expect, it } from "vitest";
import type { ChatAction, FormAction } from "../../chat/actions.js";
import { discordReplyOf } from "../renderers/chat-reply.js";
import { buttonIdOf, buttonRoutes, fieldIdOf, formIdOf, formRoutes, parseCustomId } from "./custom-ids.js";

function clicked(action: ChatAction): ChatAction | undefined {
  const id = buttonIdOf(action);
  if (id === null) return undefined;
  const { route, args } = parseCustomId(id);
  return buttonRoutes[route]?.of(args);
}

function submitted(action: FormAction): FormAction | undefined {
  const id = formIdOf(action);
  if (id === null) return undefined;
  const { route, args } = parseCustomId(id);
  return formRoutes[route]?.of(args);
}

const query = { skill: "C++: the hard parts 100%", near: "Portland, US-OR", km: 25, level: 3, online: true };

describe("a click on a Discord button", () => {
  it("runs the action the button was drawn with, free text and all", () => {
    const actions: ChatAction[] = [
      { kind: "swap.move", move: "decline", swapId: "0193a1b2-c3d4" },
      { kind: "find.page", query, page: 3 },
      { kind: "match.ask", swap: { to: "bea", want: "Spanish: B2", offer: "Guitar" } },
      {
        kind: "match.cycle",
        cycle: { next: "bea", after: "cy", youTeach: "Guitar", nextTeaches: "Spanish", afterTeaches: "Chess" },
      },
    ];
    for (const action of actions) expect(clicked(action)).toEqual(action);
  });

  it("keeps the ids of messages already sent, so their buttons still work after a deploy", () => {
    expect(buttonIdOf({ kind: "swap.move", move: "accept", swapId: "s1" })).toBe("swap.accept:s1");
    expect(formIdOf({ kind: "review.submit", swapId: "s1" })).toBe("review.submit:s1");
    expect(formIdOf({ kind: "profile.edit" })).toBe("profile.edit");
    expect([fieldIdOf("timeZone"), fieldIdOf("shareSessions"), fieldIdOf("bio")]).toEqual([
      "time_zone",
      "share_sessions",
      "bio",
    ]);
  });

  it("submits the form with the swap its button carried", () => {
    const action: FormAction = { kind: "match.ask", swap: { to: "bea", want: "Spanish", offer: "Guitar" } };
    expect(submitted(action)).toEqual(action);
    expect(formIdOf(action)).toBe(buttonIdOf(action));
  });

  it("is not drawn when what it carries does not fit in Discord's 100 characters", () => {
    const long = "x".repeat(90);
    const reply = discordReplyOf({
      kind: "message",
      text: "Recommendations",
      buttons: [
        [
          {
            label: "Too long",
            action: { kind: "match.ask", swap: { to: "bea", want: long, offer: "Guitar" } },
            tone: "primary",
          },
          {
            label: "Fits",
            action: { kind: "match.ask", swap: { to: "cy", want: "Chess", offer: "Guitar" } },
            tone: "primary",
          },
        ],
      ],
    });
    const labels =
      reply.kind === "modal"
        ? []
        : (reply.data.components ?? []).flatMap((row) =>
            "components" in row
              ? row.components.flatMap((c) => ("label" in c && c.label !== undefined ? [c.label] : []))
              : [],
          );
    expect(labels).toEqual(["Fits"]);
  });
});
