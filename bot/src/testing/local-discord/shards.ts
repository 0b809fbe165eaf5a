import { GatewayDispatchEvents } from "discord.js";
import { isRecord } from "./json.js";

/** A gateway session's place among the bot's shards, as IDENTIFY's `shard` sends it: [shard_id, num_shards]. */
export type ShardPlace = readonly [id: number, count: number];

export const unsharded: ShardPlace = [0, 1];

// Events about a guild itself name it as `id`; every other guild event names it as `guild_id`.
const eventsAboutTheGuild = new Set<string>([
  GatewayDispatchEvents.GuildCreate,
  GatewayDispatchEvents.GuildUpdate,
  GatewayDispatchEvents.GuildDelete,
]);

/** Discord's documented routing: a guild's events go to shard `(guild_id >> 22) % num_shards`. */
export function shardOfGuild(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/** The shard an event goes to: its guild's, or shard 0 for what belongs to no guild (DMs, the bot's own user). */
export function shardOfEvent(t: string, d: unknown, count: number): number {
  if (!isRecord(d)) return 0;
  const guildId = eventsAboutTheGuild.has(t) ? d.id : d.guild_id;
  return typeof guildId === "string" ? shardOfGuild(guildId, count) : 0;
}

/** IDENTIFY's `shard` field; a client that sends none is the only shard. */
export function shardPlaceOf(value: unknown): ShardPlace {
  if (!Array.isArray(value)) return unsharded;
  const [id, count] = value as unknown[];
  return typeof id === "number" && typeof count === "number" ? [id, count] : unsharded;
}

/** Discord closes a connection that names a shard outside [0, count) with 4010 Invalid Shard. */
export function isValidShard([id, count]: ShardPlace): boolean {
  return Number.isInteger(id) && Number.isInteger(count) && count >= 1 && id >= 0 && id < count;
}
