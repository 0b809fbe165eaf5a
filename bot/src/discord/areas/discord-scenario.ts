import { createTestCore, type TestCore } from "@skillswap/core/testing";
import { ComponentType, type APIButtonComponent, type APIMessage } from "discord.js";
import { LocalDiscord, type LocalUser } from "../../testing/local-discord.js";
import { createDiscordBot, type DiscordBot } from "../create-discord-bot.js";
import type { BotLogger } from "../interactions/create-interactions.js";
import { registerDiscordCommands } from "../register-commands.js";

/** Scenario people: Discord members of the local guild. */
export const maya: LocalUser = { id: "310000000000000001", username: "maya.k", globalName: "Maya" };
export const theo: LocalUser = { id: "310000000000000002", username: "theo.r", globalName: "Theo" };
export const lena: LocalUser = { id: "310000000000000003", username: "lena.b", globalName: "Lena" };

/** Discord's bits for an ephemeral message and for the Manage Server permission. */
export const ephemeralFlag = 64;
export const manageServer = "32";

export interface Scenario {
  readonly core: TestCore;
  readonly discord: LocalDiscord;
  readonly bot: DiscordBot;
  /** What the bot logged as faults: a scenario that expects none checks it stays empty. */
  readonly logged: unknown[];
  stop(): Promise<void>;
}

/**
 * The real discord.js bot against a local Discord with the command table registered for the guild (so options
 * arrive typed exactly as Discord types them), over a fresh SQLite core.
 */
export async function startScenario(members: readonly LocalUser[] = [maya, theo, lena]): Promise<Scenario> {
  const core = await createTestCore("sqlite");
  const discord = new LocalDiscord({ guildName: "Lyon Makers", members });
  await discord.start();
  const token = "local.bot.token";
  await registerDiscordCommands({
    token,
    apiUrl: discord.apiUrl,
    applicationId: discord.applicationId,
    guildId: discord.guildId,
  });
  const logged: unknown[] = [];
  const logger: BotLogger = { error: (message, error) => logged.push({ message, error }) };
  const bot = createDiscordBot(core, { token, apiUrl: discord.apiUrl, logger });
  await bot.start();
  return {
    core,
    discord,
    bot,
    logged,
    async stop() {
      await bot.stop();
      await discord.stop();
      await core.close();
    },
  };
}

/** The SkillSwap person a Discord member became on their first interaction. */
export async function personOf(scenario: Scenario, user: LocalUser) {
  const account = await scenario.core.services.accounts.findByIdentity("discord", "", user.id);
  if (account === null) throw new Error(`${user.username} never used SkillSwap`);
  return { userId: account.userId, handle: account.handle };
}

/** Everything a person reads in a message: its text, embed titles, fields, footers and button labels. */
export function textOf(message: APIMessage): string {
  const embeds = message.embeds.flatMap((embed) => [
    embed.title ?? "",
    embed.description ?? "",
    ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
    embed.footer?.text ?? "",
  ]);
  const labels = message.components?.flatMap((row) =>
    "components" in row ? row.components.map((c) => ("label" in c ? (c.label ?? "") : "")) : [],
  );
  return [message.content, ...embeds, ...(labels ?? [])].filter((part) => part !== "").join("\n");
}

/** The buttons on a message, as Discord stores them. */
export function buttonsOf(message: APIMessage): APIButtonComponent[] {
  return (message.components ?? []).flatMap((row) =>
    "components" in row ? row.components.filter((c): c is APIButtonComponent => c.type === ComponentType.Button) : [],
  );
}
