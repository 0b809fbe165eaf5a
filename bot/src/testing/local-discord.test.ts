import { once } from "node:events";
import {
  ChannelType,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  Partials,
  REST,
  Routes,
  type APIChannel,
  type APIMessage,
  type Message,
  type TextChannel,
  type ThreadChannel,
} from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalDiscord, type LocalUser } from "./index.js";

const ana: LocalUser = { id: "310000000000000011", username: "ana.g", globalName: "Ana" };
const bea: LocalUser = { id: "310000000000000012", username: "bea.s", globalName: "Bea" };
const token = "local.bot.token";
const everyIntent = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMembers,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
  GatewayIntentBits.DirectMessages,
];

let discord: LocalDiscord;
let clients: Client[];

beforeEach(async () => {
  discord = new LocalDiscord({ guildName: "Lyon Makers", members: [ana] });
  await discord.start();
  clients = [];
});

afterEach(async () => {
  await Promise.all(clients.map((client) => client.destroy()));
  await discord.stop();
});

/** A real discord.js Client logged in to the local Discord, resolved once it has seen the guild. */
async function connect(intents: GatewayIntentBits[] = everyIntent): Promise<Client> {
  const client = new Client({ intents, partials: [Partials.Channel], rest: { api: discord.apiUrl } });
  clients.push(client);
  const ready = once(client, Events.ClientReady);
  await client.login(token);
  await ready;
  return client;
}

function rest(): REST {
  return new REST({ api: discord.apiUrl }).setToken(token);
}

function textChannel(client: Client, id: string): TextChannel {
  const channel = client.channels.cache.get(id);
  if (channel?.type !== ChannelType.GuildText) throw new Error(`${id} is not a cached text channel`);
  return channel;
}

async function rejection(promise: Promise<unknown>): Promise<DiscordAPIError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DiscordAPIError)) throw new Error(`expected a DiscordAPIError, got ${String(error)}`);
  return error;
}

describe("the guild a bot logs in to", () => {
  it("has text channels general, swaps and announcements, and a forum, all in GUILD_CREATE", async () => {
    const client = await connect();
    const channels = (id: string) => client.channels.cache.get(id);
    expect(channels(discord.channelId)).toMatchObject({ name: "general", type: ChannelType.GuildText });
    expect(channels(discord.swapsChannelId)).toMatchObject({ name: "swaps", type: ChannelType.GuildText });
    expect(channels(discord.announcementsChannelId)).toMatchObject({ name: "announcements" });
    expect(channels(discord.forumChannelId)).toMatchObject({ name: "group-forum", type: ChannelType.GuildForum });
  });

  it("announces a channel added later", async () => {
    const client = await connect();
    const created = once(client, Events.ChannelCreate);
    const id = discord.addChannel("mentors");
    const [channel] = (await created) as [TextChannel];
    expect(channel).toMatchObject({ id, name: "mentors" });
  });
});

