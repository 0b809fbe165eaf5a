import { createOutboxDispatcher, type Actor } from "@skillswap/core";
import { createTestCore, type TestCore } from "@skillswap/core/testing";
import { ChannelType } from "discord.js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LocalDiscord, type LocalUser } from "../../testing/local-discord.js";
import { createDiscordBot, type DiscordBot } from "../create-discord-bot.js";
import { discordOutboxHandlers } from "../outbox/index.js";

const maya: LocalUser = { id: "310000000000000001", username: "maya.k", globalName: "Maya" };
const leo: LocalUser = { id: "310000000000000002", username: "leo.b", globalName: "Leo" };
const sam: LocalUser = { id: "310000000000000003", username: "sam.r", globalName: "Sam" };
/** A member of the server who never used SkillSwap. */
const nina: LocalUser = { id: "310000000000000004", username: "nina.v", globalName: "Nina" };

let core: TestCore;
let discord: LocalDiscord;
let bot: DiscordBot;
let logged: string[];

beforeEach(async () => {
  core = await createTestCore("sqlite");
  discord = new LocalDiscord({ guildName: "Lyon Makers", members: [maya, leo, nina] });
  await discord.start();
  logged = [];
  bot = createDiscordBot(core, {
    token: "local.bot.token",
    apiUrl: discord.apiUrl,
    logger: { error: (message) => logged.push(message) },
  });
  await bot.start();
});

afterEach(async () => {
  await bot.stop();
  await discord.stop();
  await core.close();
});

async function account(user: LocalUser): Promise<Actor & { handle: string }> {
  const ref = await core.services.accounts.registerFromIdentity({
    provider: "discord",
    subject: user.id,
    username: user.username,
    displayName: user.globalName ?? user.username,
  });
  return { userId: ref.userId, handle: ref.handle };
}

async function communityId(): Promise<string> {
  const registered = await core.services.communities.register({
    platform: "discord",
    externalId: discord.guildId,
    name: discord.guildName,
  });
  return registered.communityId;
}

async function membershipOf(user: Actor) {
  return core.database.db.communityMember.findMany({
    where: { userId: user.userId, communityId: await communityId() },
    select: { role: true },
  });
}

/** Runs the Discord outbox handlers over every due event, as the worker does. */
async function deliverEvents(): Promise<void> {
  const logger = { error: (message: string) => logged.push(message) };
  const outbox = createOutboxDispatcher(core.deps, {
    handlers: discordOutboxHandlers({ core, rest: bot.client.rest, logger }),
  });
  while ((await outbox.runOnce()).fetched > 0);
}

/** Maya and Leo's accepted swap with its private thread open in the swaps channel (the outbox ran). */
async function swapThread(options: { swapsChannel: boolean } = { swapsChannel: true }) {
  const [mayaActor, leoActor] = [await account(maya), await account(leo)];
  const community = await communityId();
  await core.services.communities.syncMember({ communityId: community, userId: mayaActor.userId, role: "admin" });
  await core.services.communities.syncMember({ communityId: community, userId: leoActor.userId });
  if (options.swapsChannel)
    await core.services.communities.setSwapsChannel(mayaActor, {
      communityId: community,
      channelId: discord.swapsChannelId,
    });
  await core.services.skills.add(mayaActor, { skill: "Guitar", direction: "teach", level: 4 });
  await core.services.skills.add(leoActor, { skill: "Spanish", direction: "teach", level: 4 });
  await core.services.profiles.update(leoActor, { visibility: "public" });
  const asked = await core.services.swaps.request(mayaActor, { to: leoActor.handle, want: "Spanish", offer: "Guitar" });
  const accepted = await core.services.swaps.accept(leoActor, asked.id);
  await deliverEvents();
  const threadId = discord.threads()[0]?.id ?? "";
  return { mayaActor, leoActor, threadId, conversationId: accepted.conversationId ?? "" };
}

