import { once } from "node:events";
import {
  Client,
  Events,
  GatewayDispatchEvents,
  GatewayIntentBits,
  Partials,
  Routes,
  type APIGuild,
  type APIInteraction,
} from "discord.js";
import { discordInteractionsOver } from "./discord-door.js";
import { listenToGateway } from "./gateway/index.js";
import type { BotLogger } from "./interactions/create-interactions.js";
import type { BotCore } from "./interactions/handlers.js";
import { redactingLogger } from "./interactions/log-redaction.js";
import type { DiscordInteractions } from "./interactions/transport.js";
import { clientSharding, type DiscordSharding } from "./sharding.js";

export interface DiscordBotOptions {
  readonly token: string;
  /** Discord's REST base ("https://discord.com/api" by default); tests point it at a local Discord. */
  readonly apiUrl?: string;
  readonly logger?: BotLogger;
  /** See createDiscordInteractions; tests shorten it to exercise deferral. */
  readonly deferAfterMs?: number;
  /** The gateway shards this process runs (see sharding.ts); one connection when unset. */
  readonly sharding?: DiscordSharding;
}

export interface DiscordBot {
  /** Logs in over the gateway and resolves once every shard is ready with the guilds the bot is in. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The interaction router, for the HTTP transport (`POST /discord/interactions`) to hand payloads to. */
  readonly interactions: DiscordInteractions;
  readonly client: Client;
}

const consoleLogger: BotLogger = {
  error: (message, error) => console.error(message, error),
};

/** The intents the bot asks for; README "Discord" explains each (two are privileged). */
export const discordIntents = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMembers,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
  GatewayIntentBits.DirectMessages,
];

/**
 * The Discord door: the real discord.js Client on the gateway (interactions, messages, members, threads) and
 * its REST client for everything the bot says. Interactions go to the shared router, the same one the HTTP
 * transport uses.
 */
export function createDiscordBot(core: BotCore, options: DiscordBotOptions): DiscordBot {
  // Knowing the bot token, every line this bot logs is checked for it verbatim, not only by its shape.
  const logger = redactingLogger(options.logger ?? consoleLogger, [options.token]);
  const client = new Client({
    intents: discordIntents,
    // DMs arrive as channels discord.js has not cached; without this partial it drops their messages.
    partials: [Partials.Channel],
    ...(options.apiUrl === undefined ? {} : { rest: { api: options.apiUrl } }),
    ...(options.sharding === undefined ? {} : clientSharding(options.sharding)),
  });
  client.rest.setToken(options.token);
  const interactions = discordInteractionsOver(core, client.rest, {
    logger,
    // The gateway brought every guild the bot is in; REST only for one that joined a moment ago.
    guildNames: async (guildId) =>
      client.guilds.cache.get(guildId)?.name ?? ((await client.rest.get(Routes.guild(guildId))) as APIGuild).name,
    ...(options.deferAfterMs === undefined ? {} : { deferAfterMs: options.deferAfterMs }),
  });

  // client.ws re-emits the dispatches of every shard this process runs, so no listener cares which one it came on.
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (interaction: APIInteraction) => {
    // The gateway's first response is a REST callback; the HTTP transport answers in its response instead.
    const respond = (body: unknown) =>
      client.rest
        .post(Routes.interactionCallback(interaction.id, interaction.token), { body, auth: false })
        .then(() => undefined);
    // A replay (a resumed session re-sending it) needs nothing here: its first delivery was answered over REST.
    // Payloads here come from Discord over its own authenticated connection, so they are not checked as the
    // HTTP endpoint checks what anyone can POST; one the router could not read fails, is logged, runs nothing.
    interactions.handle(interaction, respond).catch((error: unknown) => logger.error("interaction failed", error));
  });
  listenToGateway(client, { core, logger });

  return {
    interactions,
    client,
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
