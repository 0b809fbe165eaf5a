import { DiscordAPIError } from "discord.js";
import { unlessRefusedBy } from "../../chat/refusals.js";

/**
 * Discord refused because of what the bot may do or reach (403: missing permissions or access, a person who
 * does not accept DMs; 404: a channel or thread deleted since). Retrying will not change that, so relays fall
 * back or move on; anything else (5xx, network) is thrown for the outbox to retry.
 */
export function isRefusal(error: unknown): boolean {
  return error instanceof DiscordAPIError && (error.status === 403 || error.status === 404);
}

export const unlessRefused = unlessRefusedBy(isRefusal);
