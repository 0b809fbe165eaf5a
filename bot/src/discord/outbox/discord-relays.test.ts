import {
  createOutboxDispatcher,
  type Actor,
  type OutboxDispatcher,
  type OutboxHandler,
  type OutboxMessage,
} from "@skillswap/core";
import { createTestCore, type TestCore } from "@skillswap/core/testing";
import { ChannelType } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalDiscord, type LocalUser } from "../../testing/local-discord.js";
import { createDiscordBot, type DiscordBot } from "../create-discord-bot.js";
import type { BotCore } from "../interactions/handlers.js";
import { losingNextChannelBinding, losingNextForumBinding, losingNextSendRecord } from "./failing-core.js";
import { discordOutboxHandlers } from "./index.js";

const maya: LocalUser = { id: "310000000000000001", username: "maya.k", globalName: "Maya" };
const leo: LocalUser = { id: "310000000000000002", username: "leo.b", globalName: "Leo" };

let core: TestCore;
let discord: LocalDiscord;
let bot: DiscordBot;
let handlers: OutboxHandler[];
let outbox: OutboxDispatcher;
let logged: string[];
let logger: { error: (message: string) => void };

beforeEach(async () => {
  core = await createTestCore("sqlite");
  discord = new LocalDiscord({ guildName: "Lyon Makers", members: [maya, leo] });
  await discord.start();
  logged = [];
  logger = { error: (message: string) => logged.push(message) };
  bot = createDiscordBot(core, { token: "local.bot.token", apiUrl: discord.apiUrl, logger });
  await bot.start();
  handlers = discordOutboxHandlers({ core, rest: bot.client.rest, logger });
  outbox = createOutboxDispatcher(core.deps, { handlers });
});

afterEach(async () => {
  await bot.stop();
  await discord.stop();
  await core.close();
});

/** Delivers every due outbox event to the Discord handlers, as the worker does. */
async function deliverEvents(through: OutboxDispatcher = outbox): Promise<void> {
  while ((await through.runOnce()).fetched > 0);
}

/** The Discord handlers over a core with a fault (see failing-core.ts), in an outbox of their own. */
const outboxOver = (faulty: BotCore) =>
  createOutboxDispatcher(core.deps, {
    handlers: discordOutboxHandlers({ core: faulty, rest: bot.client.rest, logger }),
  });

/** The next try comes late: backoff reaches 15 minutes, long past the few minutes Discord keeps a nonce. */
function muchLater() {
  discord.passTime(discord.nonceWindowMs);
  core.clock.advance(15 * 60 * 1000);
}

/** A Discord member who uses SkillSwap and teaches one skill, in the guild's community (Maya as its admin). */
async function person(user: LocalUser, teaches: string, role: "admin" | "member" = "member") {
  const account = await core.services.accounts.registerFromIdentity({
    provider: "discord",
    subject: user.id,
    username: user.username,
    displayName: user.globalName ?? user.username,
  });
  const actor: Actor & { handle: string } = { userId: account.userId, handle: account.handle };
  await core.services.profiles.update(actor, { visibility: "public" });
  await core.services.skills.add(actor, { skill: teaches, direction: "teach", level: 4 });
  await core.services.communities.syncMember({ communityId: await communityId(), userId: actor.userId, role });
  return actor;
}

async function communityId(): Promise<string> {
  const registered = await core.services.communities.register({
    platform: "discord",
    externalId: discord.guildId,
    name: discord.guildName,
  });
  return registered.communityId;
}

/** Maya (teaches Guitar, admin) and Leo (teaches Spanish) agree to swap; Leo accepts on the dashboard. */
async function acceptedSwap(options: { swapsChannel: boolean }) {
  const mayaActor = await person(maya, "Guitar", "admin");
  const leoActor = await person(leo, "Spanish");
  if (options.swapsChannel)
    await core.services.communities.setSwapsChannel(mayaActor, {
      communityId: await communityId(),
      channelId: discord.swapsChannelId,
    });
  const asked = await core.services.swaps.request(mayaActor, { to: leoActor.handle, want: "Spanish", offer: "Guitar" });
  const accepted = await core.services.swaps.accept(leoActor, asked.id);
  return { mayaActor, leoActor, swapId: asked.id, conversationId: accepted.conversationId ?? "" };
}

/** The outbox event as the dispatcher hands it over, to deliver it a second time by hand. */
async function storedEvent(type: string): Promise<OutboxMessage> {
  const row = await core.database.db.outboxEvent.findFirstOrThrow({ where: { type }, orderBy: { createdAt: "desc" } });
  return { ...row, payload: JSON.parse(row.payload) as unknown, attempts: 0 } as OutboxMessage;
}

const contents = (channelId: string) => discord.messagesIn(channelId).map((m) => m.content);

