import type { Config } from "@skillswap/core";
import type { ClientOptions } from "discord.js";

/**
 * How the bot's gateway connection is split. Discord requires shards from 2,500 servers: each shard is one
 * WebSocket carrying the events of the guilds whose `(guild_id >> 22) % count` is its id, and direct messages
 * reach shard 0 only.
 *
 * The shards run inside the discord.js Client (its internal sharding over @discordjs/ws), not under a
 * ShardingManager. A ShardingManager starts one child process per shard from a script of its own, so each
 * child would build its own core, database pool and outbox, and anything spanning servers would need
 * broadcastEval. SkillSwap needs none of that: every event is handled by one core call where it arrives, and
 * what the bot says goes out over REST, from whichever process holds the token (the worker's relays
 * included). So one process runs any number of shards with one core; past what one process can carry, several
 * `discord` processes each run a range of them (`ids`), all agreeing on `count`.
 */
export interface DiscordSharding {
  /** Shards in all, across every process; "auto" asks Discord (GET /gateway/bot) how many it recommends. */
  readonly count: number | "auto";
  /** The shards this process runs; all of them when unset. */
  readonly ids?: readonly number[];
}

/** DISCORD_SHARDS and DISCORD_SHARD_IDS, checked against each other (each alone is checked by the config). */
export function shardingFrom(config: Pick<Config, "DISCORD_SHARDS" | "DISCORD_SHARD_IDS">): DiscordSharding {
  const count = config.DISCORD_SHARDS;
  const ids = config.DISCORD_SHARD_IDS;
  if (ids === undefined) return { count };
  if (count === "auto") {
    // Processes that each asked Discord could get different counts and route guilds to shards nobody runs.
    throw new Error('DISCORD_SHARD_IDS needs DISCORD_SHARDS to be a number, the same in every process, not "auto".');
  }
  const outside = ids.filter((id) => id >= count);
  if (outside.length > 0) {
    throw new Error(`DISCORD_SHARD_IDS names shard ${outside.join(", ")}, but shards go from 0 to ${count - 1}.`);
  }
  return { count, ids };
}

/** The discord.js Client options that run these shards. */
export function clientSharding(sharding: DiscordSharding): Pick<ClientOptions, "shards" | "shardCount"> {
  if (sharding.count === "auto") return { shards: "auto" };
  return {
    shards: [...(sharding.ids ?? Array.from({ length: sharding.count }, (_, id) => id))],
    shardCount: sharding.count,
  };
}
