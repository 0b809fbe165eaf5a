import { DiscordAPIError } from "discord.js";

/**
 * Discord refused because of what the bot may do or reach (403: missing permissions or access, a person who
 * does not accept DMs; 404: a channel or thread deleted since). Retrying will not change that, so relays fall
 * back or move on; anything else (5xx, network) is thrown for the outbox to retry.
 */
export function isRefusal(error: unknown): boolean {
  return error instanceof DiscordAPIError && (error.status === 403 || error.status === 404);
}

/** Runs a Discord call whose refusal is expected now and then; resolves null (after logging) when refused. */
export async function unlessRefused<T>(work: () => Promise<T>, onRefused: (error: unknown) => void): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    if (!isRefusal(error)) throw error;
    onRefused(error);
    return null;
  }
}
