import type { APIInteraction, APIInteractionResponse } from "discord.js";

/**
 * Sends an interaction's first response (a reply, a deferral, a modal, autocomplete choices or a message
 * update). Over the gateway it is a REST callback; over HTTP it is the body of the answer to Discord's POST.
 * Called exactly once per interaction; everything after it (editing a deferred reply, follow-ups) goes over
 * REST with the interaction token.
 */
export type RespondFirst = (response: APIInteractionResponse) => Promise<void>;

/**
 * What became of an interaction handed to the router.
 * - `handled`: it ran, and its first response went through `respond`.
 * - `replay`: its id was already claimed by an earlier delivery, so nothing ran and nothing was responded:
 *   Discord takes one first response per interaction, and the first delivery gave it. A transport that must
 *   still answer the request it came in (HTTP) answers with `acknowledgement`; the gateway has nothing to send.
 */
export type InteractionOutcome =
  { readonly kind: "handled" } | { readonly kind: "replay"; readonly acknowledgement: APIInteractionResponse };

/**
 * The bot's handling of interactions, whatever carried them. Both transports hand it Discord's raw payload,
 * so a command behaves the same whether it arrived over the gateway or at `POST /discord/interactions`.
 */
export interface DiscordInteractions {
  /**
   * Resolves once the interaction is fully handled (deferred replies edited, follow-ups sent). It rejects only
   * with errors fit to log: no interaction token, bot token or message body in them.
   */
  handle(interaction: APIInteraction, respond: RespondFirst): Promise<InteractionOutcome>;
}
