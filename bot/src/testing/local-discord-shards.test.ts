import { once } from "node:events";
import {
  Client,
  Events,
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
  Partials,
  REST,
  Routes,
  type RESTGetAPIGatewayBotResult,
} from "discord.js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { WebSocket } from "ws";
import { LocalDiscord, type LocalUser } from "./index.js";

const ana: LocalUser = { id: "310000000000000011", username: "ana.g", globalName: "Ana" };
const token = "local.bot.token";
const intents = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
  GatewayIntentBits.DirectMessages,
];
const shardOf = (guildId: string, count: number) => Number((BigInt(guildId) >> 22n) % BigInt(count));

let discord: LocalDiscord;
let clients: Client[];

beforeEach(async () => {
  discord = new LocalDiscord({
    guildName: "Lyon Makers",
    members: [ana],
    otherGuilds: ["Paris Makers", "Nantes Makers", "Lille Makers", "Brest Makers", "Dijon Makers"],
    shards: 2,
    maxConcurrency: 2,
  });
  await discord.start();
  clients = [];
});

afterEach(async () => {
  await Promise.all(clients.map((client) => client.destroy()));
  await discord.stop();
});

/** A discord.js Client running some of the shards, as one of several bot processes would. */
async function connectShards(shards: number[], shardCount: number): Promise<Client> {
  const client = new Client({
    intents,
    partials: [Partials.Channel],
    rest: { api: discord.apiUrl },
    shards,
    shardCount,
  });
  clients.push(client);
  const ready = once(client, Events.ClientReady);
  await client.login(token);
  await ready;
  return client;
}

/**
 * The MESSAGE_CREATE dispatches each process receives, raw: discord.js itself drops a message of a guild it has
 * not cached, which would hide a copy wrongly sent to the other shard.
 */
function watchMessages(first: Client, second: Client): { process: string; guildId: unknown }[] {
  const seen: { process: string; guildId: unknown }[] = [];
  for (const [client, name] of [
    [first, "shard 0"],
    [second, "shard 1"],
  ] as const) {
    client.ws.on(GatewayDispatchEvents.MessageCreate, (d: { guild_id?: string }) =>
      seen.push({ process: name, guildId: d.guild_id }),
    );
  }
  return seen;
}

describe("a sharded local Discord", () => {
  it("recommends its shard count and how many shards may identify at once", async () => {
    const gateway = (await new REST({ api: discord.apiUrl })
      .setToken(token)
      .get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
    expect(gateway).toMatchObject({ url: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:/), shards: 2 });
    expect(gateway.session_start_limit).toMatchObject({ max_concurrency: 2, remaining: expect.any(Number) });
  });

  it("gives each process only the guilds of the shards it runs, and DMs to shard 0's", async () => {
    const [first, second] = [await connectShards([0], 2), await connectShards([1], 2)];
    const guilds = discord.guilds();
    const idsOn = (shard: number) => guilds.filter((guild) => shardOf(guild.id, 2) === shard).map((g) => g.id);
    expect(idsOn(0)).not.toEqual([]);
    expect(idsOn(1)).not.toEqual([]);
    expect([...first.guilds.cache.keys()].sort()).toEqual(idsOn(0).sort());
    expect([...second.guilds.cache.keys()].sort()).toEqual(idsOn(1).sort());

    const seen = watchMessages(first, second);
    discord.say({ user: ana, dm: true, content: "hello bot" });
    // Shard 1's next frame is this guild message: had the DM been sent there too, it would have arrived first.
    const shardOneGuild = guilds.find((guild) => shardOf(guild.id, 2) === 1);
    discord.say({ user: ana, channelId: shardOneGuild?.channelId ?? "", content: "jam tonight?" });
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen).toEqual(
      expect.arrayContaining([
        { process: "shard 0", guildId: undefined },
        { process: "shard 1", guildId: shardOneGuild?.id },
      ]),
    );
  });

  it("brings a guild's messages to its shard alone", async () => {
    const [first, second] = [await connectShards([0], 2), await connectShards([1], 2)];
    const guild = discord.guilds().find((candidate) => shardOf(candidate.id, 2) === 1);
    const seen = watchMessages(first, second);
    discord.say({ user: ana, channelId: guild?.channelId ?? "", content: "jam tonight?" });
    // Shard 0's next frame is this DM: had the guild message been sent there too, it would have arrived first.
    discord.say({ user: ana, dm: true, content: "hello bot" });
    await vi.waitFor(() => expect(seen).toContainEqual({ process: "shard 0", guildId: undefined }));
    await vi.waitFor(() => expect(seen).toContainEqual({ process: "shard 1", guildId: guild?.id }));
    expect(seen).toHaveLength(2);
  });

  it("closes a connection that identifies as a shard outside the count with 4010 Invalid Shard", async () => {
    const socket = new WebSocket(discord.url.replace("http", "ws"));
    await once(socket, "message");
    const closed = once(socket, "close") as Promise<[number]>;
    socket.send(JSON.stringify({ op: GatewayOpcodes.Identify, d: { token, intents: 1, shard: [2, 2] } }));
    const [code] = await closed;
    expect(code).toBe(4010);
    expect(discord.identifies).toBe(0);
  });

  it("withholds an event of a shard nobody runs, saying so", async () => {
    await connectShards([0], 2);
    const guild = discord.guilds().find((candidate) => shardOf(candidate.id, 2) === 1);
    discord.dispatch(GatewayDispatchEvents.GuildUpdate, { id: guild?.id, name: "Renamed" });
    expect(discord.withheldEvents).toEqual([
      { t: GatewayDispatchEvents.GuildUpdate, reason: "no session runs the shard it belongs to" },
    ]);
  });
});
