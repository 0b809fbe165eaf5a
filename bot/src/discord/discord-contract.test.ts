import { ChannelType, REST, Routes, type APIChannel, type APIGuild } from "discord.js";
import { createTestCore, type TestCore } from "@skillswap/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandDefinitions } from "../commands/definitions.js";
import { applicationCommandsOf } from "./application-commands.js";
import { createDiscordBot, type DiscordBot } from "./create-discord-bot.js";
import { registerDiscordCommands } from "./register-commands.js";

/**
 * The same calls the bot makes, against the real Discord: run with a test application's bot token and a guild
 * it was invited to (README "Discord", contract tests). Optional DISCORD_TEST_CHANNEL_ID: a text channel where
 * the bot may open and archive a private thread. Skipped when the variables are not set, as in CI.
 */
const token = process.env.DISCORD_TOKEN;
const guildId = process.env.DISCORD_TEST_GUILD_ID;
const channelId = process.env.DISCORD_TEST_CHANNEL_ID;
const live = token !== undefined && token !== "" && guildId !== undefined && guildId !== "";

describe.skipIf(!live)("the real Discord (contract)", () => {
  const rest = new REST().setToken(token ?? "");
  let core: TestCore;
  let bot: DiscordBot;

  beforeAll(async () => {
    core = await createTestCore("sqlite");
    bot = createDiscordBot(core, { token: token ?? "" });
    await bot.start();
  }, 60_000);

  afterAll(async () => {
    await bot.stop();
    await core.close();
  });

  it("accepts SkillSwap's command table for the guild, exactly as defined", async () => {
    const registered = await registerDiscordCommands({ token: token ?? "", guildId: guildId ?? "" });
    expect([...registered.names].sort()).toEqual(
      applicationCommandsOf(commandDefinitions)
        .map((c) => c.name)
        .sort(),
    );
  });

  it("logs in over the gateway and sees the test guild, which becomes a community", async () => {
    expect(bot.client.guilds.cache.has(guildId ?? "")).toBe(true);
    const guild = (await rest.get(Routes.guild(guildId ?? ""))) as APIGuild;
    const community = await core.database.db.community.findFirst({ where: { externalId: guild.id } });
    expect(community?.name).toBe(guild.name);
  });

  it.skipIf(channelId === undefined)("opens a private thread in a text channel and archives it", async () => {
    const thread = (await rest.post(Routes.threads(channelId ?? ""), {
      body: { name: "skillswap contract test", type: ChannelType.PrivateThread, invitable: false },
    })) as APIChannel;
    expect(thread.type).toBe(ChannelType.PrivateThread);
    const archived = (await rest.patch(Routes.channel(thread.id), {
      body: { archived: true, locked: true },
    })) as APIChannel & { thread_metadata?: { archived: boolean } };
    expect(archived.thread_metadata?.archived).toBe(true);
  });
});