const texts = async (actor: Actor, conversationId: string) =>
  (await core.services.conversations.list(actor, conversationId)).messages.map((m) => ({
    text: m.text,
    author: m.authorName,
    source: m.source,
    externalId: m.externalId,
  }));

describe("messages people write in a swap's Discord thread", () => {
  it("are stored in the conversation once, even when Discord delivers the same message again", async () => {
    const { mayaActor, threadId, conversationId } = await swapThread();
    const said = discord.say({ user: leo, channelId: threadId, content: "Tuesday works for me" });
    discord.say({ user: leo, channelId: threadId, content: "Tuesday works for me", id: said.id });
    discord.say({ user: maya, channelId: threadId, content: "Great, see you then" });

    await vi.waitFor(async () => expect(await texts(mayaActor, conversationId)).toHaveLength(2));
    expect(await texts(mayaActor, conversationId)).toEqual(
      expect.arrayContaining([
        { text: "Great, see you then", author: "Maya", source: "discord", externalId: expect.any(String) },
        { text: "Tuesday works for me", author: "Leo", source: "discord", externalId: said.id },
      ]),
    );
    const announced = await core.database.db.outboxEvent.count({ where: { type: "message.posted" } });
    expect(announced).toBe(2);
  });

  it("leave out the bot's own messages and empty ones", async () => {
    const { mayaActor, threadId, conversationId } = await swapThread();
    discord.say({ user: leo, channelId: threadId, content: "   " });
    discord.say({ user: leo, channelId: threadId, content: "Bonjour" });

    await vi.waitFor(async () => expect(await texts(mayaActor, conversationId)).toHaveLength(1));
    // The thread also holds the bot's opening message, which MESSAGE_CREATE brought back to the bot.
    expect(discord.messagesIn(threadId).length).toBeGreaterThan(1);
    expect((await texts(mayaActor, conversationId)).map((m) => m.text)).toEqual(["Bonjour"]);
  });
});

describe("a swap carried in DMs", () => {
  it("takes what one person writes to the bot into the conversation and on to the other's DM", async () => {
    const { leoActor, conversationId } = await swapThread({ swapsChannel: false });
    discord.say({ user: leo, dm: true, content: "¿Empezamos el martes?" });

    await vi.waitFor(async () => expect(await texts(leoActor, conversationId)).toHaveLength(1));
    expect(await texts(leoActor, conversationId)).toEqual([
      { text: "¿Empezamos el martes?", author: "Leo", source: "discord", externalId: expect.any(String) },
    ]);
    await deliverEvents();
    expect(discord.dmsTo(maya.id).at(-1)?.content).toBe("**Leo:** ¿Empezamos el martes?");
    expect(discord.dmsTo(leo.id).map((m) => m.content)).not.toContain("**Leo:** ¿Empezamos el martes?");
  });
});

