import {
  ApplicationCommandOptionType,
  type InteractionType,
  type APIApplicationCommand,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandOption,
  type APIInteractionDataResolved,
  type APIInteractionDataResolvedChannel,
} from "discord.js";
import type { LocalGuild } from "./guild-state.js";
import { isThread, memberFields, userPayload, type LocalUser, type StoredChannel } from "./payloads.js";

/** A plain value; typed by the registered command when there is one, else by its JS type (numbers as NUMBER). */
export type OptionValue = string | number | boolean;

/** An option value with its Discord type spelled out; `focused` marks what the person is typing (autocomplete). */
export type OptionInput =
  | OptionValue
  | { readonly string: string }
  | { readonly integer: number }
  | { readonly number: number }
  | { readonly boolean: boolean }
  | { readonly user: LocalUser }
  | { readonly channel: string }
  | { readonly role: string }
  | { readonly focused: string };

export type CommandOptions = Readonly<Record<string, OptionInput>>;

type Kind = InteractionType.ApplicationCommand | InteractionType.ApplicationCommandAutocomplete;
type BasicOption<K extends Kind> = APIApplicationCommandInteractionDataBasicOption<K>;

/** An option once its type is known, before it becomes a payload. */
type Typed =
  | { readonly type: ApplicationCommandOptionType.String; readonly value: string }
  | { readonly type: ApplicationCommandOptionType.Integer; readonly value: number }
  | { readonly type: ApplicationCommandOptionType.Number; readonly value: number }
  | { readonly type: ApplicationCommandOptionType.Boolean; readonly value: boolean }
  | { readonly type: ApplicationCommandOptionType.User; readonly user: LocalUser }
  | { readonly type: ApplicationCommandOptionType.Channel; readonly channel: StoredChannel }
  | { readonly type: ApplicationCommandOptionType.Role; readonly roleId: string }
  | { readonly type: "focused"; readonly text: string; readonly as: ApplicationCommandOptionType };

export interface OptionsContext {
  readonly guild: LocalGuild;
  /** Whether the command runs in the guild: only then does Discord resolve members. */
  readonly inGuild: boolean;
  /** "/skillswap admin link-group", for error messages. */
  readonly label: string;
}

export interface CommandShape {
  /** The words after the command name: [] , [sub] or [group, sub]. */
  readonly path: readonly string[];
  /** The declared options of the leaf (sub)command, when the command is registered. */
  readonly declared?: readonly APIApplicationCommandOption[];
}

/** Where "skillswap admin link-group" leads in the registered command, or a guess when it is not registered. */
export function commandShape(words: readonly string[], command: APIApplicationCommand | undefined): CommandShape {
  if (command === undefined) return { path: words };
  let options = command.options ?? [];
  for (const word of words) {
    const next = options.find((option) => option.name === word);
    const nests =
      next?.type === ApplicationCommandOptionType.Subcommand ||
      next?.type === ApplicationCommandOptionType.SubcommandGroup;
    if (next === undefined || !nests) {
      throw new Error(`/${command.name} has no sub-command "${word}": Discord would never send it`);
    }
    options = next.options ?? [];
  }
  return { path: words, declared: options };
}

/** Wraps the leaf's options in the sub-command (and group) they belong to, as Discord nests them. */
export function nestOptions<K extends Kind>(
  path: readonly string[],
  leaf: BasicOption<K>[],
): APIApplicationCommandInteractionDataOption<K>[] {
  const [first, second] = path;
  if (first === undefined) return leaf;
  if (second === undefined) return [{ name: first, type: ApplicationCommandOptionType.Subcommand, options: leaf }];
  return [
    {
      name: first,
      type: ApplicationCommandOptionType.SubcommandGroup,
      options: [{ name: second, type: ApplicationCommandOptionType.Subcommand, options: leaf }],
    },
  ];
}