describe("an accepted swap on Discord", () => {
  it("opens one private thread in the swaps channel with both people, bound to the conversation", async () => {
    const { conversationId } = await acceptedSwap({ swapsChannel: true });
    await deliverEvents();

    const [thread, ...others] = discord.threads();
    expect(others).toEqual([]);
    expect(thread).toMatchObject({
      parentId: discord.swapsChannelId,
      type: ChannelType.PrivateThread,
      invitable: false,
      name: "Maya & Leo: Guitar ⇄ Spanish",
    });
    expect(thread?.memberIds).toEqual(expect.arrayContaining([maya.id, leo.id]));
    const [opening] = contents(thread?.id ?? "");
    expect(opening).toContain("Maya teaches Guitar.");
    expect(opening).toContain("/session schedule");
    expect(await core.services.conversations.channelsOf(conversationId)).toEqual([
      { userId: null, platform: "discord", externalChannelId: thread?.id, tenantId: null },
    ]);
    expect(discord.dmsTo(maya.id)).toEqual([]);
  });

  it("opens no second thread when the same event is delivered again", async () => {
    await acceptedSwap({ swapsChannel: true });
    await deliverEvents();
    const handler = handlers.find((h) => h.name === "discord.swap-conversations");
    await handler?.handle(await storedEvent("swap.accepted"));

    expect(discord.threads()).toHaveLength(1);
    expect(contents(discord.threads()[0]?.id ?? "")).toHaveLength(1);
  });

  it("opens no second thread when binding it failed and the retry comes late", async () => {
    const faulty = outboxOver(losingNextChannelBinding(core));
    const { conversationId } = await acceptedSwap({ swapsChannel: true });
    await deliverEvents(faulty);
    muchLater();
    await deliverEvents(faulty);

    const [thread, ...others] = discord.threads();
    expect(others).toEqual([]);
    expect(thread?.memberIds).toEqual(expect.arrayContaining([maya.id, leo.id]));
    expect(contents(thread?.id ?? "")).toEqual([expect.stringContaining("Maya teaches Guitar.")]);
    expect(await core.services.conversations.channelsOf(conversationId)).toEqual([
      { userId: null, platform: "discord", externalChannelId: thread?.id, tenantId: null },
    ]);
  });

  it("finds the thread it opened when the worker stopped before recording it", async () => {
    const faulty = outboxOver(losingNextSendRecord(core, "thread/"));
    const { conversationId } = await acceptedSwap({ swapsChannel: true });
    await deliverEvents(faulty);
    muchLater();
    await deliverEvents(faulty);

    const [thread, ...others] = discord.threads();
    expect(others).toEqual([]);
    expect(thread?.memberIds).toEqual(expect.arrayContaining([maya.id, leo.id]));
    expect(contents(thread?.id ?? "")).toHaveLength(1);
    expect(await core.services.conversations.channelsOf(conversationId)).toEqual([
      { userId: null, platform: "discord", externalChannelId: thread?.id, tenantId: null },
    ]);
  });

  it("reaches each person by DM when the community has no swaps channel", async () => {
    const { conversationId, mayaActor, leoActor } = await acceptedSwap({ swapsChannel: false });
    await deliverEvents();

    expect(discord.threads()).toEqual([]);
    expect(discord.dmsTo(maya.id).map((m) => m.content)).toEqual([expect.stringContaining("Leo teaches Spanish.")]);
    expect(discord.dmsTo(leo.id)).toHaveLength(1);
    expect(await core.services.conversations.channelsOf(conversationId)).toEqual(
      expect.arrayContaining([
        {
          userId: mayaActor.userId,
          platform: "discord",
          externalChannelId: discord.dmChannelOf(maya.id),
          tenantId: null,
        },
        {
          userId: leoActor.userId,
          platform: "discord",
          externalChannelId: discord.dmChannelOf(leo.id),
          tenantId: null,
        },
      ]),
    );
  });

  it("falls back to DMs when Discord refuses the thread (403 Missing Permissions)", async () => {
    discord.forbidChannel(discord.swapsChannelId);
    const { conversationId } = await acceptedSwap({ swapsChannel: true });
    await deliverEvents();

    expect(discord.threads()).toEqual([]);
    expect(discord.dmsTo(maya.id)).toHaveLength(1);
    expect(discord.dmsTo(leo.id)).toHaveLength(1);
    expect(await core.services.conversations.channelsOf(conversationId)).toHaveLength(2);
    expect(await core.database.db.outboxEvent.count({ where: { status: { not: "delivered" } } })).toBe(0);
  });
});

