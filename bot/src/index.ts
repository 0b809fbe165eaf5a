export { createDiscordBot, type DiscordBot, type DiscordBotOptions } from "./discord/create-discord-bot.js";
export type { BotLogger } from "./discord/run-command.js";
export {
  commandDefinitions,
  commandNameOf,
  usageOf,
  type CommandDefinition,
  type OptionDefinition,
} from "./commands/definitions.js";
export { applicationCommandsOf } from "./discord/application-commands.js";
