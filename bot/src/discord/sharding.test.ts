import { ConfigError, loadConfig } from "@skillswap/core";
import { describe, expect, it } from "vitest";
import { clientSharding, shardingFrom } from "./sharding.js";

/** The configuration from these variables alone (no skillswap.config.json). */
const configWith = (env: Record<string, string>) => loadConfig({}, env, "/nonexistent/skillswap.config.json");

describe("how many gateway shards the bot runs", () => {
  it("runs one connection unless told otherwise", () => {
    expect(clientSharding(shardingFrom(configWith({})))).toEqual({ shards: [0], shardCount: 1 });
  });

  it("runs the count Discord recommends with DISCORD_SHARDS=auto", () => {
    expect(clientSharding(shardingFrom(configWith({ DISCORD_SHARDS: "auto" })))).toEqual({ shards: "auto" });
  });

  it("runs every shard of a fixed count in this one process", () => {
    expect(clientSharding(shardingFrom(configWith({ DISCORD_SHARDS: "4" })))).toEqual({
      shards: [0, 1, 2, 3],
      shardCount: 4,
    });
  });

  it("runs only its range when several processes share the shards", () => {
    const config = configWith({ DISCORD_SHARDS: "16", DISCORD_SHARD_IDS: "4-7,12" });
    expect(clientSharding(shardingFrom(config))).toEqual({ shards: [4, 5, 6, 7, 12], shardCount: 16 });
  });

  it("refuses a count that is not a whole number of at least one", () => {
    expect(() => configWith({ DISCORD_SHARDS: "0" })).toThrow(ConfigError);
    expect(() => configWith({ DISCORD_SHARDS: "many" })).toThrow(/DISCORD_SHARDS: Use "auto" or a whole number/);
    expect(() => configWith({ DISCORD_SHARD_IDS: "first" })).toThrow(/DISCORD_SHARD_IDS/);
  });

  it("refuses shard ids without a fixed count, or past it", () => {
    expect(() => shardingFrom(configWith({ DISCORD_SHARDS: "auto", DISCORD_SHARD_IDS: "0-1" }))).toThrow(
      /DISCORD_SHARD_IDS needs DISCORD_SHARDS to be a number/,
    );
    expect(() => shardingFrom(configWith({ DISCORD_SHARDS: "4", DISCORD_SHARD_IDS: "2-5" }))).toThrow(
      "DISCORD_SHARD_IDS names shard 4, 5, but shards go from 0 to 3.",
    );
  });
});
