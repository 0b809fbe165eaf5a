import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  type APIApplicationCommand,
  type APIApplicationCommandOption,
  type RESTPostAPIApplicationCommandsJSONBody,
} from "discord.js";
import { discordErrors } from "./discord-errors.js";
import { snowflake } from "./snowflake.js";

type CommandBody = Partial<RESTPostAPIApplicationCommandsJSONBody> & { readonly id?: string };
type Path = (string | number)[];

// Discord's rule for chat-input names: 1-32 letters, digits, '-' or '_', lowercase where a letter has case.
const namePattern = /^[-_'\p{L}\p{N}]{1,32}$/u;

/** The application's registered commands, global and for the one guild, as bulk overwrites leave them. */
export class CommandRegistry {
  private global: APIApplicationCommand[] = [];
  private guild: APIApplicationCommand[] = [];

  constructor(
    private readonly applicationId: string,
    private readonly guildId: string,
  ) {}

  list(scope: "global" | "guild"): APIApplicationCommand[] {
    return [...(scope === "global" ? this.global : this.guild)];
  }

  /** Replaces a scope's commands; like Discord, a command keeps its id when its name and type are unchanged. */
  overwrite(scope: "global" | "guild", bodies: readonly CommandBody[]): APIApplicationCommand[] {
    checkCommands(bodies);
    const previous = scope === "global" ? this.global : this.guild;
    const next = bodies.map((body) => this.toCommand(body, scope, previous));
    if (scope === "global") this.global = next;
    else this.guild = next;
    return [...next];
  }

  /** A chat-input command by name, guild commands first (they shadow global ones in the client). */
  find(name: string): APIApplicationCommand | undefined {
    const isNamed = (command: APIApplicationCommand) =>
      command.name === name && command.type === ApplicationCommandType.ChatInput;
    return this.guild.find(isNamed) ?? this.global.find(isNamed);
  }

  private toCommand(body: CommandBody, scope: "global" | "guild", previous: APIApplicationCommand[]) {
    const type = body.type ?? ApplicationCommandType.ChatInput;
    const kept = previous.find((command) => command.name === body.name && command.type === type);
    const command: APIApplicationCommand = {
      id: kept?.id ?? snowflake(),
      application_id: this.applicationId,
      version: snowflake(),
      type,
      name: body.name ?? "",
      name_localizations: null,
      description: "description" in body ? (body.description ?? "") : "",
      description_localizations: null,
      options: "options" in body ? (body.options ?? []) : [],
      default_member_permissions: body.default_member_permissions ?? null,
      nsfw: body.nsfw ?? false,
      contexts: body.contexts ?? null,
      integration_types: body.integration_types ?? [ApplicationIntegrationType.GuildInstall],
      ...(scope === "guild" ? { guild_id: this.guildId } : {}),
    };
    return command;
  }
}

/** Throws the 400 Discord answers to a command list it would refuse to register. */
function checkCommands(bodies: readonly CommandBody[]): void {
  const seen = new Set<string>();
  bodies.forEach((body, index) => {
    const type = body.type ?? ApplicationCommandType.ChatInput;
    const key = `${type}:${body.name ?? ""}`;
    if (seen.has(key)) {
      throw discordErrors.invalidForm(
        [index, "name"],
        "APPLICATION_COMMANDS_DUPLICATE_NAME",
        "Application command names must be unique",
      );
    }
    seen.add(key);
    if (type !== ApplicationCommandType.ChatInput) return;
    checkNamed(body.name, "description" in body ? body.description : undefined, [index]);
    checkOptions("options" in body ? (body.options ?? []) : [], [index, "options"]);
  });
}

function checkOptions(options: readonly APIApplicationCommandOption[], path: Path): void {
  if (options.length > 25) throw lengthError(path, 0, 25);
  let optionalSeen = false;
  const names = new Set<string>();
  options.forEach((option, index) => {
    checkNamed(option.name, option.description, [...path, index]);
    if (names.has(option.name)) {
      throw discordErrors.invalidForm(
        [...path, index, "name"],
        "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS",
        "Option names must be unique",
      );
    }
    names.add(option.name);
    const nested =
      option.type === ApplicationCommandOptionType.Subcommand ||
      option.type === ApplicationCommandOptionType.SubcommandGroup;
    if (nested) return checkOptions(option.options ?? [], [...path, index, "options"]);
    const required = option.required === true;
    if (required && optionalSeen) {
      throw discordErrors.invalidForm(
        path,
        "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
        "Required options must be placed before non-required options",
      );
    }
    optionalSeen ||= !required;
    if ("choices" in option && (option.choices?.length ?? 0) > 25)
      throw lengthError([...path, index, "choices"], 0, 25);
  });
}

function checkNamed(name: string | undefined, description: string | undefined, path: Path): void {
  const value = name ?? "";
  if (!namePattern.test(value) || value !== value.toLowerCase()) {
    throw discordErrors.invalidForm([...path, "name"], "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
  }
  const length = (description ?? "").length;
  if (length < 1 || length > 100) throw lengthError([...path, "description"], 1, 100);
}

function lengthError(path: Path, min: number, max: number) {
  return discordErrors.invalidForm(path, "BASE_TYPE_BAD_LENGTH", `Must be between ${min} and ${max} in length.`);
}
