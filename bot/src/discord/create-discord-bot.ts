import { once } from "node:events";
import { Client, Events, GatewayIntentBits } from "discord.js";
import { runCommand, type BotLogger } from "./run-command.js";
import type { BotCore } from "./resolve-actor.js";

export interface DiscordBotOptions {
  readonly token: string;
  /** Discord's REST base ("https://discord.com/api" by default); tests point it at a local Discord. */
  readonly apiUrl?: string;
  readonly logger?: BotLogger;
}

export interface DiscordBot {
  /** Logs in and resolves once the guilds the bot is in have arrived. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

const consoleLogger: BotLogger = {
  error: (message, error) => console.error(message, error),
};

export function createDiscordBot(core: BotCore, options: DiscordBotOptions): DiscordBot {
  const logger = options.logger ?? consoleLogger;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    ...(options.apiUrl === undefined ? {} : { rest: { api: options.apiUrl } }),
  });

  client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isChatInputCommand()) return;
    // The reply itself can fail (Discord down, token expired after 15 min); nothing is left to tell the person.
    runCommand(core, interaction, logger).catch((error: unknown) => logger.error("reply failed", error));
  });

  return {
    async start() {
      const ready = once(client, Events.ClientReady);
      await client.login(options.token);
      await ready;
    },
    async stop() {
      await client.destroy();
    },
  };
}