export function commandOptions(
  inputs: CommandOptions,
  shape: CommandShape,
  context: OptionsContext,
): { options: BasicOption<InteractionType.ApplicationCommand>[]; resolved: APIInteractionDataResolved } {
  const resolved: APIInteractionDataResolved = {};
  const options = Object.entries(inputs).map(([name, input]) => {
    const typed = typeOption(name, input, shape, context);
    if (typed.type === "focused") throw new Error(`option "${name}": only autocomplete has a focused option`);
    resolveInto(resolved, typed, context);
    return commandOption(name, typed);
  });
  return { options, resolved };
}

export function autocompleteOptions(
  inputs: CommandOptions,
  shape: CommandShape,
  context: OptionsContext,
): { options: BasicOption<InteractionType.ApplicationCommandAutocomplete>[]; resolved: APIInteractionDataResolved } {
  const resolved: APIInteractionDataResolved = {};
  const typedOptions = Object.entries(inputs).map(
    ([name, input]) => [name, typeOption(name, input, shape, context)] as const,
  );
  if (typedOptions.filter(([, typed]) => typed.type === "focused").length !== 1) {
    throw new Error(`${context.label}: autocomplete needs exactly one option given as { focused: "what is typed" }`);
  }
  const options = typedOptions.map(([name, typed]): BasicOption<InteractionType.ApplicationCommandAutocomplete> => {
    if (typed.type === "focused") return focusedOption(name, typed.text, typed.as);
    resolveInto(resolved, typed, context);
    // While a person is still typing, Discord sends number options as the text typed so far.
    if (typed.type === ApplicationCommandOptionType.Integer || typed.type === ApplicationCommandOptionType.Number) {
      return { name, type: typed.type, value: String(typed.value) };
    }
    return plainOption(name, typed);
  });
  return { options, resolved };
}

function focusedOption(
  name: string,
  text: string,
  as: ApplicationCommandOptionType,
): BasicOption<InteractionType.ApplicationCommandAutocomplete> {
  if (as === ApplicationCommandOptionType.Integer || as === ApplicationCommandOptionType.Number) {
    return { name, type: as, value: text, focused: true };
  }
  return { name, type: ApplicationCommandOptionType.String, value: text, focused: true };
}

type NumberTyped = Extract<Typed, { value: number }>;
type PlainTyped = Exclude<Typed, NumberTyped | { type: "focused" }>;

function commandOption(
  name: string,
  typed: Exclude<Typed, { type: "focused" }>,
): BasicOption<InteractionType.ApplicationCommand> {
  if (typed.type === ApplicationCommandOptionType.Integer || typed.type === ApplicationCommandOptionType.Number) {
    return { name, type: typed.type, value: typed.value };
  }
  return plainOption(name, typed);
}

/** Options whose payload is the same in a command and in autocomplete. */
function plainOption(name: string, typed: PlainTyped) {
  switch (typed.type) {
    case ApplicationCommandOptionType.User:
      return { name, type: typed.type, value: typed.user.id };
    case ApplicationCommandOptionType.Channel:
      return { name, type: typed.type, value: typed.channel.id };
    case ApplicationCommandOptionType.Role:
      return { name, type: typed.type, value: typed.roleId };
    case ApplicationCommandOptionType.String:
      return { name, type: typed.type, value: typed.value };
    case ApplicationCommandOptionType.Boolean:
      return { name, type: typed.type, value: typed.value };
  }
}

function typeOption(name: string, input: OptionInput, shape: CommandShape, context: OptionsContext): Typed {
  const declared = shape.declared?.find((option) => option.name === name);
  if (shape.declared !== undefined && declared === undefined) {
    throw new Error(`${context.label} declares no option "${name}": Discord would never send it`);
  }
  const typed =
    typeof input === "object"
      ? explicitType(input, declared?.type, context)
      : implicitType(name, input, declared?.type, context);
  const declaredType = declared?.type;
  const sentType = typed.type === "focused" ? typed.as : typed.type;
  const mentionable = declaredType === ApplicationCommandOptionType.Mentionable;
  if (declaredType !== undefined && sentType !== declaredType && !mentionable) {
    throw new Error(
      `${context.label} declares "${name}" as ${ApplicationCommandOptionType[declaredType]}, ` +
        `the test sent ${ApplicationCommandOptionType[sentType]}`,
    );
  }
  return typed;
}

