import type { Delivery, OutboxHandler } from "@skillswap/core";
import type { APIModalInteractionResponseCallbackData } from "discord.js";
import { createDiscordBot, type DiscordBot } from "../discord/create-discord-bot.js";
import { discordWorkerParts } from "../discord/discord-door.js";
import type { BotCore } from "../discord/interactions/handlers.js";
import type { BotLogger } from "../surface.js";
import { slashCommands } from "./discord-scenario.js";
import { LocalDiscord, type LocalUser } from "./local-discord.js";

/**
 * A Discord server beside another surface's stage, on the same core: the local Discord with its members and
 * SkillSwap's commands registered, the real bot logged in to it, and what the worker runs for Discord. Stories
 * that cross platforms (a Slack member swapping with a Discord member) start it next to their own stage.
 */
export interface DiscordBeside {
  readonly discord: LocalDiscord;
  readonly bot: DiscordBot;
  /** The Discord outbox handlers (swap threads, relays, mirrors), for the stage's dispatcher. */
  readonly handlers: readonly OutboxHandler[];
  /** Notifications by Discord DM. */
  readonly delivery: Delivery;
  stop(): Promise<void>;
}

export async function startDiscordBeside(
  core: BotCore,
  options: { readonly members: readonly LocalUser[]; readonly logger: BotLogger; readonly guildName?: string },
): Promise<DiscordBeside> {
  const { logger } = options;
  const discord = new LocalDiscord({
    guildName: options.guildName ?? "Lyon Makers",
    members: options.members,
    guildCommands: slashCommands,
  });
  await discord.start();
  const bot = createDiscordBot(core, { token: "local.bot.token", apiUrl: discord.apiUrl, logger });
  await bot.start();
  const { handlers, delivery } = discordWorkerParts(core, bot.client.rest, logger);
  return {
    discord,
    bot,
    handlers,
    delivery,
    async stop() {
      await bot.stop();
      await discord.stop();
    },
  };
}

/** The text inputs of a Discord form, filled by their position: Discord sends them back by custom id. */
export function fillDiscordForm(
  form: APIModalInteractionResponseCallbackData,
  values: readonly string[],
): Record<string, string> {
  const ids = form.components.flatMap((row) =>
    "components" in row
      ? row.components.map((input) => input.custom_id)
      : "component" in row
        ? [row.component.custom_id]
        : [],
  );
  return Object.fromEntries(ids.map((id, i) => [id, values[i] ?? ""]));
}
