import type {
  APIApplicationCommandAutocompleteInteraction,
  APIApplicationCommandOptionChoice,
  APIChatInputApplicationCommandInteraction,
  APIMessageComponentInteraction,
  APIModalSubmitInteraction,
  REST,
} from "discord.js";
import type { Actor, Core } from "@skillswap/core";
import type { CommandName, SuggestionSource } from "../../commands/definitions.js";
import type { CommandOptions } from "./options.js";
import type { Reply } from "./replies.js";

export type BotCore = Pick<Core, "services" | "config">;

/** The guild an interaction came from, as a SkillSwap community; null in a direct message. */
export interface InteractionCommunity {
  readonly communityId: string;
  readonly guildId: string;
  /** The person can manage the server, so they are an admin of its community. */
  readonly isAdmin: boolean;
}

/** What every handler gets: the core, the person (already a SkillSwap user) and where they are. */
export interface HandlerContext {
  readonly core: BotCore;
  readonly actor: Actor;
  readonly community: InteractionCommunity | null;
  /** Discord's REST client, for the few handlers that look something up on Discord. */
  readonly rest: REST;
}

export interface CommandContext extends HandlerContext {
  readonly options: CommandOptions;
  readonly interaction: APIChatInputApplicationCommandInteraction;
}

/** Reads the options, calls one use case and renders its result; the router sends the reply. */
export type CommandHandler = (context: CommandContext) => Promise<Reply>;

export interface ComponentContext extends HandlerContext {
  /** The arguments after the route in the custom_id. */
  readonly args: readonly string[];
  readonly interaction: APIMessageComponentInteraction;
}

export type ButtonHandler = (context: ComponentContext) => Promise<Reply>;

export interface FormContext extends HandlerContext {
  readonly args: readonly string[];
  /** The text a person typed into a form field, "" when left empty. */
  field(customId: string): string;
  readonly interaction: APIModalSubmitInteraction;
}

export type FormHandler = (context: FormContext) => Promise<Reply>;

export interface SuggestionContext extends HandlerContext {
  /** What the person has typed so far in the option being completed. */
  readonly typed: string;
  readonly options: CommandOptions;
  readonly interaction: APIApplicationCommandAutocompleteInteraction;
}

/** At most 25 choices (Discord's limit); names and values at most 100 characters. */
export type SuggestionProvider = (context: SuggestionContext) => Promise<APIApplicationCommandOptionChoice[]>;

/**
 * One area of the bot (profiles, swaps, …): the commands it answers, the buttons and forms they put on
 * messages, keyed by custom_id route, and the suggestions it provides.
 */
export interface BotArea<Names extends CommandName = never> {
  readonly commands: Readonly<Record<Names, CommandHandler>> & Readonly<Partial<Record<CommandName, CommandHandler>>>;
  readonly buttons?: Readonly<Record<string, ButtonHandler>>;
  readonly forms?: Readonly<Record<string, FormHandler>>;
  readonly suggestions?: Partial<Readonly<Record<SuggestionSource, SuggestionProvider>>>;
}