describe("messages of a swap's conversation", () => {
  it("show up in the thread with their author's name, pinging nobody, when written on the dashboard", async () => {
    const { conversationId, mayaActor } = await acceptedSwap({ swapsChannel: true });
    await deliverEvents();
    await core.services.conversations.post(mayaActor, conversationId, { text: "Hi @everyone, Tuesday 18:00?" });
    await deliverEvents();

    const threadId = discord.threads()[0]?.id ?? "";
    expect(contents(threadId).at(-1)).toBe("**Maya:** Hi @everyone, Tuesday 18:00?");
    const sent = discord.callsTo(`/channels/${threadId}/messages`).at(-1);
    expect(sent?.body).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(discord.messagesIn(threadId).at(-1)?.mention_everyone).toBe(false);
  });

  it("said in one person's DM reach the other's DM only", async () => {
    const { conversationId, leoActor } = await acceptedSwap({ swapsChannel: false });
    await deliverEvents();
    await core.services.conversations.post(leoActor, conversationId, {
      text: "Tuesday works",
      source: "discord",
      externalId: "410000000000000001",
    });
    await deliverEvents();

    expect(discord.dmsTo(maya.id).at(-1)?.content).toBe("**Leo:** Tuesday works");
    expect(discord.dmsTo(leo.id).map((m) => m.content)).not.toContain("**Leo:** Tuesday works");
  });
  it("reach each DM once when relaying to one of them failed and the retry comes late", async () => {
    const { conversationId, mayaActor } = await acceptedSwap({ swapsChannel: false });
    await deliverEvents();
    // Discord fails the post to Leo's DM past discord.js's own retries: the event is retried by the outbox.
    discord.failNext(502, { count: 4, match: `POST /channels/${discord.dmChannelOf(leo.id) ?? ""}/messages` });
    await core.services.conversations.post(mayaActor, conversationId, { text: "Tuesday 6pm?" });
    await deliverEvents();
    muchLater();
    await deliverEvents();

    const said = (user: LocalUser) => discord.dmsTo(user.id).filter((m) => m.content === "**Maya:** Tuesday 6pm?");
    expect(said(maya)).toHaveLength(1);
    expect(said(leo)).toHaveLength(1);
  });
});

describe("a swap that ends", () => {
  it("archives and locks its thread when completed, and relays no more there", async () => {
    const { swapId, mayaActor, leoActor, conversationId } = await acceptedSwap({ swapsChannel: true });
    await deliverEvents();
    await core.services.swaps.complete(mayaActor, swapId);
    await core.services.swaps.complete(leoActor, swapId);
    await deliverEvents();

    expect(discord.threads()[0]).toMatchObject({ archived: true, locked: true });
    expect(await core.services.conversations.channelsOf(conversationId)).toEqual([]);
    await core.services.conversations.post(mayaActor, conversationId, { text: "Thanks again!" });
    await deliverEvents();
    expect(contents(discord.threads()[0]?.id ?? "")).not.toContain("**Maya:** Thanks again!");
  });

  it("archives and locks its thread when called off", async () => {
    const { swapId, leoActor, conversationId } = await acceptedSwap({ swapsChannel: true });
    await deliverEvents();
    await core.services.swaps.cancel(leoActor, swapId);
    await deliverEvents();

    expect(discord.threads()[0]).toMatchObject({ archived: true, locked: true });
    expect(await core.services.conversations.channelsOf(conversationId)).toEqual([]);
  });

  it("says so in each DM when called off", async () => {
    const { swapId, mayaActor } = await acceptedSwap({ swapsChannel: false });
    await deliverEvents();
    await core.services.swaps.cancel(mayaActor, swapId);
    await deliverEvents();

    expect(discord.dmsTo(leo.id).at(-1)?.content).toBe("This swap was called off, so this conversation is closed.");
    expect(discord.dmsTo(maya.id).at(-1)?.content).toBe("This swap was called off, so this conversation is closed.");
  });
});

