import { REST, Routes, type APIApplication, type RESTPutAPIApplicationCommandsResult } from "discord.js";
import { commandDefinitions } from "../commands/definitions.js";
import { applicationCommandsOf } from "./application-commands.js";

export interface RegisterCommandsOptions {
  readonly token: string;
  readonly apiUrl?: string;
  /** Read from Discord with the token when not given. */
  readonly applicationId?: string;
  /** One guild: commands appear there at once, handy while testing. Otherwise global (may take up to an hour). */
  readonly guildId?: string;
}

export interface RegisteredCommands {
  readonly applicationId: string;
  readonly scope: "global" | { readonly guildId: string };
  readonly names: readonly string[];
}

/**
 * Publishes the command table to Discord as one bulk overwrite, so commands dropped from the table disappear
 * and running it twice changes nothing.
 */
export async function registerDiscordCommands(options: RegisterCommandsOptions): Promise<RegisteredCommands> {
  const rest = new REST(options.apiUrl === undefined ? {} : { api: options.apiUrl }).setToken(options.token);
  const applicationId = options.applicationId ?? ((await rest.get(Routes.currentApplication())) as APIApplication).id;
  const route =
    options.guildId === undefined
      ? Routes.applicationCommands(applicationId)
      : Routes.applicationGuildCommands(applicationId, options.guildId);
  const registered = (await rest.put(route, {
    body: applicationCommandsOf(commandDefinitions),
  })) as RESTPutAPIApplicationCommandsResult;
  return {
    applicationId,
    scope: options.guildId === undefined ? "global" : { guildId: options.guildId },
    names: registered.map((command) => command.name),
  };
}
