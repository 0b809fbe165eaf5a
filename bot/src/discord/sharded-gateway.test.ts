import { createOutboxDispatcher, type Actor } from "@skillswap/core";
import { createTestCore, type TestCore } from "@skillswap/core/testing";
import { GatewayDispatchEvents } from "discord.js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LocalDiscord, type GuildView, type LocalUser } from "../testing/local-discord.js";
import { createDiscordBot, type DiscordBot } from "./create-discord-bot.js";
import { discordOutboxHandlers } from "./outbox/index.js";

const maya: LocalUser = { id: "310000000000000001", username: "maya.k", globalName: "Maya" };
const leo: LocalUser = { id: "310000000000000002", username: "leo.b", globalName: "Leo" };

const shardCount = 4;
/** Discord's routing, as its documentation states it: a guild's events go to shard (guild_id >> 22) % num_shards. */
const shardOf = (guildId: string) => Number((BigInt(guildId) >> 22n) % BigInt(shardCount));

/** A dispatch as the bot received it, and on which shard. */
interface Arrival {
  readonly t: string;
  readonly shardId: number;
  readonly d: { readonly id?: string; readonly channel_id?: string };
}

let core: TestCore;
let discord: LocalDiscord;
let bot: DiscordBot;
let arrivals: Arrival[];
let logged: string[];

beforeEach(async () => {
  core = await createTestCore("sqlite");
  discord = new LocalDiscord({
    guildName: "Lyon Makers",
    members: [maya, leo],
    // 20 guilds in all, their ids minted a millisecond apart, so they spread over the four shards.
    otherGuilds: Array.from({ length: 19 }, (_, i) => `Makers ${i + 2}`),
    shards: shardCount,
    // As for large bots, all four may identify at once rather than one every five seconds.
    maxConcurrency: shardCount,
  });
  await discord.start();
  logged = [];
  arrivals = [];
  bot = createDiscordBot(core, {
    token: "local.bot.token",
    apiUrl: discord.apiUrl,
    logger: { error: (message) => logged.push(message) },
    sharding: { count: "auto" },
  });
  for (const t of [
    GatewayDispatchEvents.GuildCreate,
    GatewayDispatchEvents.InteractionCreate,
    GatewayDispatchEvents.MessageCreate,
  ]) {
    bot.client.ws.on(t, (d: Arrival["d"], shardId: number) => arrivals.push({ t, shardId, d }));
  }
  await bot.start();
});

afterEach(async () => {
  await bot.stop();
  await discord.stop();
  await core.close();
});

const shardsThatGot = (t: string, match: (d: Arrival["d"]) => boolean) =>
  arrivals.filter((arrival) => arrival.t === t && match(arrival.d)).map((arrival) => arrival.shardId);

function guildOnShard(shardId: number): GuildView {
  const guild = discord.guilds().find((candidate) => shardOf(candidate.id) === shardId);
  if (guild === undefined) throw new Error(`no guild falls on shard ${shardId}`);
  return guild;
}

/**
 * Resolves once every shard received a message said after everything before it. Frames on one connection
 * arrive in order, so whatever Discord sent any shard earlier has arrived by then: a copy sent to the wrong
 * shard could not still be on its way.
 */
async function untilEveryShardCaughtUp(): Promise<void> {
  const marks = [0, 1, 2, 3].map((shard) =>
    discord.say({ user: leo, channelId: guildOnShard(shard).channelId, content: `mark ${shard}` }),
  );
  await vi.waitFor(() =>
    marks.forEach((mark, shard) =>
      expect(shardsThatGot(GatewayDispatchEvents.MessageCreate, (d) => d.id === mark.id)).toEqual([shard]),
    ),
  );
}

async function account(user: LocalUser): Promise<Actor & { handle: string }> {
  const ref = await core.services.accounts.registerFromIdentity({
    provider: "discord",
    subject: user.id,
    username: user.username,
    displayName: user.globalName ?? user.username,
  });
  return { userId: ref.userId, handle: ref.handle };
}

/** Runs the Discord outbox handlers over every due event, as the worker does. */
async function deliverEvents(): Promise<void> {
  const logger = { error: (message: string) => logged.push(message) };
  const outbox = createOutboxDispatcher(core.deps, {
    handlers: discordOutboxHandlers({ core, rest: bot.client.rest, logger }),
  });
  while ((await outbox.runOnce()).fetched > 0);
}

