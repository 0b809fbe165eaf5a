import type { Actor } from "@skillswap/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventCallback, signedSlackRequest, slashCommand } from "../../testing/local-slack/signed-requests.js";
import { person, slackStage, type SlackStage } from "../../testing/slack-scenario.js";
import { createSlackApp, type SlackApp } from "../create-slack-app.js";
import { forumThreadTitle, registerSlackChannelListeners } from "../listeners/events/linked-channel-messages.js";
import { registerSlackChatListeners } from "../listeners/index.js";
import { boltLoggerFor } from "../transport/bolt-logger.js";

const signingSecret = "local-slack-signing-secret";
const mayaId = "U0MAYA0001";
const leoId = "U0LEO00002";
const ana = { id: "U0ANA00001", name: "ana.g", real_name: "Ana", is_admin: true } as const;

let s: SlackStage;
let bolt: SlackApp;
let eventCount = 0;

beforeEach(async () => {
  s = await slackStage();
  s.slack.users.add(ana);
  const logger = boltLoggerFor({ error: (message) => s.logged.push(message) });
  bolt = createSlackApp({
    token: s.slack.team.botToken ?? "",
    signingSecret,
    slackApiUrl: s.slack.apiUrl,
    inbox: s.core.services.inbox,
    logger,
  });
  registerSlackChatListeners(bolt.app, { core: s.core, logger });
  registerSlackChannelListeners(bolt.app, { core: s.core });
});

afterEach(() => s.stop());

/** `/skillswap <text>` by a workspace member, signed as Slack signs it; resolves to the reply's text. */
async function command(userId: string, text: string): Promise<string> {
  const request = signedSlackRequest(signingSecret, slashCommand({ text, userId, teamId: s.slack.team.id }));
  const answer = await bolt.receiver.handle({ rawBody: Buffer.from(request.body), headers: request.headers });
  return (JSON.parse(answer.body) as { text: string }).text;
}

/** Maya (who runs the Guitar Circle) and Leo use SkillSwap from the workspace; Ana administers it. */
async function guitarCircle() {
  const tenantId = s.slack.team.id;
  const maya = await person(s.core, { provider: "slack", tenantId, subject: mayaId, name: "Maya" }, "Guitar");
  const leo = await person(s.core, { provider: "slack", tenantId, subject: leoId, name: "Leo" }, "Spanish");
  const group = await s.core.services.groups.create(maya, { name: "Guitar Circle" });
  // Maya joined her circle by creating it, before any channel was linked to hear of it.
  await s.deliverEvents();
  return { maya, leo, group };
}

/** A public channel the app was not added to, linked to the circle by Ana's `/skillswap admin link-group`. */
async function linkedChannel(name: string, kind: "chat" | "forum"): Promise<string> {
  const channelId = s.slack.channels.add(name, { botIsMember: false, members: [mayaId, leoId] });
  const reply = await command(ana.id, `admin link-group <#${channelId}|${name}> guitar-circle ${kind}`);
  expect(reply).toContain("Guitar Circle");
  return channelId;
}

/** A `message` event as Slack sends it for what someone wrote in a channel (text in Slack's markup). */
function written(channelId: string, user: string, text: string, ts: string, threadTs?: string) {
  return {
    type: "message",
    channel: channelId,
    user,
    text,
    ts,
    event_ts: ts,
    channel_type: "channel",
    team: s.slack.team.id,
    ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
  };
}

/** The event straight into the app, resolved once its listeners are done; a new event id each time. */
function processed(event: Readonly<Record<string, unknown>> & { readonly type: string }) {
  eventCount += 1;
  const delivery = eventCallback(event, { eventId: `Ev${eventCount}`, teamId: s.slack.team.id });
  return bolt.app.processEvent({
    body: JSON.parse(delivery.body) as Record<string, unknown>,
    ack: () => Promise.resolve(),
  });
}

const texts = (channelId: string) => s.slack.channels.messagesIn(channelId).map((m) => m.text);

async function threadsOf(viewer: Actor, groupId: string) {
  return (await s.core.services.forums.threads(viewer, groupId)).items;
}

describe("a Slack chat channel linked to a group", () => {
  it("hears once that someone joined, even when the event is delivered again", async () => {
    const { leo, group } = await guitarCircle();
    const channelId = await linkedChannel("guitar-chat", "chat");
    await s.core.services.groups.join(leo, group.slug);
    await s.deliverEvents();
    const announcements = s.handlers.find((h) => h.name === "slack.group-announcements");
    await announcements?.handle(await s.storedEvent("group.joined"));

    expect(texts(channelId)).toEqual(["Leo joined Guitar Circle."]);
    expect(s.slack.channels.membersOf(channelId)).toContain(s.slack.team.botUserId);
  });

  it("hears of new forum threads by title and opening words, without their links", async () => {
    const { maya, group } = await guitarCircle();
    const channelId = await linkedChannel("guitar-chat", "chat");
    await s.core.services.forums.startThread(maya, group.id, {
      title: "Strings <for> beginners",
      body: "Which gauge? See https://spam.example/x",
    });
    await s.deliverEvents();

    expect(texts(channelId)).toEqual([
      "New thread in Guitar Circle by Maya: *Strings &lt;for&gt; beginners*\nWhich gauge? See",
    ]);
  });

  it("is skipped, and said so in the log, when it is private and the app was never invited", async () => {
    const { leo, group } = await guitarCircle();
    const channelId = s.slack.channels.add("secret", { isPrivate: true, botIsMember: false });
    await command(ana.id, `admin link-group <#${channelId}|secret> guitar-circle chat`);
    await s.core.services.groups.join(leo, group.slug);
    await s.deliverEvents();

    expect(texts(channelId)).toEqual([]);
    expect(s.logged).toEqual([`cannot announce in ${channelId}`]);
  });
});

