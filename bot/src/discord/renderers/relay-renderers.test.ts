import type { SwapOpening } from "@skillswap/core";
import { describe, expect, it } from "vitest";
import { linkFreeSummary, mirroredForumPost } from "./announcement-group.js";
import { relayedLines, splitContent } from "./relay-message.js";
import { swapOpeningMessage, swapThreadName } from "./relay-swap.js";

const opening: SwapOpening = {
  swapId: "s1",
  swapsChannel: null,
  participants: [
    {
      userId: "u1",
      displayName: "Maya",
      platformUserId: "1",
      platformTenantId: "",
      teaches: "Guitar",
      learns: "Spanish",
    },
    {
      userId: "u2",
      displayName: "Leo",
      platformUserId: null,
      platformTenantId: null,
      teaches: "Spanish",
      learns: "Guitar",
    },
  ],
};

describe("relayed lines", () => {
  it("name the author and ping nobody, whatever the text mentions", () => {
    const [line] = relayedLines("Maya", "hi @everyone <@123>", "m1");
    expect(line).toMatchObject({ content: "**Maya:** hi @everyone <@123>", allowed_mentions: { parse: [] } });
  });

  it("split long messages at a space instead of shortening them, each piece with its own nonce", () => {
    const text = `${"word ".repeat(700)}end`;
    const lines = relayedLines("Maya", text, "0123456789abcdefghijklmnop");
    expect(lines.length).toBe(2);
    expect(lines.every((l) => (l.content ?? "").length <= 2000)).toBe(true);
    expect(lines.map((l) => l.content).join(" ")).toBe(`**Maya:** ${text}`);
    expect(new Set(lines.map((l) => l.nonce)).size).toBe(2);
    expect(lines.every((l) => String(l.nonce).length <= 25)).toBe(true);
  });

  it("cut text without spaces at the limit", () => {
    expect(splitContent("x".repeat(4500)).map((p) => p.length)).toEqual([2000, 2000, 500]);
  });
});

describe("a swap's Discord conversation", () => {
  it("is named after who swaps what", () => {
    expect(swapThreadName(opening)).toBe("Maya & Leo: Guitar ⇄ Spanish");
  });

  it("opens by saying who teaches what and how to schedule", () => {
    const content = swapOpeningMessage(opening, "e1").content ?? "";
    expect(content).toContain("Maya teaches Guitar.");
    expect(content).toContain("Leo teaches Spanish.");
    expect(content).toContain("/session schedule");
  });
});

describe("forum announcements", () => {
  it("summarise a thread without its links", () => {
    expect(linkFreeSummary("See https://spam.example/x and www.more.example now\n\nthanks")).toBe("See and now thanks");
  });

  it("mirror a thread as a forum post with its title and author", () => {
    const post = mirroredForumPost({
      id: "t1",
      groupId: "g1",
      groupName: "Guitar Circle",
      title: "Which strings?",
      body: "Nylon or steel?",
      authorName: "Maya",
      source: "dashboard",
      externalId: "x",
      removed: false,
    });
    expect(post).toEqual({
      name: "Which strings?",
      message: {
        content: "**Maya** started this thread on SkillSwap:\nNylon or steel?",
        allowed_mentions: { parse: [] },
      },
    });
  });
});
