import { createHash } from "node:crypto";
import { Routes, type APIMessage, type RESTPostAPIChannelMessageJSONBody } from "discord.js";
import type { RelayContext } from "./relay-context.js";

// Discord accepts a message nonce of at most 25 characters.
const nonceLength = 25;

/**
 * The nonce Discord is given: one per channel and message. Discord dedupes `enforce_nonce` by sender, not by
 * channel, so the same line relayed into two DMs under one nonce would be answered, for the second DM, with
 * the message already in the first, and the second person would never see it.
 */
function channelNonce(channelId: string, nonce: string): string {
  return createHash("sha256").update(`${channelId}/${nonce}`).digest("base64url").slice(0, nonceLength);
}

/** The key core's record of sends keeps a posted message under: its id, for whoever changes it later. */
export const postedMessageKey = (channelId: string, nonce: string): string => `message/${channelId}/${nonce}`;

/**
 * Posts a message in a channel once, however many times and however late the outbox delivers its event. The
 * message is known by the nonce its renderer gave it (from the event or message it carries): core's record
 * of sends is looked up before posting, and written as soon as Discord answers, before the handler goes on to
 * anything that may fail. A retry then skips it, whenever it comes; Discord's own nonce memory lasts minutes.
 *
 * The one window left is a worker stopping (or the database failing) between Discord's answer and the record.
 * The retry then posts again with the same nonce: within Discord's few minutes it is answered with the message
 * already there and nothing is repeated; later, the person reads it twice. An interrupted event is handed out
 * again as soon as a worker runs, and a failed record is retried after seconds, so that takes a worker or the
 * database down for minutes at exactly that moment. Reading the channel back cannot settle it either: Discord
 * does not return nonces with stored messages. Returns the message's id.
 */
export async function postOnce(
  { core, rest }: Pick<RelayContext, "core" | "rest">,
  channelId: string,
  message: RESTPostAPIChannelMessageJSONBody,
): Promise<string> {
  if (message.nonce === undefined)
    throw new Error("A message posted once is known by its nonce, and this one has none.");
  const key = postedMessageKey(channelId, String(message.nonce));
  const earlier = await core.services.sends.lookup("discord", key);
  if (earlier?.status === "sent") return earlier.externalId;
  const body = { ...message, nonce: channelNonce(channelId, String(message.nonce)), enforce_nonce: true };
  const posted = (await rest.post(Routes.channelMessages(channelId), { body })) as APIMessage;
  await core.services.sends.record("discord", key, posted.id);
  return posted.id;
}
