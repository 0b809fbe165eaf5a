import type { ChatInputCommandInteraction, InteractionReplyOptions } from "discord.js";
import type { Actor } from "@skillswap/core";
import type { BotCore } from "../resolve-actor.js";

export interface CommandContext {
  readonly core: BotCore;
  readonly actor: Actor;
  readonly interaction: ChatInputCommandInteraction;
}

/** Reads the options, calls one use case and renders its result; the shared runner sends the reply. */
export type DiscordCommand = (context: CommandContext) => Promise<InteractionReplyOptions>;
