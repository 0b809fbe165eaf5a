import { notificationsHandler, type Notification } from "@skillswap/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acceptedSwap, person, slackStage, type SlackStage } from "../../testing/slack-scenario.js";
import { singleClient } from "../slack-clients.js";
import { slackDelivery } from "./dm-delivery.js";

const mayaId = "U0MAYA0001";
const leoId = "U0LEO00002";

let s: SlackStage;

beforeEach(async () => {
  s = await slackStage();
});

afterEach(() => s.stop());

const delivery = () =>
  slackDelivery({ core: s.core, clients: singleClient(s.client), logger: { error: (m) => s.logged.push(m) } });

/** Notifications (and, with `relays`, the Slack relays too) for what is pending, as the worker does. */
async function notify(options: { relays?: boolean } = {}) {
  const notifications = notificationsHandler(s.core.database.db, [delivery()]);
  await s.deliverEvents([notifications, ...(options.relays === true ? s.handlers : [])]);
}

async function mayaAndLeo() {
  const tenantId = s.slack.team.id;
  const maya = await person(s.core, { provider: "slack", tenantId, subject: mayaId, name: "Maya" }, "Guitar");
  const leo = await person(s.core, { provider: "slack", tenantId, subject: leoId, name: "Leo" }, "Spanish");
  return { maya, leo };
}

/** What the bot said to Leo in their DM. */
async function dmsToLeo(): Promise<string[]> {
  const opened = await s.client.conversations.open({ users: leoId });
  return s.slack.channels.messagesIn(opened.channel?.id ?? "").map((m) => m.text);
}

describe("notifications by Slack DM", () => {
  it("tell of a swap request once, with a link to it, even when the event is delivered again", async () => {
    const { maya, leo } = await mayaAndLeo();
    const asked = await s.core.services.swaps.request(maya, { to: leo.handle, want: "Spanish", offer: "Guitar" });
    await notify();
    const notification: Notification = {
      eventId: (await s.storedEvent("swap.requested")).id,
      userId: leo.userId,
      kind: "swap_request",
      text: "Maya sent you a swap request.",
      about: { type: "swap", id: asked.id },
    };
    await delivery().deliver(notification);

    expect(await dmsToLeo()).toEqual([
      `Maya sent you a swap request.\nwith @${maya.handle}: Spanish ↔ Guitar (pending)\n<http://localhost:3000/swaps/${asked.id}|Open it on the dashboard>`,
    ]);
  });

  it("wait as long as Slack asks when it answers 429, then send", async () => {
    const { maya, leo } = await mayaAndLeo();
    s.slack.failNext("chat.postMessage", { status: 429, retryAfterSeconds: 1 });
    await s.core.services.swaps.request(maya, { to: leo.handle, want: "Spanish", offer: "Guitar" });
    const started = Date.now();
    await notify();

    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(await dmsToLeo()).toHaveLength(1);
    expect(s.slack.callsTo("chat.postMessage")).toHaveLength(2);
  });

  it("are not sent to someone who switched them off for their chat app", async () => {
    const { maya, leo } = await mayaAndLeo();
    await s.core.services.profiles.update(leo, {
      notifications: [{ kind: "swap_request", channel: "platform", enabled: false }],
    });
    await s.core.services.swaps.request(maya, { to: leo.handle, want: "Spanish", offer: "Guitar" });
    await notify();

    expect(await dmsToLeo()).toEqual([]);
  });

  it("spare new messages to someone who reads them in the swap's group DM", async () => {
    const { maya, leo } = await mayaAndLeo();
    const { conversationId } = await acceptedSwap(s.core, maya, leo, "Spanish");
    await notify({ relays: true });
    const beforeMessage = await dmsToLeo();
    expect(beforeMessage).toEqual([expect.stringContaining("Maya sent you a swap request.")]);
    await s.core.services.conversations.post(maya, conversationId, { text: "Tuesday?" });
    await notify({ relays: true });

    expect(await dmsToLeo()).toEqual(beforeMessage);
  });

  it("skip someone Slack will not let the bot reach, without failing the event", async () => {
    const { leo } = await mayaAndLeo();
    s.slack.failNext("conversations.open", { ok: false, error: "user_disabled" });
    await delivery().deliver({
      eventId: "event-1",
      userId: leo.userId,
      kind: "review",
      text: "Maya reviewed you: 5/5.",
      about: { type: "review", id: "review-1" },
    });

    expect(s.slack.callsTo("chat.postMessage")).toEqual([]);
    expect(s.logged).toEqual([expect.stringMatching(/not sent to/)]);
  });
});