describe("what people do in the guild", () => {
  it("a message in a text channel reaches the bot with its author, member and content", async () => {
    const client = await connect();
    const received = once(client, Events.MessageCreate);
    discord.say({ user: ana, channelId: discord.swapsChannelId, content: "Anyone teaching guitar?" });
    const [message] = (await received) as [Message];
    expect(message).toMatchObject({ content: "Anyone teaching guitar?", channelId: discord.swapsChannelId });
    expect(message.author.id).toBe(ana.id);
    expect(message.member?.id).toBe(ana.id);
    expect(message.guildId).toBe(discord.guildId);
  });

  it("a DM reaches a bot with the DirectMessages intent and the Channel partial", async () => {
    const client = await connect();
    const received = once(client, Events.MessageCreate);
    discord.say({ user: ana, dm: true, content: "hello bot" });
    const [message] = (await received) as [Message];
    expect(message.content).toBe("hello bot");
    expect(message.guildId).toBeNull();
    expect(message.channel.type).toBe(ChannelType.DM);
    expect(message.channelId).toBe(discord.dmChannelOf(ana.id));
  });

  it("without Message Content, a bot sees guild messages blank unless they mention it", async () => {
    const client = await connect([GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages]);
    const received: Message[] = [];
    client.on(Events.MessageCreate, (message) => received.push(message));
    discord.say({ user: ana, content: "just chatting" });
    const mention = once(client, Events.MessageCreate);
    discord.say({ user: ana, content: `<@${discord.botUser.id}> help` });
    await mention;
    expect(received.map((message) => message.content)).toEqual(["", `<@${discord.botUser.id}> help`]);
  });

  it("a person's forum post is a newly created thread whose starter message shares its id", async () => {
    const client = await connect();
    const threadCreated = once(client, Events.ThreadCreate);
    const starter = once(client, Events.MessageCreate);
    const post = discord.startForumPost({ user: ana, title: "Guitar circle", content: "Who joins?" });
    const [thread, newlyCreated] = (await threadCreated) as [ThreadChannel, boolean];
    const [message] = (await starter) as [Message];
    expect(newlyCreated).toBe(true);
    expect(thread).toMatchObject({ id: post.thread.id, parentId: discord.forumChannelId, ownerId: ana.id });
    expect(thread.type).toBe(ChannelType.PublicThread);
    expect(message.id).toBe(thread.id);
    expect((await thread.fetchStarterMessage())?.content).toBe("Who joins?");
  });

  it("joins, role changes and departures reach the bot as member events", async () => {
    const client = await connect();
    const joined = once(client, Events.GuildMemberAdd);
    discord.memberJoins(bea);
    const [member] = (await joined) as [{ id: string }];
    expect(member.id).toBe(bea.id);

    const updated = once(client, Events.GuildMemberUpdate);
    discord.memberUpdated(bea, { manageGuild: true });
    const [, after] = (await updated) as [unknown, { permissions: { has(bit: bigint): boolean } }];
    expect(after.permissions.has(32n)).toBe(true);

    const left = once(client, Events.GuildMemberRemove);
    discord.memberLeaves(bea);
    const [gone] = (await left) as [{ id: string }];
    expect(gone.id).toBe(bea.id);
  });

  it("withholds member events from a bot that lacks the GuildMembers intent", async () => {
    await connect([GatewayIntentBits.Guilds]);
    discord.memberJoins(bea);
    expect(discord.withheldEvents).toEqual([
      { t: "GUILD_MEMBER_ADD", reason: expect.stringContaining("GuildMembers") },
    ]);
  });
});

