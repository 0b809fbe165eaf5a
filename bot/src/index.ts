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
export {
  createSlackApp,
  type SlackApp,
  type SlackAppOptions,
  type SlackAuthorization,
} from "./slack/create-slack-app.js";
export { boltLoggerFor } from "./slack/transport/bolt-logger.js";
export { slackAppOver } from "./slack/slack-door.js";
export {
  slackInstallFlowOver,
  type SlackInstallCallback,
  type SlackInstallFlow,
  type SlackInstallOutcome,
} from "./slack/install/complete-install.js";
export { multiWorkspaceConfigOf } from "./slack/install/multi-workspace.js";
export { checkSlackToken, missingScopesOf, type SlackTokenCheck } from "./slack/install/token-check.js";
export { slackSurface } from "./slack/slack-surface.js";
export { slackOutboxHandlers, type SlackRelayContext } from "./slack/outbox/index.js";
export { slackDelivery, type SlackDeliveryOptions } from "./slack/outbox/dm-delivery.js";
export { slackWebClient } from "./slack/slack-web-client.js";
export {
  SLACK_ACK_DEADLINE_MS,
  SlackEventsReceiver,
  type SlackEvents,
  type SlackHttpRequest,
  type SlackHttpResponse,
  type SlackInbox,
} from "./slack/transport/events-receiver.js";
export { SLACK_REQUEST_WINDOW_MS } from "./slack/transport/request-signature.js";
export { slackManifest, slackUsageHint, type SlackManifest, type SlackManifestOptions } from "./slack/manifest.js";
export { slackShortcuts } from "./slack/shortcut-ids.js";
export { parseCommandText, type ParsedCommandText } from "./slack/commands/command-parser.js";
export { commandTextOf, slackUsageOf } from "./slack/commands/usage.js";
export {
  type SlackChannelRef,
  type SlackOptions,
  type SlackOptionValue,
  type SlackUserRef,
} from "./slack/commands/option-values.js";
