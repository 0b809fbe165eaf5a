import { discordInviteUrl, registerDiscordCommands } from "@skillswap/bot";
import { loadConfig } from "@skillswap/core";
import { emit, type OutputOptions } from "../output.js";

export interface RegisterCommandsFlags extends OutputOptions {
  readonly discord?: boolean;
  readonly guild?: string;
}

/**
 * Publishes SkillSwap's slash commands to Discord (globally, or to one guild with --guild, where they show up
 * at once) and prints the invite link with the permissions the bot needs.
 */
export async function registerCommandsCommand(flags: RegisterCommandsFlags): Promise<void> {
  if (flags.discord !== true)
    throw new Error("Say which platform: --discord (Slack reads its commands from its manifest).");
  const config = loadConfig();
  if (config.DISCORD_TOKEN === undefined)
    throw new Error("Set DISCORD_TOKEN to the bot token from the Discord developer portal.");
  const result = await registerDiscordCommands({
    token: config.DISCORD_TOKEN,
    apiUrl: config.DISCORD_API_URL,
    ...(config.DISCORD_APPLICATION_ID === undefined ? {} : { applicationId: config.DISCORD_APPLICATION_ID }),
    ...(flags.guild === undefined ? {} : { guildId: flags.guild }),
  });
  const invite = discordInviteUrl(result.applicationId);
  emit(flags, { ...result, invite }, () =>
    [
      `Registered ${result.names.length} Discord commands ${
        result.scope === "global"
          ? "globally (they can take up to an hour to appear)"
          : `in guild ${result.scope.guildId}`
      }: ${result.names.map((name) => `/${name}`).join(" ")}`,
      `Invite the bot to a server with: ${invite}`,
    ].join("\n"),
  );
}
