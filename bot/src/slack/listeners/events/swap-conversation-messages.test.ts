import type { Actor } from "@skillswap/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { eventCallback, signedSlackRequest } from "../../../testing/local-slack/signed-requests.js";
import { acceptedSwap, person, slackStage, type SlackStage } from "../../../testing/slack-scenario.js";
import { createSlackApp, type SlackApp } from "../../create-slack-app.js";
import { boltLoggerFor } from "../../transport/bolt-logger.js";
import { registerSlackConversationListeners } from "./swap-conversation-messages.js";

/** An Events API event, with whatever fields Slack gives it. */
type SlackEvent = Readonly<Record<string, unknown>> & { readonly type: string };

const signingSecret = "local-slack-signing-secret";
const mayaId = "U0MAYA0001";
const leoId = "U0LEO00002";
const firstTs = "1765100000.000100";

let s: SlackStage;
let bolt: SlackApp;

beforeEach(async () => {
  s = await slackStage();
  bolt = createSlackApp({
    token: s.slack.team.botToken ?? "",
    signingSecret,
    slackApiUrl: s.slack.apiUrl,
    inbox: s.core.services.inbox,
    logger: boltLoggerFor({ error: (message) => s.logged.push(message) }),
  });
  registerSlackConversationListeners(bolt.app, { core: s.core });
});

afterEach(() => s.stop());

/** Maya and Leo swap on Slack; the relay has opened their group DM. */
async function swapInGroupDm() {
  const tenantId = s.slack.team.id;
  const maya = await person(s.core, { provider: "slack", tenantId, subject: mayaId, name: "Maya" }, "Guitar");
  const leo = await person(s.core, { provider: "slack", tenantId, subject: leoId, name: "Leo" }, "Spanish");
  const { conversationId } = await acceptedSwap(s.core, maya, leo, "Spanish");
  await s.deliverEvents();
  const [channel] = await s.core.services.conversations.channelsOf(conversationId);
  return { maya, leo, conversationId, channelId: channel?.externalChannelId ?? "" };
}

/** A `message` event as Slack sends it for what someone wrote in a group DM (text in Slack's markup). */
function written(channelId: string, user: string, text: string, ts = firstTs) {
  return {
    type: "message",
    channel: channelId,
    user,
    text,
    ts,
    event_ts: ts,
    channel_type: "mpim",
    team: s.slack.team.id,
  };
}

/** Slack's `message_changed`: its own ts is the change's; the message keeps the ts it was posted with. */
function changed(channelId: string, before: ReturnType<typeof written>, text: string, extra: object = {}) {
  const changeTs = "1765100060.000200";
  return {
    type: "message",
    subtype: "message_changed",
    channel: channelId,
    channel_type: "mpim",
    hidden: true,
    ts: changeTs,
    event_ts: changeTs,
    message: { ...before, text, edited: { user: before.user, ts: changeTs }, ...extra },
    previous_message: before,
  };
}

/** The event through the web role's receiver, signed, as a first delivery or Slack's retry of it. */
function deliver(event: SlackEvent, eventId: string, retryNum?: number) {
  const delivery = eventCallback(event, {
    eventId,
    teamId: s.slack.team.id,
    botUserId: s.slack.team.botUserId,
    ...(retryNum === undefined ? {} : { retryNum }),
  });
  const request = signedSlackRequest(signingSecret, delivery);
  return bolt.receiver.handle({ rawBody: Buffer.from(request.body), headers: request.headers });
}

/** The event straight into the app, resolved once its listeners are done (the receiver answers at the ack). */
function processed(event: SlackEvent, eventId: string) {
  const body = JSON.parse(eventCallback(event, { eventId, teamId: s.slack.team.id }).body) as Record<string, unknown>;
  return bolt.app.processEvent({ body, ack: () => Promise.resolve() });
}

const messages = async (actor: Actor, conversationId: string) =>
  (await s.core.services.conversations.list(actor, conversationId)).messages.map((m) => ({
    text: m.text,
    author: m.authorName,
    source: m.source,
  }));

