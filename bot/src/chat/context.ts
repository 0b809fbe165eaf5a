import type { Actor, Core } from "@skillswap/core";

/** What the chat layer uses of the core: its use cases and its configuration. */
export type ChatCore = Pick<Core, "services" | "config">;

/** The community (a Discord guild, a Slack workspace) a person acts in; null in a direct message. */
export interface ChatCommunity {
  readonly communityId: string;
  /** The platform says the person administers it (Discord "Manage Server", Slack workspace admin). */
  readonly isAdmin: boolean;
}

/** Who acts and where, already resolved by the platform's translator: the same on every platform. */
export interface ChatContext {
  readonly core: ChatCore;
  readonly actor: Actor;
  /** How the person is named in a sentence others read ("Maya started the group …"). */
  readonly name: string;
  readonly community: ChatCommunity | null;
}

/** A person picked in a user option: their SkillSwap handle, null when they never used SkillSwap. */
export interface PickedPerson {
  readonly handle: string | null;
  /** Their name on the platform, for saying who is not on SkillSwap. */
  readonly name: string;
}

/** A command's options, read by the names of the command table; null when left out or of another kind. */
export interface ChatOptions {
  string(name: string): string | null;
  integer(name: string): number | null;
  number(name: string): number | null;
  boolean(name: string): boolean | null;
  person(name: string): PickedPerson | null;
  /** The platform's id of a picked channel. */
  channel(name: string): string | null;
}

export interface CommandInput extends ChatContext {
  readonly options: ChatOptions;
}

export interface FormInput extends ChatContext {
  /** What the person typed into a form field (by the field's name), "" when left empty. */
  field(name: string): string;
}

export interface SuggestionInput extends ChatContext {
  /** What the person has typed so far in the option being completed. */
  readonly typed: string;
}