function explicitType(
  input: Exclude<OptionInput, OptionValue>,
  declared: ApplicationCommandOptionType | undefined,
  context: OptionsContext,
): Typed {
  if ("focused" in input)
    return { type: "focused", text: input.focused, as: declared ?? ApplicationCommandOptionType.String };
  if ("user" in input) return { type: ApplicationCommandOptionType.User, user: input.user };
  if ("channel" in input)
    return { type: ApplicationCommandOptionType.Channel, channel: context.guild.requireChannel(input.channel) };
  if ("role" in input) return { type: ApplicationCommandOptionType.Role, roleId: input.role };
  if ("integer" in input) return { type: ApplicationCommandOptionType.Integer, value: input.integer };
  if ("number" in input) return { type: ApplicationCommandOptionType.Number, value: input.number };
  if ("boolean" in input) return { type: ApplicationCommandOptionType.Boolean, value: input.boolean };
  return { type: ApplicationCommandOptionType.String, value: input.string };
}

function implicitType(
  name: string,
  input: OptionValue,
  declared: ApplicationCommandOptionType | undefined,
  context: OptionsContext,
): Typed {
  if (typeof input === "boolean") return { type: ApplicationCommandOptionType.Boolean, value: input };
  if (typeof input === "number") {
    return declared === ApplicationCommandOptionType.Integer
      ? { type: ApplicationCommandOptionType.Integer, value: input }
      : { type: ApplicationCommandOptionType.Number, value: input };
  }
  switch (declared) {
    case ApplicationCommandOptionType.User: {
      const user = context.guild.user(input);
      if (user === undefined) throw new Error(`option "${name}": no user ${input} is known to the guild`);
      return { type: declared, user };
    }
    case ApplicationCommandOptionType.Channel:
      return { type: declared, channel: context.guild.requireChannel(input) };
    case ApplicationCommandOptionType.Role:
      return { type: declared, roleId: input };
    default:
      return { type: ApplicationCommandOptionType.String, value: input };
  }
}

/** Fills `resolved` the way Discord does for user, channel and role options. */
function resolveInto(resolved: APIInteractionDataResolved, typed: Typed, context: OptionsContext): void {
  if (typed.type === ApplicationCommandOptionType.User) {
    resolved.users = { ...resolved.users, [typed.user.id]: userPayload(typed.user) };
    const member = context.inGuild ? context.guild.member(typed.user.id) : undefined;
    if (member === undefined) return;
    const permissions = context.guild.permissionsOf(member.user.id).toString();
    const resolvedMember = { ...memberFields(member), permissions };
    resolved.members = { ...resolved.members, [member.user.id]: resolvedMember };
  }
  if (typed.type === ApplicationCommandOptionType.Channel) {
    resolved.channels = { ...resolved.channels, [typed.channel.id]: resolvedChannel(typed.channel, context) };
  }
  if (typed.type === ApplicationCommandOptionType.Role) {
    const role = context.guild.roles().find((candidate) => candidate.id === typed.roleId);
    if (role !== undefined) resolved.roles = { ...resolved.roles, [role.id]: role };
  }
}

function resolvedChannel(channel: StoredChannel, context: OptionsContext): APIInteractionDataResolvedChannel {
  const permissions = context.guild.permissionsOf(context.guild.bot.id).toString();
  if (isThread(channel)) {
    return {
      id: channel.id,
      name: channel.name,
      type: channel.type,
      permissions,
      parent_id: channel.parent_id ?? "",
      ...(channel.thread_metadata ? { thread_metadata: channel.thread_metadata } : {}),
    };
  }
  return { id: channel.id, name: channel.name, type: channel.type, permissions };
}
