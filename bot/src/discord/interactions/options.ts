import {
  ApplicationCommandOptionType,
  type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandInteractionData,
  type APIInteractionDataResolvedChannel,
  type APIUser,
  type InteractionType,
} from "discord.js";

type LeafValue = string | number | boolean;

interface Leaf {
  readonly type: ApplicationCommandOptionType;
  readonly value: LeafValue;
  readonly focused: boolean;
}

/**
 * The options of a slash command as Discord sent them (raw, so the gateway and HTTP transports read them the
 * same way): the command's full name with its sub-command group and sub-command, and typed getters.
 */
export interface CommandOptions {
  /** "find", "skills add", "skillswap admin unlink". */
  readonly name: string;
  string(name: string): string | null;
  integer(name: string): number | null;
  number(name: string): number | null;
  boolean(name: string): boolean | null;
  /** A user picked with a user option, with what Discord resolved about them. */
  user(name: string): APIUser | null;
  channel(name: string): APIInteractionDataResolvedChannel | null;
  /** The option being typed, for autocomplete. */
  readonly focused: { readonly name: string; readonly value: string } | null;
}

function leavesOf(options: CommandData["options"], path: string[], leaves: Map<string, Leaf>): void {
  for (const option of options ?? []) {
    if (
      option.type === ApplicationCommandOptionType.Subcommand ||
      option.type === ApplicationCommandOptionType.SubcommandGroup
    ) {
      path.push(option.name);
      leavesOf(option.options, path, leaves);
    } else {
      const focused = "focused" in option && option.focused;
      leaves.set(option.name, { type: option.type, value: option.value, focused });
    }
  }
}

/** Chat commands and their autocomplete requests carry options the same way; only `focused` differs. */
type CommandData = Pick<APIChatInputApplicationCommandInteractionData, "name" | "resolved"> & {
  readonly options?: readonly (
    | APIApplicationCommandInteractionDataOption
    | APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommandAutocomplete>
  )[];
};

export function commandOptionsOf(data: CommandData): CommandOptions {
  const path = [data.name];
  const leaves = new Map<string, Leaf>();
  leavesOf(data.options, path, leaves);
  const valueOf = (name: string, types: readonly ApplicationCommandOptionType[]): LeafValue | null => {
    const leaf = leaves.get(name);
    return leaf !== undefined && types.includes(leaf.type) ? leaf.value : null;
  };
  const focusedEntry = [...leaves.entries()].find(([, leaf]) => leaf.focused);
  return {
    name: path.join(" "),
    string: (name) => {
      const value = valueOf(name, [ApplicationCommandOptionType.String]);
      return typeof value === "string" ? value : null;
    },
    integer: (name) => {
      const value = valueOf(name, [ApplicationCommandOptionType.Integer]);
      return typeof value === "number" ? value : null;
    },
    number: (name) => {
      const value = valueOf(name, [ApplicationCommandOptionType.Number, ApplicationCommandOptionType.Integer]);
      return typeof value === "number" ? value : null;
    },
    boolean: (name) => {
      const value = valueOf(name, [ApplicationCommandOptionType.Boolean]);
      return typeof value === "boolean" ? value : null;
    },
    user: (name) => {
      const id = valueOf(name, [ApplicationCommandOptionType.User]);
      return typeof id === "string" ? (data.resolved?.users?.[id] ?? null) : null;
    },
    channel: (name) => {
      const id = valueOf(name, [ApplicationCommandOptionType.Channel]);
      return typeof id === "string" ? (data.resolved?.channels?.[id] ?? null) : null;
    },
    focused: focusedEntry === undefined ? null : { name: focusedEntry[0], value: String(focusedEntry[1].value) },
  };
}