describe("a Slack forum channel linked to a group", () => {
  it("shows a thread started on the dashboard as a top-level message, and its replies in its Slack thread", async () => {
    const { maya, leo, group } = await guitarCircle();
    await s.core.services.groups.join(leo, group.slug);
    const channelId = await linkedChannel("guitar-forum", "forum");
    const thread = await s.core.services.forums.startThread(maya, group.id, {
      title: "Strings?",
      body: "Which ones <!here>?",
    });
    await s.core.services.forums.reply(leo, thread.id, { body: "Nylon, for a start." });
    await s.deliverEvents();
    const mirror = s.handlers.find((h) => h.name === "slack.forum-mirror");
    await mirror?.handle(await s.storedEvent("forum.thread_started"));
    await mirror?.handle(await s.storedEvent("forum.replied"));

    const [opening, ...more] = s.slack.channels.messagesIn(channelId);
    expect(more).toEqual([]);
    expect(opening?.text).toBe("*Strings?*\n*Maya* (on the dashboard): Which ones &lt;!here&gt;?");
    const replies = s.slack.channels.repliesTo(channelId, opening?.ts ?? "");
    expect(replies.map((r) => r.text)).toEqual(["*Leo* (on the dashboard): Nylon, for a start."]);
  });

  it("turns a person's top-level message into a thread of the group's forum, once", async () => {
    const { maya, leo, group } = await guitarCircle();
    await s.core.services.groups.join(leo, group.slug);
    const channelId = await linkedChannel("guitar-forum", "forum");
    const event = written(
      channelId,
      leoId,
      "Capo or no capo?\nI keep &lt;3 my capo &amp; wonder.",
      "1765100000.000100",
    );
    await processed(event);
    await processed(event);
    await s.deliverEvents();

    const threads = await threadsOf(maya, group.id);
    expect(threads.map((t) => ({ title: t.title, body: t.body, author: t.authorName, source: t.source }))).toEqual([
      {
        title: "Capo or no capo?",
        body: "Capo or no capo?\nI keep <3 my capo & wonder.",
        author: "Leo",
        source: "slack",
      },
    ]);
    // What was said on Slack is already there: nothing is mirrored back into the channel.
    expect(texts(channelId)).toEqual([]);
  });

  it("turns a threaded reply under a mirrored thread into a reply to that thread, once", async () => {
    const { maya, leo, group } = await guitarCircle();
    await s.core.services.groups.join(leo, group.slug);
    const channelId = await linkedChannel("guitar-forum", "forum");
    const thread = await s.core.services.forums.startThread(maya, group.id, { title: "Strings?", body: "Which?" });
    await s.deliverEvents();
    const parentTs = s.slack.channels.messagesIn(channelId)[0]?.ts ?? "";
    const reply = written(channelId, leoId, "Nylon!", "1765100000.000200", parentTs);
    await processed(reply);
    await processed(reply);
    await s.deliverEvents();

    const posts = (await s.core.services.forums.posts(maya, thread.id)).items;
    expect(posts.map((p) => ({ body: p.body, author: p.authorName, source: p.source }))).toEqual([
      { body: "Nylon!", author: "Leo", source: "slack" },
    ]);
    expect(s.slack.channels.repliesTo(channelId, parentTs)).toEqual([]);
  });

  it("leaves out apps' messages, people who do not use SkillSwap and replies under other messages", async () => {
    const { maya, leo, group } = await guitarCircle();
    await s.core.services.groups.join(leo, group.slug);
    const channelId = await linkedChannel("guitar-forum", "forum");
    await processed({ ...written(channelId, leoId, "Beep boop thread", "1765100000.000300"), bot_id: "B0OTHER" });
    await processed(written(channelId, "U0STRANGER", "Who am I?", "1765100000.000400"));
    await processed(written(channelId, leoId, "Under something", "1765100000.000500", "1765100000.000001"));

    expect(await threadsOf(maya, group.id)).toEqual([]);
    expect(s.logged).toEqual([]);
  });
});

describe("the title of a thread started on Slack", () => {
  it("is the message's first line, its opening words when that line is too short, and none for a greeting", () => {
    expect(forumThreadTitle("\n  Capo   or no capo? \nmore")).toBe("Capo or no capo?");
    expect(forumThreadTitle("Hi\nwhat strings do you use")).toBe("Hi what strings do you use");
    expect(forumThreadTitle("x".repeat(200))).toBe(`${"x".repeat(149)}…`);
    expect(forumThreadTitle("ok")).toBeNull();
  });
});
