import { REST, Routes, type APIGuild } from "discord.js";
import type { Delivery, OutboxHandler } from "@skillswap/core";
import { botAreas } from "./areas/index.js";
import { createDiscordInteractions, type BotLogger } from "./interactions/create-interactions.js";
import type { BotCore } from "./interactions/handlers.js";
import type { GuildNames } from "./interactions/interaction-actor.js";
import { redactingLogger } from "./interactions/log-redaction.js";
import type { DiscordInteractions } from "./interactions/transport.js";
import { discordDelivery } from "./outbox/dm-delivery.js";
import { discordOutboxHandlers } from "./outbox/index.js";

export interface DiscordRestOptions {
  /** The bot token; without it only interaction-token calls (replies, follow-ups) work. */
  readonly token?: string;
  /** Discord's REST base ("https://discord.com/api" by default); tests point it at a local Discord. */
  readonly apiUrl?: string;
}

/** discord.js's REST client: it queues per rate-limit bucket and retries 429 and 5xx as Discord's headers say. */
export function discordRest(options: DiscordRestOptions): REST {
  const rest = new REST(options.apiUrl === undefined ? {} : { api: options.apiUrl });
  return options.token === undefined ? rest : rest.setToken(options.token);
}

export interface InteractionsOptions {
  readonly logger: BotLogger;
  readonly deferAfterMs?: number;
  /** Where guild names come from; by default Discord's REST (needs the bot token). */
  readonly guildNames?: GuildNames;
}

/** Guild names by REST, remembered: a guild is named once per process, renames arrive with GUILD_UPDATE. */
function restGuildNames(rest: REST): GuildNames {
  const names = new Map<string, string>();
  return async (guildId) => {
    const known = names.get(guildId);
    if (known !== undefined) return known;
    const { name } = (await rest.get(Routes.guild(guildId))) as APIGuild;
    names.set(guildId, name);
    return name;
  };
}

/**
 * The interaction router with every area of the bot, replays claimed in the core's inbox. The gateway bot and
 * the HTTP endpoint (`POST /discord/interactions`, possibly in another process) both use one of these.
 */
export function discordInteractionsOver(core: BotCore, rest: REST, options: InteractionsOptions): DiscordInteractions {
  return createDiscordInteractions({
    core,
    rest,
    areas: botAreas,
    logger: options.logger,
    claim: (id) => core.services.inbox.claim("discord", id),
    guildNames: options.guildNames ?? restGuildNames(rest),
    ...(options.deferAfterMs === undefined ? {} : { deferAfterMs: options.deferAfterMs }),
  });
}

/**
 * What the worker does for Discord: open swap threads, relay messages, mirror groups and forums (outbox
 * handlers), and notify people by DM (a delivery). Only REST is needed, so any worker process with the bot
 * token can do it, whether or not it also holds the gateway connection.
 */
export function discordWorkerParts(
  core: BotCore,
  rest: REST,
  logger: BotLogger,
): { readonly handlers: OutboxHandler[]; readonly delivery: Delivery } {
  // Their failures are discord.js errors too; a failed DM's would carry the login link it was sending.
  const redacting = redactingLogger(logger);
  return {
    handlers: discordOutboxHandlers({ core, rest, logger: redacting }),
    delivery: discordDelivery({ core, rest, logger: redacting }),
  };
}
