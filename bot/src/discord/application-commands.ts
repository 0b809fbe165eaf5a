import {
  ApplicationCommandOptionType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { CommandDefinition, OptionDefinition, OptionKind } from "../commands/definitions.js";

const optionTypes: Readonly<Record<OptionKind, ApplicationCommandOptionType>> = {
  string: ApplicationCommandOptionType.String,
  number: ApplicationCommandOptionType.Number,
  integer: ApplicationCommandOptionType.Integer,
};

function optionOf(option: OptionDefinition): APIApplicationCommandBasicOption {
  // discord-api-types keys each option shape by a literal `type`; a type picked from a table cannot narrow it.
  return {
    name: option.name,
    description: option.description,
    type: optionTypes[option.kind],
    required: option.required,
  } as APIApplicationCommandBasicOption;
}

/**
 * The slash commands to register with Discord: top-level commands as they are, and every "group sub"
 * definition gathered under one command per group, since Discord allows a name only once per application.
 */
export function applicationCommandsOf(
  definitions: readonly CommandDefinition[],
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const commands = new Map<string, RESTPostAPIChatInputApplicationCommandsJSONBody>();
  for (const definition of definitions) {
    const [name, sub] = definition.path;
    if (sub === undefined) {
      commands.set(name, { name, description: definition.description, options: definition.options.map(optionOf) });
      continue;
    }
    const group = commands.get(name) ?? { name, description: "SkillSwap", options: [] };
    const subcommand: APIApplicationCommandSubcommandOption = {
      name: sub,
      description: definition.description,
      type: ApplicationCommandOptionType.Subcommand,
      options: definition.options.map(optionOf),
    };
    commands.set(name, { ...group, options: [...(group.options ?? []), subcommand] });
  }
  return [...commands.values()];
}
