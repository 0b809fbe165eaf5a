import { describe, expect, it } from "vitest";
import { channelsFor, deliversTo, notificationSettingsOf, seenInConversationChannels } from "./rules.js";

describe("where a notification goes", () => {
  it("goes to the person's platform and dashboard by default, and not by email", () => {
    expect(deliversTo([], "swap_request", "platform")).toBe(true);
    expect(deliversTo([], "swap_request", "dashboard")).toBe(true);
    expect(deliversTo([], "swap_request", "email")).toBe(false);
    expect(channelsFor([], "message")).toEqual(["platform", "dashboard"]);
  });

  it("follows the person's own switch over the default, for that kind and channel only", () => {
    const stored = [
      { kind: "message", channel: "platform", enabled: false },
      { kind: "review", channel: "email", enabled: true },
    ];
    expect(deliversTo(stored, "message", "platform")).toBe(false);
    expect(deliversTo(stored, "message", "dashboard")).toBe(true);
    expect(deliversTo(stored, "swap_accepted", "platform")).toBe(true);
    expect(channelsFor(stored, "review")).toEqual(["platform", "email", "dashboard"]);
    expect(channelsFor(stored, "message")).toEqual(["dashboard"]);
  });

  it("can switch everything off for a kind", () => {
    const stored = ["platform", "email", "dashboard"].map((channel) => ({
      kind: "group_activity",
      channel,
      enabled: false,
    }));
    expect(channelsFor(stored, "group_activity")).toEqual([]);
    expect(channelsFor(stored, "session_reminder")).toEqual(["platform", "dashboard"]);
  });

  it("ignores stored switches for kinds or channels it does not know", () => {
    const stored = [
      { kind: "newsletter", channel: "email", enabled: true },
      { kind: "message", channel: "pager", enabled: true },
    ];
    expect(notificationSettingsOf(stored)).toEqual(notificationSettingsOf([]));
  });
});

describe("who already sees a conversation's messages on a platform", () => {
  const platformsOf = new Map([
    ["ana", ["discord"]],
    ["bea", ["slack"]],
    ["cy", ["discord", "slack"]],
  ]);

  it("is everyone with an account on the platform of a shared thread", () => {
    expect(seenInConversationChannels([{ userId: null, platform: "discord" }], platformsOf)).toEqual(
      new Set(["ana", "cy"]),
    );
  });

  it("is only its owner for a channel bound to one person", () => {
    expect(seenInConversationChannels([{ userId: "bea", platform: "slack" }], platformsOf)).toEqual(new Set(["bea"]));
  });

  it("is nobody when the conversation has no platform channel", () => {
    expect(seenInConversationChannels([], platformsOf)).toEqual(new Set());
  });
});
