import {
  ApplicationCommandOptionType,
  ChannelType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  type APIApplicationCommandSubcommandGroupOption,
  type APIApplicationCommandSubcommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { CommandDefinition, OptionDefinition, OptionKind } from "../commands/definitions.js";

const optionTypes: Readonly<Record<OptionKind, ApplicationCommandOptionType>> = {
  string: ApplicationCommandOptionType.String,
  number: ApplicationCommandOptionType.Number,
  integer: ApplicationCommandOptionType.Integer,
  boolean: ApplicationCommandOptionType.Boolean,
  user: ApplicationCommandOptionType.User,
  channel: ApplicationCommandOptionType.Channel,
};

// Channels a group or the swaps threads can live in: text channels and forums, not voice or categories.
const linkableChannels = [ChannelType.GuildText, ChannelType.GuildAnnouncement, ChannelType.GuildForum];

function optionOf(option: OptionDefinition): APIApplicationCommandBasicOption {
  const shape: Record<string, unknown> = {
    name: option.name,
    description: option.description,
    type: optionTypes[option.kind],
    required: option.required,
  };
  if (option.choices !== undefined) shape.choices = option.choices.map((value) => ({ name: value, value }));
  if (option.suggest !== undefined) shape.autocomplete = true;
  if (option.min !== undefined) shape.min_value = option.min;
  if (option.max !== undefined) shape.max_value = option.max;
  if (option.kind === "channel") shape.channel_types = linkableChannels;
  // discord-api-types keys each option shape by a literal `type`; a type picked from a table cannot narrow it.
  return shape as unknown as APIApplicationCommandBasicOption;
}

function subcommandOf(name: string, definition: CommandDefinition): APIApplicationCommandSubcommandOption {
  return {
    name,
    description: definition.description,
    type: ApplicationCommandOptionType.Subcommand,
    options: definition.options.map(optionOf),
  };
}

/** Adds `entry` to `options`, or merges it into the sub-command group of the same name already there. */
function withGroupEntry(
  options: readonly APIApplicationCommandOption[],
  groupName: string,
  entry: APIApplicationCommandSubcommandOption,
): APIApplicationCommandOption[] {
  const existing = options.find(
    (o): o is APIApplicationCommandSubcommandGroupOption =>
      o.type === ApplicationCommandOptionType.SubcommandGroup && o.name === groupName,
  );
  const group: APIApplicationCommandSubcommandGroupOption = {
    name: groupName,
    description: `${groupName} commands`,
    type: ApplicationCommandOptionType.SubcommandGroup,
    options: [...(existing?.options ?? []), entry],
  };
  return existing === undefined ? [...options, group] : options.map((o) => (o === existing ? group : o));
}

/**
 * The slash commands to register with Discord: top-level commands as they are, "group sub" definitions gathered
 * under one command per group and "group sub-group sub" under a sub-command group, since Discord allows a name
 * only once per application.
 */
export function applicationCommandsOf(
  definitions: readonly CommandDefinition[],
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const commands = new Map<string, RESTPostAPIChatInputApplicationCommandsJSONBody>();
  for (const definition of definitions) {
    const [name, second, third] = definition.path;
    if (second === undefined) {
      commands.set(name, { name, description: definition.description, options: definition.options.map(optionOf) });
      continue;
    }
    const command = commands.get(name) ?? { name, description: `SkillSwap: ${name}`, options: [] };
    const options = command.options ?? [];
    commands.set(name, {
      ...command,
      options:
        third === undefined
          ? [...options, subcommandOf(second, definition)]
          : withGroupEntry(options, second, subcommandOf(third, definition)),
    });
  }
  return [...commands.values()];
}
