/**
 * Every command SkillSwap offers on a chat surface, described once as plain data. Discord turns it into slash
 * commands, Slack into `/skillswap …` sub-commands, and help lists it; no surface keeps its own copy.
 */

export type OptionKind = "string" | "integer" | "number" | "boolean" | "user" | "channel";

/** Where autocomplete suggestions for an option come from; each surface asks core for them. */
export type SuggestionSource =
  /** The skill catalog, names and aliases. */
  | "skill"
  /** Skills the person has on their own profile. */
  | "own-skill"
  /** Skills the person teaches (what they can offer in a swap). */
  | "own-teach-skill"
  /** Groups the person can see. */
  | "group"
  /** The person's swaps. */
  | "swap"
  /** Sessions of the person's swaps. */
  | "session"
  /** Cities of the gazetteer. */
  | "city"
  /** IANA time zones. */
  | "time-zone"
  /** People the person may see, by name, handle or skill (a form's person field; options use the platform's own). */
  | "person";

export interface OptionDefinition {
  readonly name: string;
  readonly description: string;
  readonly kind: OptionKind;
  readonly required: boolean;
  readonly choices?: readonly string[];
  readonly suggest?: SuggestionSource;
  readonly min?: number;
  readonly max?: number;
}

export interface CommandDefinition {
  /** "find", "skillswap help" or "skillswap admin unlink": a command, a sub-command, or one in a group. */
  readonly path: readonly [string] | readonly [string, string] | readonly [string, string, string];
  readonly description: string;
  readonly options: readonly OptionDefinition[];
  /** Whether the reply is for the person alone or for the channel. */
  readonly ephemeral: boolean;
  /**
   * The command answers with a form to fill in (a Discord modal, a Slack view) rather than a message; the
   * form's submission does the work.
   */
  readonly opensForm?: boolean;
  /**
   * Typed with none of its options where a platform allows it (Slack's `/skillswap swap request`), the command
   * answers with a form that asks for them step by step.
   */
  readonly guidedForm?: boolean;
  /** Work that can pass a platform's reply deadline (3 s on Discord): acknowledge first, answer after. */
  readonly slow?: boolean;
  /** Only community admins (Discord "Manage Server", Slack workspace admins) may run it. */
  readonly adminOnly?: boolean;
  /** Only makes sense inside a community (a guild or a workspace), not in a direct message. */
  readonly communityOnly?: boolean;
}

const userOption = (description: string, required: boolean) =>
  ({ name: "user", description, kind: "user", required }) as const;

