/**
 * Every command SkillSwap offers on a chat surface, described once as plain data. Discord turns it into slash
 * commands, Slack into `/skillswap …` sub-commands, and help lists it; no surface keeps its own copy.
 */

export type OptionKind = "string" | "number" | "integer";

export interface OptionDefinition {
  readonly name: string;
  readonly description: string;
  readonly kind: OptionKind;
  readonly required: boolean;
}

export interface CommandDefinition {
  /** "find" or "skillswap help": a top-level command, or a group and its sub-command. */
  readonly path: readonly [string] | readonly [string, string];
  readonly description: string;
  readonly options: readonly OptionDefinition[];
  /** Whether the reply is for the person alone (help, errors) or for the channel. */
  readonly ephemeral: boolean;
}

export const commandDefinitions = [
  {
    path: ["skillswap", "help"],
    description: "What SkillSwap can do here",
    options: [],
    ephemeral: true,
  },
  {
    path: ["find"],
    description: "Find people who can teach you a skill",
    options: [
      { name: "skill", description: "The skill, e.g. guitar or Spanish", kind: "string", required: true },
      { name: "near", description: "A city, e.g. Lyon or Portland, US-OR", kind: "string", required: false },
      { name: "km", description: "How far from that city, in kilometres", kind: "number", required: false },
    ],
    ephemeral: false,
  },
] as const satisfies readonly CommandDefinition[];

export type CommandName = (typeof commandDefinitions)[number]["path"] extends infer P
  ? P extends readonly [infer A extends string, infer B extends string]
    ? `${A} ${B}`
    : P extends readonly [infer A extends string]
      ? A
      : never
  : never;

/** The name a person types, e.g. "skillswap help". */
export function commandNameOf(definition: CommandDefinition): string {
  return definition.path.join(" ");
}

/** How a command is written in help: "/find skill [near] [km]". */
export function usageOf(definition: CommandDefinition): string {
  const options = definition.options.map((o) => (o.required ? o.name : `[${o.name}]`));
  return ["/" + commandNameOf(definition), ...options].join(" ");
}