describe("what people write in a swap's Slack group DM", () => {
  it("is stored in the conversation once, in their words, even when Slack retries the event", async () => {
    const { leo, conversationId, channelId } = await swapInGroupDm();
    const event = written(channelId, mayaId, "Tuesday? I &lt;3 &amp; hope so");

    expect((await deliver(event, "Ev0MAYA1")).status).toBe(200);
    await vi.waitFor(async () => expect(await messages(leo, conversationId)).toHaveLength(1));
    expect((await deliver(event, "Ev0MAYA1", 1)).status).toBe(200);
    // The same message under another event id gets past the inbox; Slack's message id still stores it once.
    await processed(event, "Ev0MAYA2");

    expect(await messages(leo, conversationId)).toEqual([
      { text: "Tuesday? I <3 & hope so", author: "Maya", source: "slack" },
    ]);
    expect(await s.core.database.db.outboxEvent.count({ where: { type: "message.posted" } })).toBe(1);
  });

  it("leaves out apps' messages, edits and channels that carry no swap", async () => {
    const { leo, conversationId, channelId } = await swapInGroupDm();
    await processed({ ...written(channelId, leoId, "beep"), subtype: "bot_message", bot_id: "B0OTHER" }, "Ev1");
    await processed({ ...written(channelId, leoId, "I am an app"), bot_id: "B0OTHER" }, "Ev2");
    await processed(
      {
        type: "message",
        subtype: "message_changed",
        channel: channelId,
        channel_type: "mpim",
        ts: "1765100000.000300",
        event_ts: "1765100000.000300",
        hidden: true,
        message: written(channelId, leoId, "edited", "1765100000.000200"),
        previous_message: written(channelId, leoId, "first", "1765100000.000200"),
      },
      "Ev3",
    );
    await processed({ ...written(s.slack.generalChannelId, leoId, "hello all"), channel_type: "channel" }, "Ev4");

    expect(await messages(leo, conversationId)).toEqual([]);
  });

  it("is stored under Slack's id of the message and not relayed back into the group DM", async () => {
    const { conversationId, channelId } = await swapInGroupDm();
    await processed(written(channelId, leoId, "¿Martes?"), "Ev5");
    await s.deliverEvents();

    expect(s.slack.channels.messagesIn(channelId)).toHaveLength(1);
    const [stored] = await s.core.database.db.message.findMany({ where: { conversationId } });
    expect(stored).toMatchObject({ source: "slack", externalId: `${channelId}:1765100000.000100` });
  });
});

const editedMessages = async (actor: Actor, conversationId: string) =>
  (await s.core.services.conversations.list(actor, conversationId)).messages.map((m) => ({
    text: m.text,
    edited: m.editedAt !== null,
  }));

const announcedEdits = () => s.core.database.db.outboxEvent.count({ where: { type: "message.edited" } });

describe("a message someone edits in a swap's Slack group DM", () => {
  it("reads as edited in the conversation, changed once even when Slack sends the edit again", async () => {
    const { leo, conversationId, channelId } = await swapInGroupDm();
    const first = written(channelId, mayaId, "Tuesday at 18:00?");
    await processed(first, "Ev0POST");
    const edit = changed(channelId, first, "Tuesday at 19:00? &lt;3");

    expect((await deliver(edit, "Ev0EDIT1")).status).toBe(200);
    await vi.waitFor(async () => expect(await announcedEdits()).toBe(1));
    expect((await deliver(edit, "Ev0EDIT1", 1)).status).toBe(200);
    // The same edit under another event id gets past the inbox; the text, already stored, changes nothing.
    await processed(edit, "Ev0EDIT2");

    expect(await editedMessages(leo, conversationId)).toEqual([{ text: "Tuesday at 19:00? <3", edited: true }]);
    expect(await announcedEdits()).toBe(1);
  });

  it("leaves alone what was said before the swap, apps' changes and a preview added to a message", async () => {
    const { leo, conversationId, channelId } = await swapInGroupDm();
    const first = written(channelId, leoId, "see https://example.org");
    await processed(first, "Ev1");

    await processed(changed(channelId, written(channelId, leoId, "old", "1765000000.000100"), "older, edited"), "Ev2");
    await processed(changed(channelId, first, "an app rewrote it", { bot_id: "B0OTHER" }), "Ev3");
    await processed(changed(channelId, first, "see https://example.org", { attachments: [{ title: "x" }] }), "Ev4");

    expect(await editedMessages(leo, conversationId)).toEqual([{ text: "see https://example.org", edited: false }]);
    expect(await announcedEdits()).toBe(0);
  });

  it("may be changed by its author only", async () => {
    const { leo, conversationId, channelId } = await swapInGroupDm();
    const first = written(channelId, mayaId, "Mine");
    await processed(first, "Ev5");

    // A workspace admin may edit someone else's message on Slack; the words in the swap stay its author's.
    const byLeo = changed(channelId, first, "Leo's words", { edited: { user: leoId, ts: "1765100060.000200" } });
    await expect(processed(byLeo, "Ev6")).rejects.toMatchObject({ code: "CONVERSATION.NOT_AUTHOR" });

    expect(await editedMessages(leo, conversationId)).toEqual([{ text: "Mine", edited: false }]);
  });
});