describe("a group with linked Discord channels", () => {
  async function guitarCircle() {
    const mayaActor = await person(maya, "Guitar", "admin");
    const leoActor = await person(leo, "Spanish");
    const community = await communityId();
    const group = await core.services.groups.create(mayaActor, { name: "Guitar Circle", communityId: community });
    const link = (channelId: string, kind: "chat" | "forum") =>
      core.services.communities.linkChannel(mayaActor, { communityId: community, channelId, group: group.slug, kind });
    await link(discord.announcementsChannelId, "chat");
    await link(discord.forumChannelId, "forum");
    return { mayaActor, leoActor, group };
  }

  it("announces new members in its chat channel", async () => {
    const { leoActor, group } = await guitarCircle();
    await core.services.groups.join(leoActor, group.slug);
    await deliverEvents();

    expect(contents(discord.announcementsChannelId)).toContain("Leo joined Guitar Circle.");
  });

  it("gets threads started on the dashboard as forum posts, their replies following, and announced", async () => {
    const { mayaActor, leoActor, group } = await guitarCircle();
    await core.services.groups.join(leoActor, group.slug);
    const thread = await core.services.forums.startThread(mayaActor, group.id, {
      title: "Which strings for a beginner?",
      body: "Nylon or steel? See https://strings.example/guide",
    });
    await deliverEvents();

    const [post] = discord.threads().filter((t) => t.parentId === discord.forumChannelId);
    expect(post?.name).toBe("Which strings for a beginner?");
    expect(contents(post?.id ?? "")[0]).toContain("**Maya** started this thread on SkillSwap:\nNylon or steel?");
    expect(await core.services.relays.forumThreadForChannel("discord", post?.id ?? "")).toMatchObject({
      threadId: thread.id,
    });
    const announcement = contents(discord.announcementsChannelId).at(-1) ?? "";
    expect(announcement).toContain("New thread in Guitar Circle by Maya: **Which strings for a beginner?**");
    expect(announcement).not.toContain("https://");

    await core.services.forums.reply(leoActor, thread.id, { body: "Nylon, easier on the fingers." });
    await deliverEvents();
    expect(contents(post?.id ?? "").at(-1)).toBe("**Leo:** Nylon, easier on the fingers.");
    expect(discord.threads().filter((t) => t.parentId === discord.forumChannelId)).toHaveLength(1);
  });

  it("mirror a dashboard thread as one forum post when binding the post failed", async () => {
    const { mayaActor, leoActor, group } = await guitarCircle();
    const faulty = outboxOver(losingNextForumBinding(core));
    await core.services.groups.join(leoActor, group.slug);
    const thread = await core.services.forums.startThread(mayaActor, group.id, {
      title: "Which strings for a beginner?",
      body: "Nylon or steel?",
    });
    await deliverEvents(faulty);
    muchLater();
    await deliverEvents(faulty);

    const posts = discord.threads().filter((t) => t.parentId === discord.forumChannelId);
    expect(posts).toHaveLength(1);
    expect(await core.services.relays.forumThreadForChannel("discord", posts[0]?.id ?? "")).toMatchObject({
      threadId: thread.id,
    });
  });

  it("find the forum post they made when the worker stopped before recording it", async () => {
    const { mayaActor, group } = await guitarCircle();
    const faulty = outboxOver(losingNextSendRecord(core, "thread/"));
    const thread = await core.services.forums.startThread(mayaActor, group.id, {
      title: "Which strings for a beginner?",
      body: "Nylon or steel?",
    });
    await deliverEvents(faulty);
    muchLater();
    await deliverEvents(faulty);

    const posts = discord.threads().filter((t) => t.parentId === discord.forumChannelId);
    expect(posts).toHaveLength(1);
    expect(await core.services.relays.forumThreadForChannel("discord", posts[0]?.id ?? "")).toMatchObject({
      threadId: thread.id,
    });
  });

  describe("and two members with a session coming up", () => {
    const hour = 60 * 60 * 1000;

    async function sessionInCircle(options: { bothShare: boolean }) {
      const { mayaActor, leoActor, group } = await guitarCircle();
      await core.services.groups.join(leoActor, group.slug);
      const asked = await core.services.swaps.request(mayaActor, {
        to: leoActor.handle,
        want: "Spanish",
        offer: "Guitar",
      });
      await core.services.swaps.accept(leoActor, asked.id);
      await core.services.profiles.update(mayaActor, { shareSessions: true });
      await core.services.profiles.update(leoActor, { shareSessions: options.bothShare });
      const startsAt = new Date(core.clock.now().getTime() + 30 * hour);
      await core.services.sessions.schedule(mayaActor, asked.id, {
        startsAt: startsAt.toISOString(),
        mode: "in_person",
        place: "Atelier, 4 rue Mercière",
        skill: "Guitar",
      });
      await deliverEvents();
      return startsAt;
    }

    /** The day before, as the worker's reminder job sees it. */
    async function dayBefore() {
      core.clock.advance(8 * hour);
      await core.services.sessions.remindDue();
      await deliverEvents();
    }

    it("announces it in the chat channel the day before, on each reader's clock, without where they meet", async () => {
      const startsAt = await sessionInCircle({ bothShare: true });
      expect(contents(discord.announcementsChannelId).join("\n")).not.toContain("Coming up");

      await dayBefore();

      const unix = Math.floor(startsAt.getTime() / 1000);
      const announced = contents(discord.announcementsChannelId).filter((text) => text.startsWith("Coming up"));
      expect(announced).toEqual([
        `Coming up in Guitar Circle: Maya teaches Leo Guitar, <t:${unix}:F> (60 minutes, in person).`,
      ]);
      expect(contents(discord.forumChannelId).join("\n")).not.toContain("Coming up");
    });

    it("keeps it to the two of them when one has not opted in", async () => {
      await sessionInCircle({ bothShare: false });
      await dayBefore();

      expect(contents(discord.announcementsChannelId).join("\n")).not.toContain("Coming up");
      expect(logged).toEqual([]);
    });
  });
});