describe("a post in a group's linked Discord forum", () => {
  async function guitarCircle() {
    const [mayaActor, leoActor] = [await account(maya), await account(leo)];
    const community = await communityId();
    await core.services.communities.syncMember({ communityId: community, userId: mayaActor.userId, role: "admin" });
    await core.services.communities.syncMember({ communityId: community, userId: leoActor.userId });
    const group = await core.services.groups.create(mayaActor, { name: "Guitar Circle", communityId: community });
    await core.services.groups.join(leoActor, group.slug);
    await core.services.communities.linkChannel(mayaActor, {
      communityId: community,
      channelId: discord.forumChannelId,
      group: group.slug,
      kind: "forum",
    });
    return { mayaActor, leoActor, group };
  }

  it("starts a thread of the group's forum, and its replies become posts", async () => {
    const { mayaActor, group } = await guitarCircle();
    const post = discord.startForumPost({ user: leo, title: "Best songs to start with?", content: "I know 3 chords." });

    const [thread] = await vi.waitFor(async () => {
      const { items: threads } = await core.services.forums.threads(mayaActor, group.id);
      expect(threads).toHaveLength(1);
      return threads;
    });
    expect(thread).toMatchObject({
      title: "Best songs to start with?",
      body: "I know 3 chords.",
      authorName: "Leo",
      source: "discord",
      externalId: post.thread.id,
    });

    discord.say({ user: maya, channelId: post.thread.id, content: "Knockin' on Heaven's Door" });
    const replies = await vi.waitFor(async () => {
      const page = await core.services.forums.posts(mayaActor, thread?.id ?? "");
      expect(page.items).toHaveLength(1);
      return page.items;
    });
    expect(replies[0]).toMatchObject({ body: "Knockin' on Heaven's Door", authorName: "Maya", source: "discord" });
    expect(logged).toEqual([]);
  });

  it("takes Discord replies to a thread mirrored from the dashboard into that thread, and posts nothing back", async () => {
    const { mayaActor, group } = await guitarCircle();
    const thread = await core.services.forums.startThread(mayaActor, group.id, {
      title: "Capo or no capo?",
      body: "Discuss.",
    });
    await deliverEvents();
    const mirror = discord.threads().find((t) => t.parentId === discord.forumChannelId);
    discord.say({ user: leo, channelId: mirror?.id ?? "", content: "Capo, always." });

    const replies = await vi.waitFor(async () => {
      const page = await core.services.forums.posts(mayaActor, thread.id);
      expect(page.items).toHaveLength(1);
      return page.items;
    });
    expect(replies[0]).toMatchObject({ body: "Capo, always.", authorName: "Leo", source: "discord" });
    const before = discord.messagesIn(mirror?.id ?? "").length;
    await deliverEvents();
    expect(discord.messagesIn(mirror?.id ?? "")).toHaveLength(before);
    expect(discord.threads().filter((t) => t.parentId === discord.forumChannelId)).toHaveLength(1);
  });

  it("is left alone when the forum is not linked, or its author never used SkillSwap", async () => {
    const { mayaActor, group } = await guitarCircle();
    const unlinked = discord.addChannel("other-forum", ChannelType.GuildForum);
    discord.startForumPost({ user: leo, title: "Off topic", content: "Hello", channelId: unlinked });
    discord.startForumPost({ user: nina, title: "Never used SkillSwap", content: "Hi all" });
    discord.say({ user: leo, content: "in general, not stored" });
    discord.startForumPost({ user: leo, title: "On topic", content: "Scales?" });

    await vi.waitFor(async () =>
      expect((await core.services.forums.threads(mayaActor, group.id)).items).toHaveLength(1),
    );
    expect((await core.services.forums.threads(mayaActor, group.id)).items.map((t) => t.title)).toEqual(["On topic"]);
    expect(await core.services.accounts.findByIdentity("discord", "", nina.id)).toBeNull();
    expect(logged).toEqual([]);
  });
});

describe("guild membership", () => {
  it("follows a SkillSwap user joining, gaining Manage Server, losing it and leaving", async () => {
    const samActor = await account(sam);
    discord.memberJoins(sam);
    await vi.waitFor(async () => expect(await membershipOf(samActor)).toEqual([{ role: "member" }]));

    discord.memberUpdated(sam, { manageGuild: true });
    await vi.waitFor(async () => expect(await membershipOf(samActor)).toEqual([{ role: "admin" }]));
    discord.memberUpdated(sam, { manageGuild: false });
    await vi.waitFor(async () => expect(await membershipOf(samActor)).toEqual([{ role: "member" }]));

    discord.memberLeaves(sam);
    await vi.waitFor(async () => expect(await membershipOf(samActor)).toEqual([]));
  });

  it("creates no account for someone who joins the server without using SkillSwap", async () => {
    const mayaActor = await account(maya);
    discord.memberJoins(sam);
    discord.memberUpdated(maya, { manageGuild: true });
    await vi.waitFor(async () => expect(await membershipOf(mayaActor)).toEqual([{ role: "admin" }]));

    expect(await core.services.accounts.findByIdentity("discord", "", nina.id)).toBeNull();
    expect(logged).toEqual([]);
  });
});