export const commandDefinitions = [
  {
    path: ["profile", "view"],
    description: "See a SkillSwap profile (yours by default)",
    options: [userOption("Whose profile", false)],
    ephemeral: true,
  },
  {
    path: ["profile", "edit"],
    description: "Edit your bio, location, time zone and who can see you",
    options: [],
    ephemeral: true,
    opensForm: true,
  },
  {
    path: ["skills", "add"],
    description: "Add a skill you teach or want to learn",
    options: [
      { name: "skill", description: "e.g. guitar, Spanish", kind: "string", required: true, suggest: "skill" },
      {
        name: "direction",
        description: "Teach it or learn it",
        kind: "string",
        required: true,
        choices: ["teach", "learn"],
      },
      {
        name: "level",
        description: "1 (beginner) to 5 (expert); for learning, the level you aim for",
        kind: "integer",
        required: true,
        min: 1,
        max: 5,
      },
      {
        name: "mode",
        description: "How you meet for this skill, if not as usual",
        kind: "string",
        required: false,
        choices: ["online", "in_person", "both"],
      },
      {
        name: "times",
        description: "Weekly times for this skill, if not your usual ones: “Sat 10-12”",
        kind: "string",
        required: false,
      },
    ],
    ephemeral: true,
  },
  {
    path: ["skills", "remove"],
    description: "Remove one of your skills",
    options: [
      { name: "skill", description: "One of your skills", kind: "string", required: true, suggest: "own-skill" },
    ],
    ephemeral: true,
  },
  {
    path: ["skills", "list"],
    description: "List the skills someone teaches and wants to learn (yours by default)",
    options: [userOption("Whose skills", false)],
    ephemeral: true,
  },
  {
    path: ["availability"],
    description: "Set the weekly times you are free, e.g. “Tue 18-20, Sat 10-12”",
    options: [
      {
        name: "slots",
        description: "Weekly slots, comma-separated: “Mon 18:00-20:00, Sat 10-12” (empty clears)",
        kind: "string",
        required: true,
      },
      {
        name: "timezone",
        description: "Your time zone, e.g. Europe/Paris",
        kind: "string",
        required: false,
        suggest: "time-zone",
      },
      {
        name: "mode",
        description: "How you meet",
        kind: "string",
        required: false,
        choices: ["online", "in_person", "both"],
      },
    ],
    ephemeral: true,
  },
  {
    path: ["find"],
    description: "Find people who can teach you a skill",
    options: [
      {
        name: "skill",
        description: "The skill, e.g. guitar or Spanish",
        kind: "string",
        required: true,
        suggest: "skill",
      },
      {
        name: "near",
        description: "A city, e.g. Lyon or Portland, US-OR",
        kind: "string",
        required: false,
        suggest: "city",
      },
      {
        name: "km",
        description: "How far from that city, in kilometres",
        kind: "number",
        required: false,
        min: 1,
        max: 20_000,
      },
      { name: "level", description: "Lowest teaching level, 1 to 5", kind: "integer", required: false, min: 1, max: 5 },
      { name: "online", description: "Only people who meet online", kind: "boolean", required: false },
    ],
    ephemeral: true,
    slow: true,
  },
  {
    path: ["match"],
    description: "People you could swap skills with, and why",
    options: [
      { name: "cycles", description: "Also suggest swaps between three people", kind: "boolean", required: false },
    ],
    ephemeral: true,
    slow: true,
  },
  {
    path: ["swap", "request"],
    description: "Propose a skill swap to someone",
    options: [
      userOption("Who you want to swap with", true),
      { name: "offer", description: "A skill you teach", kind: "string", required: true, suggest: "own-teach-skill" },
      { name: "want", description: "A skill they teach", kind: "string", required: true, suggest: "skill" },
      { name: "message", description: "A note for them", kind: "string", required: false },
    ],
    ephemeral: true,
    guidedForm: true,
  },
  {
    path: ["swap", "list"],
    description: "Your swaps and requests",
    options: [],
    ephemeral: true,
  },
  {
    path: ["session", "schedule"],
    description: "Schedule a session of one of your swaps",
    options: [
      { name: "swap", description: "Which swap", kind: "string", required: true, suggest: "swap" },
      {
        name: "when",
        description: "Date and time in your time zone, e.g. 2026-12-01 18:30",
        kind: "string",
        required: true,
      },
      { name: "minutes", description: "How long, 15 to 480", kind: "integer", required: false, min: 15, max: 480 },
      { name: "where", description: "A link if online, an address if in person", kind: "string", required: false },
      {
        name: "mode",
        description: "Online (the default) or in person",
        kind: "string",
        required: false,
        choices: ["online", "in_person"],
      },
      // A pair swap teaches two skills and a session is for one of them.
      {
        name: "skill",
        description: "Which of the swap's skills, when it has two",
        kind: "string",
        required: false,
        suggest: "skill",
      },
    ],
    ephemeral: true,
  },
  {
    path: ["session", "complete"],
    description: "Confirm a session took place",
    options: [{ name: "session", description: "Which session", kind: "string", required: true, suggest: "session" }],
    ephemeral: true,
  },
  {
    path: ["review"],
    description: "Rate and review your swap partner",
    options: [{ name: "swap", description: "Which swap", kind: "string", required: true, suggest: "swap" }],
    ephemeral: true,
    opensForm: true,
  },
  {
    path: ["follow"],
    description: "Follow someone's new skills and reviews",
    options: [userOption("Who to follow", true)],
    ephemeral: true,
  },
  {
    path: ["unfollow"],
    description: "Stop following someone",
    options: [userOption("Who to unfollow", true)],
    ephemeral: true,
  },
  {
    path: ["group", "join"],
    description: "Join an interest group",
    options: [{ name: "group", description: "Which group", kind: "string", required: true, suggest: "group" }],
    ephemeral: true,
  },
  {
    path: ["group", "leave"],
    description: "Leave an interest group",
    options: [{ name: "group", description: "Which group", kind: "string", required: true, suggest: "group" }],
    ephemeral: true,
  },
  {
    path: ["group", "list"],
    description: "The interest groups of this community",
    options: [],
    ephemeral: true,
  },
  {
    path: ["group", "create"],
    description: "Start an interest group in this community",
    options: [
      { name: "name", description: "3 to 60 characters", kind: "string", required: true },
      { name: "description", description: "What it is about", kind: "string", required: false },
    ],
    ephemeral: false,
    communityOnly: true,
  },
  {
    path: ["skillswap", "help"],
    description: "What SkillSwap can do here",
    options: [],
    ephemeral: true,
  },
  {
    path: ["skillswap", "login"],
    description: "A one-time link that logs you into the SkillSwap dashboard",
    options: [],
    ephemeral: true,
  },
  {
    path: ["skillswap", "admin", "link-group"],
    description: "Link a channel to a group: chat gets announcements, a forum mirrors its threads",
    options: [
      { name: "channel", description: "The channel", kind: "channel", required: true },
      { name: "group", description: "The group", kind: "string", required: true, suggest: "group" },
      { name: "kind", description: "chat or forum", kind: "string", required: true, choices: ["chat", "forum"] },
    ],
    ephemeral: true,
    adminOnly: true,
    communityOnly: true,
  },
  {
    path: ["skillswap", "admin", "unlink"],
    description: "Stop mirroring a group in a channel",
    options: [{ name: "channel", description: "The channel", kind: "channel", required: true }],
    ephemeral: true,
    adminOnly: true,
    communityOnly: true,
  },
  {
    path: ["skillswap", "admin", "swaps-channel"],
    description: "Where private swap threads open",
    options: [{ name: "channel", description: "A text channel", kind: "channel", required: true }],
    ephemeral: true,
    adminOnly: true,
    communityOnly: true,
  },
] as const satisfies readonly CommandDefinition[];

type Joined<P> = P extends readonly [infer A extends string, infer B extends string, infer C extends string]
  ? `${A} ${B} ${C}`
  : P extends readonly [infer A extends string, infer B extends string]
    ? `${A} ${B}`
    : P extends readonly [infer A extends string]
      ? A
      : never;

/** "find", "skillswap help", "skillswap admin unlink". */
export type CommandName = Joined<(typeof commandDefinitions)[number]["path"]>;

/** The name a person types, e.g. "skillswap help". */
export function commandNameOf(definition: CommandDefinition): string {
  return definition.path.join(" ");
}

const byName: ReadonlyMap<string, CommandDefinition> = new Map(commandDefinitions.map((d) => [commandNameOf(d), d]));

export function definitionOf(name: string): CommandDefinition | undefined {
  return byName.get(name);
}

/** How a command is written in help: "/find skill [near] [km]". */
export function usageOf(definition: CommandDefinition): string {
  const options = definition.options.map((o) => (o.required ? o.name : `[${o.name}]`));
  return ["/" + commandNameOf(definition), ...options].join(" ");
}