describe("messages the bot sends", () => {
  it("are stored, and echoed back as MESSAGE_CREATE from the bot itself", async () => {
    const client = await connect();
    const echoed = once(client, Events.MessageCreate);
    const sent = await textChannel(client, discord.swapsChannelId).send("New swap posted");
    const [echo] = (await echoed) as [Message];
    expect(echo.author.id).toBe(client.user?.id);
    expect(discord.messagesIn(discord.swapsChannelId)).toMatchObject([{ id: sent.id, content: "New swap posted" }]);
  });

  it("with a nonce and enforce_nonce, a second send returns the first message and stores nothing new", async () => {
    const client = await connect();
    const channel = textChannel(client, discord.swapsChannelId);
    const first = await channel.send({ content: "Weekly digest", nonce: "digest-2024-w1", enforceNonce: true });
    const second = await channel.send({ content: "Weekly digest", nonce: "digest-2024-w1", enforceNonce: true });
    expect(second.id).toBe(first.id);
    expect(discord.messagesIn(discord.swapsChannelId)).toHaveLength(1);
  });

  it("with enforce_nonce, are deduplicated only for a few minutes: a late send with the nonce is a new message", async () => {
    const client = await connect();
    const channel = textChannel(client, discord.swapsChannelId);
    const first = await channel.send({ content: "Weekly digest", nonce: "digest-2024-w2", enforceNonce: true });
    // Real time passes too between the sends, so this stays a second inside the window.
    discord.passTime(discord.nonceWindowMs - 1_000);
    expect((await channel.send({ content: "Weekly digest", nonce: "digest-2024-w2", enforceNonce: true })).id).toBe(
      first.id,
    );
    discord.passTime(1_000);
    const late = await channel.send({ content: "Weekly digest", nonce: "digest-2024-w2", enforceNonce: true });
    expect(late.id).not.toBe(first.id);
    expect(discord.messagesIn(discord.swapsChannelId)).toHaveLength(2);
  });

  it("with enforce_nonce, are deduplicated by sender, not by channel: a nonce reused elsewhere returns the first", async () => {
    const client = await connect();
    const first = await textChannel(client, discord.swapsChannelId).send({
      content: "Hi",
      nonce: "n-1",
      enforceNonce: true,
    });
    const elsewhere = await textChannel(client, discord.channelId).send({
      content: "Hi",
      nonce: "n-1",
      enforceNonce: true,
    });
    expect(elsewhere.id).toBe(first.id);
    expect(discord.messagesIn(discord.channelId)).toEqual([]);
  });

  it("with enforce_nonce, answer Unknown Message when the nonce's message was deleted meanwhile", async () => {
    const client = await connect();
    const channel = textChannel(client, discord.channelId);
    await (await channel.send({ content: "Oops", nonce: "n-2", enforceNonce: true })).delete();
    expect(await rejection(channel.send({ content: "Oops", nonce: "n-2", enforceNonce: true }))).toMatchObject({
      status: 404,
      code: 10008,
    });
  });

  it("read back, carry no nonce: Discord keeps it only for the send's answer and MESSAGE_CREATE", async () => {
    const sent = (await rest().post(Routes.channelMessages(discord.channelId), {
      body: { content: "Hello", nonce: "n-3", enforce_nonce: true },
    })) as APIMessage;
    expect(sent.nonce).toBe("n-3");
    const [read] = (await rest().get(Routes.channelMessages(discord.channelId))) as APIMessage[];
    expect(read).toMatchObject({ id: sent.id, content: "Hello" });
    expect(read).not.toHaveProperty("nonce");
  });

  it("can be edited and deleted", async () => {
    const client = await connect();
    const sent = await textChannel(client, discord.channelId).send("draft");
    await sent.edit("final");
    expect(discord.messagesIn(discord.channelId)).toMatchObject([{ content: "final" }]);
    await sent.delete();
    expect(discord.messagesIn(discord.channelId)).toEqual([]);
  });

  it("to a person open one DM channel per person and land in dmsTo", async () => {
    const client = await connect();
    const first = await client.users.send(ana.id, "Bea accepted your swap");
    const second = await client.users.send(ana.id, "Reminder: lesson tomorrow");
    expect(second.channelId).toBe(first.channelId);
    expect(discord.dmsTo(ana.id).map((m) => m.content)).toEqual([
      "Bea accepted your swap",
      "Reminder: lesson tomorrow",
    ]);
  });

  it("over 2000 characters are refused with Invalid Form Body", async () => {
    const client = await connect();
    const error = await rejection(textChannel(client, discord.channelId).send("x".repeat(2001)));
    expect(error).toMatchObject({ status: 400, code: 50035 });
  });
});

describe("threads the bot opens", () => {
  it("a private thread in a text channel, with a person invited", async () => {
    const client = await connect();
    const thread = await textChannel(client, discord.swapsChannelId).threads.create({
      name: "Ana ↔ Bea: guitar for Spanish",
      type: ChannelType.PrivateThread,
      invitable: false,
    });
    await thread.members.add(ana.id);
    await thread.send("Say hello!");
    expect(discord.threads()).toEqual([
      expect.objectContaining({
        name: "Ana ↔ Bea: guitar for Spanish",
        type: ChannelType.PrivateThread,
        parentId: discord.swapsChannelId,
        memberIds: [discord.botUser.id, ana.id],
        invitable: false,
        archived: false,
      }),
    ]);
    expect(discord.messagesIn(thread.id)).toMatchObject([{ content: "Say hello!" }]);
  });

  it("a forum post over REST: the thread comes back with its starter message, same id", async () => {
    const thread = (await rest().post(Routes.threads(discord.forumChannelId), {
      body: { name: "Spanish group", message: { content: "Weekly practice" } },
    })) as APIChannel & { message: APIMessage };
    expect(thread.type).toBe(ChannelType.PublicThread);
    expect(thread.message).toMatchObject({ id: thread.id, channel_id: thread.id, content: "Weekly practice" });
    expect(discord.messagesIn(thread.id)).toHaveLength(1);
  });

  it("archived and locked, it refuses new messages", async () => {
    const client = await connect();
    const thread = await textChannel(client, discord.swapsChannelId).threads.create({ name: "Done swap" });
    await thread.setLocked(true);
    await thread.setArchived(true);
    expect(discord.threads()).toMatchObject([{ archived: true, locked: true }]);
    expect(await rest().get(Routes.channel(thread.id))).toMatchObject({
      thread_metadata: { archived: true, locked: true },
    });
    expect(await rejection(thread.send("one more thing"))).toMatchObject({ status: 400, code: 50083 });
  });

  it("active ones are listed for the guild, newest first, archived ones left out", async () => {
    const client = await connect();
    const swaps = textChannel(client, discord.swapsChannelId);
    const done = await swaps.threads.create({ name: "Done swap", type: ChannelType.PrivateThread });
    const older = await swaps.threads.create({ name: "Ana & Bea", type: ChannelType.PrivateThread });
    const newer = await swaps.threads.create({ name: "Ana & Cy", type: ChannelType.PrivateThread });
    await done.setArchived(true);
    const active = (await rest().get(Routes.guildActiveThreads(discord.guildId))) as {
      threads: APIChannel[];
      members: { id: string; user_id: string }[];
    };
    expect(active.threads.map((t) => t.id)).toEqual([newer.id, older.id]);
    expect(active.members).toEqual([
      expect.objectContaining({ id: newer.id, user_id: discord.botUser.id }),
      expect.objectContaining({ id: older.id, user_id: discord.botUser.id }),
    ]);
  });

  it("hears what people say in the thread", async () => {
    const client = await connect();
    const thread = await textChannel(client, discord.swapsChannelId).threads.create({ name: "Ana & Bea" });
    const received = once(client, Events.MessageCreate);
    discord.say({ user: ana, channelId: thread.id, content: "Tuesday works" });
    const [message] = (await received) as [Message];
    expect(message).toMatchObject({ channelId: thread.id, content: "Tuesday works" });
  });
});

