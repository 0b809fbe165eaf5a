import type { APIInteraction, APIInteractionResponse } from "discord.js";

/**
 * Sends an interaction's first response (a reply, a deferral, a modal, autocomplete choices or a message
 * update). Over the gateway it is a REST callback; over HTTP it is the body of the answer to Discord's POST.
 * Called exactly once per interaction; everything after it (editing a deferred reply, follow-ups) goes over
 * REST with the interaction token.
 */
export type RespondFirst = (response: APIInteractionResponse) => Promise<void>;

/**
 * The bot's handling of interactions, whatever carried them. Both transports hand it Discord's raw payload,
 * so a command behaves the same whether it arrived over the gateway or at `POST /discord/interactions`.
 */
export interface DiscordInteractions {
  /** Resolves once the interaction is fully handled (deferred replies edited, follow-ups sent). */
  handle(interaction: APIInteraction, respond: RespondFirst): Promise<void>;
}
