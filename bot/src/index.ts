export {
  createDiscordBot,
  discordIntents,
  type DiscordBot,
  type DiscordBotOptions,
} from "./discord/create-discord-bot.js";
export {
  discordInteractionsOver,
  discordRest,
  discordWorkerParts,
  type DiscordRestOptions,
  type InteractionsOptions,
} from "./discord/discord-door.js";
export type { BotLogger } from "./surface.js";
export type { ChatSurface, RunningSurface, SurfaceOptions, SurfaceWorkerParts } from "./surface.js";
export { chatSurfaces } from "./surfaces.js";
export { discordSurface } from "./discord/discord-surface.js";
export type { DiscordInteractions, RespondFirst } from "./discord/interactions/transport.js";
export {
  commandDefinitions,
  commandNameOf,
  usageOf,
  type CommandDefinition,
  type OptionDefinition,
} from "./commands/definitions.js";
export { applicationCommandsOf } from "./discord/application-commands.js";
export {
  registerDiscordCommands,
  type RegisterCommandsOptions,
  type RegisteredCommands,
} from "./discord/register-commands.js";
export { discordBotPermissions, discordInviteUrl } from "./discord/invite-url.js";
export { discordOutboxHandlers, type RelayContext } from "./discord/outbox/index.js";
export { discordDelivery, type DiscordDeliveryOptions } from "./discord/outbox/dm-delivery.js";