describe("failures Discord can answer", () => {
  it("a forbidden channel answers 403 Missing Permissions (50013) for messages and threads", async () => {
    const client = await connect();
    discord.forbidChannel(discord.announcementsChannelId);
    const channel = textChannel(client, discord.announcementsChannelId);
    expect(await rejection(channel.send("hi"))).toMatchObject({
      status: 403,
      code: 50013,
      message: "Missing Permissions",
    });
    expect(await rejection(channel.threads.create({ name: "x" }))).toMatchObject({ code: 50013 });
  });

  it("denyNext refuses only the next matching call", async () => {
    const client = await connect();
    discord.denyNext("/threads");
    const channel = textChannel(client, discord.swapsChannelId);
    expect(await rejection(channel.threads.create({ name: "first try" }))).toMatchObject({ code: 50013 });
    await expect(channel.threads.create({ name: "second try" })).resolves.toMatchObject({ name: "second try" });
  });

  it("a 502 is retried by discord.js and the send goes through once", async () => {
    const client = await connect();
    discord.failNext(502, { match: "POST /channels" });
    await textChannel(client, discord.channelId).send("after a hiccup");
    expect(discord.callsTo("/messages")).toHaveLength(2);
    expect(discord.messagesIn(discord.channelId)).toHaveLength(1);
  });

  it("a person with closed DMs answers 50007", async () => {
    const client = await connect();
    discord.closeDms(ana.id);
    expect(await rejection(client.users.send(ana.id, "hi"))).toMatchObject({ status: 403, code: 50007 });
  });

  it("an unknown member and an unknown route answer Discord's 404s", async () => {
    expect(await rejection(rest().get(Routes.guildMember(discord.guildId, bea.id)))).toMatchObject({ code: 10007 });
    expect(await rest().get(Routes.guildMember(discord.guildId, ana.id))).toMatchObject({ user: { id: ana.id } });
    expect(await rejection(rest().get(Routes.guildBans(discord.guildId)))).toMatchObject({ status: 404, code: 0 });
  });
});

describe("a gateway connection that drops", () => {
  it("is resumed, and what happened meanwhile is replayed instead of lost", async () => {
    const client = await connect();
    const resumed = once(client, Events.ShardResume);
    const received = once(client, Events.MessageCreate);
    await discord.disconnect(4000);
    discord.say({ user: ana, content: "sent while the bot was away" });
    await discord.untilConnected();
    await resumed;
    const [message] = (await received) as [Message];
    expect(message.content).toBe("sent while the bot was away");
    expect({ identifies: discord.identifies, resumes: discord.resumes }).toEqual({ identifies: 1, resumes: 1 });
    expect(discord.gatewayConnections.at(-1)).toMatch(/^\/resume\?/);
  });

  it("identifies again when Discord no longer knows the session", async () => {
    await connect();
    await discord.disconnect(4000, { resumable: false });
    await discord.untilConnected();
    expect({ identifies: discord.identifies, resumes: discord.resumes }).toEqual({ identifies: 2, resumes: 0 });
  });
});