/** Maya and Leo's accepted swap in the first guild, which has no swaps channel: it goes on in their DMs. */
async function swapInDms() {
  const [mayaActor, leoActor] = [await account(maya), await account(leo)];
  const { communityId } = await core.services.communities.register({
    platform: "discord",
    externalId: discord.guildId,
    name: discord.guildName,
  });
  await core.services.communities.syncMember({ communityId, userId: mayaActor.userId });
  await core.services.communities.syncMember({ communityId, userId: leoActor.userId });
  await core.services.skills.add(mayaActor, { skill: "Guitar", direction: "teach", level: 4 });
  await core.services.skills.add(leoActor, { skill: "Spanish", direction: "teach", level: 4 });
  await core.services.profiles.update(leoActor, { visibility: "public" });
  const asked = await core.services.swaps.request(mayaActor, { to: leoActor.handle, want: "Spanish", offer: "Guitar" });
  const accepted = await core.services.swaps.accept(leoActor, asked.id);
  await deliverEvents();
  return { leoActor, conversationId: accepted.conversationId ?? "" };
}

describe("the Discord bot over four shards", () => {
  it("runs the shard count Discord recommends, each shard a session of its own", () => {
    expect([...bot.client.ws.shards.keys()].sort()).toEqual([0, 1, 2, 3]);
    expect(discord.identifies).toBe(shardCount);
  });

  it("gets each of its 20 guilds on the shard Discord routes it to, and only there", () => {
    const guilds = discord.guilds();
    expect(guilds).toHaveLength(20);
    expect(new Set(guilds.map((guild) => shardOf(guild.id))).size).toBe(shardCount);
    for (const guild of guilds) {
      expect(shardsThatGot(GatewayDispatchEvents.GuildCreate, (d) => d.id === guild.id)).toEqual([shardOf(guild.id)]);
      expect(bot.client.guilds.cache.get(guild.id)?.shardId).toBe(shardOf(guild.id));
    }
    expect(bot.client.guilds.cache.size).toBe(20);
  });

  it("answers a slash command in a guild on shard 3, which alone received it", async () => {
    const guild = guildOnShard(3);
    const reply = await discord.interaction({ user: maya, command: "skillswap help", channelId: guild.channelId });

    expect(JSON.stringify(reply)).toContain("/find skill [near] [km]");
    await untilEveryShardCaughtUp();
    expect(shardsThatGot(GatewayDispatchEvents.InteractionCreate, () => true)).toEqual([3]);
    const account = await core.services.accounts.findByIdentity("discord", "", maya.id);
    const memberships = await core.database.db.communityMember.findMany({
      where: { userId: account?.userId ?? "" },
      select: { community: { select: { externalId: true, name: true } } },
    });
    expect(memberships).toEqual([{ community: { externalId: guild.id, name: guild.name } }]);
    expect(logged).toEqual([]);
  });

  it("gets a message in a guild on shard 3 on that shard only", async () => {
    const guild = guildOnShard(3);
    const said = discord.say({ user: leo, channelId: guild.channelId, content: "Anyone up for a jam?" });

    await untilEveryShardCaughtUp();
    expect(shardsThatGot(GatewayDispatchEvents.MessageCreate, (d) => d.id === said.id)).toEqual([3]);
  });

  it("takes a DM in a swap conversation, which Discord sends to shard 0, on to the other person", async () => {
    const { leoActor, conversationId } = await swapInDms();
    const said = discord.say({ user: leo, dm: true, content: "¿Empezamos el martes?" });

    await vi.waitFor(async () => {
      const { messages } = await core.services.conversations.list(leoActor, conversationId);
      expect(messages.map((m) => ({ text: m.text, source: m.source, externalId: m.externalId }))).toEqual([
        { text: "¿Empezamos el martes?", source: "discord", externalId: said.id },
      ]);
    });
    await untilEveryShardCaughtUp();
    expect(shardsThatGot(GatewayDispatchEvents.MessageCreate, (d) => d.id === said.id)).toEqual([0]);
    await deliverEvents();
    expect(discord.dmsTo(maya.id).at(-1)?.content).toBe("**Leo:** ¿Empezamos el martes?");
  });
});
