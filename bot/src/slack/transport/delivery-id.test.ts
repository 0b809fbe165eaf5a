import { describe, expect, it } from "vitest";
import {
  blockActions,
  blockSuggestion,
  globalShortcut,
  messageShortcut,
  viewClosed,
  viewSubmission,
} from "../../testing/local-slack/slack-payloads.js";
import { deliveryIdOf } from "./delivery-id.js";

const maya = { userId: "U0MAYA0001", teamId: "T0FRIENDS1" };

describe("which id makes a Slack delivery run once", () => {
  it("claims an event by its event id, whatever retry brings it", () => {
    expect(deliveryIdOf({ type: "event_callback", event_id: "Ev0A1B2C3", event: { type: "app_mention" } })).toBe(
      "event:Ev0A1B2C3",
    );
  });

  it("claims what a person did (command, click, submission, shortcut) by its trigger", () => {
    const things = [
      { command: "/skillswap", text: "help", trigger_id: "13345224609.738474920.8088930838d88f008e0" },
      blockActions(maya, { actionId: "swap.accept", triggerId: "1.2.click" }),
      viewSubmission(maya, { callbackId: "profile.edit", triggerId: "1.2.submit" }),
      globalShortcut(maya, { callbackId: "find", triggerId: "1.2.shortcut" }),
      messageShortcut(maya, { callbackId: "offer", triggerId: "1.2.message" }),
    ];
    expect(things.map((body) => deliveryIdOf(body))).toEqual([
      "trigger:13345224609.738474920.8088930838d88f008e0",
      "trigger:1.2.click",
      "trigger:1.2.submit",
      "trigger:1.2.shortcut",
      "trigger:1.2.message",
    ]);
  });

  it("claims a closed form by its view and that view's version", () => {
    const closed = viewClosed(maya, { callbackId: "profile.edit", viewId: "V0PROFILE", hash: "1712.ab12" });
    expect(deliveryIdOf(closed)).toBe("view:V0PROFILE:1712.ab12");
  });

  it("never claims an options request, which only reads and must be answered each time", () => {
    expect(deliveryIdOf(blockSuggestion(maya, { actionId: "skill", value: "spa" }))).toBeNull();
  });

  it("turns down an event without an id, or an id no inbox should hold", () => {
    expect(deliveryIdOf({ type: "event_callback", event: { type: "app_mention" } })).toBeUndefined();
    expect(deliveryIdOf({ type: "event_callback", event_id: "E".repeat(151) })).toBeUndefined();
    expect(deliveryIdOf({ command: "/skillswap", trigger_id: 42 })).toBeUndefined();
  });
});
