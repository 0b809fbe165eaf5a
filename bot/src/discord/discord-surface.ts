import type { Config } from "@skillswap/core";
import type { ChatSurface } from "../surface.js";
import { createDiscordBot } from "./create-discord-bot.js";
import { discordRest, discordWorkerParts } from "./discord-door.js";
import { shardingFrom } from "./sharding.js";

function tokenOf(config: Config): string {
  const token = config.DISCORD_TOKEN;
  if (token === undefined) throw new Error("The Discord surface needs DISCORD_TOKEN.");
  return token;
}

/**
 * Discord as a surface: the gateway bot (interactions, messages, members, threads) for the `discord` role, and
 * its relays and DMs for the worker, which need only REST and the bot token.
 */
export const discordSurface: ChatSurface = {
  role: "discord",
  configured: (config) => config.DISCORD_TOKEN !== undefined,
  off: {
    status: "off (no DISCORD_TOKEN)",
    line: "Discord bot off: set DISCORD_TOKEN to run it (README, Discord).",
  },
  async start(core, config, { logger }) {
    const bot = createDiscordBot(core, {
      token: tokenOf(config),
      apiUrl: config.DISCORD_API_URL,
      logger,
      sharding: shardingFrom(config),
    });
    await bot.start();
    return {
      status: "connected",
      summary: () =>
        `Discord bot connected to ${bot.client.guilds.cache.size} server(s) over ${bot.client.ws.shards.size} shard(s).`,
      stop: () => bot.stop(),
    };
  },
  workerHandlers(core, config, { logger }) {
    const rest = discordRest({ token: tokenOf(config), apiUrl: config.DISCORD_API_URL });
    const { handlers, delivery } = discordWorkerParts(core, rest, logger);
    return { handlers, deliveries: [delivery] };
  },
};
