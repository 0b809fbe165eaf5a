import type { CommandName } from "../../commands/definitions.js";
import type { DiscordCommand } from "./command.js";
import { findCommand } from "./find.command.js";
import { helpCommand } from "./help.command.js";

/** One handler per command definition; the type refuses a definition left without one. */
export const discordCommands: Readonly<Record<CommandName, DiscordCommand>> = {
  "skillswap help": helpCommand,
  find: findCommand,
};
