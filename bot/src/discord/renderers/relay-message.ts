import type { RESTPostAPIChannelMessageJSONBody } from "discord.js";
import { translate } from "@skillswap/core";

/** Discord refuses message content longer than this. */
export const discordContentLimit = 2000;
// Discord keeps a nonce for a few minutes and drops a second message carrying it; it is at most 25 characters.
const nonceLimit = 25;

/**
 * A bot message whose text comes from people: nobody is pinged by it, and the nonce (from the id of what is
 * relayed) makes Discord drop a duplicate when a redelivered event posts it again shortly after.
 */
export function relayedMessage(content: string, nonce: string): RESTPostAPIChannelMessageJSONBody {
  return { content, allowed_mentions: { parse: [] }, nonce: nonce.slice(-nonceLimit), enforce_nonce: true };
}

/**
 * Cuts text into pieces Discord accepts, at a line break or space when there is one: what people say to each
 * other is never shortened, only split.
 */
export function splitContent(text: string, limit = discordContentLimit): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    const cut = Math.max(window.lastIndexOf("\n"), window.lastIndexOf(" "));
    const at = cut > limit / 2 ? cut : limit;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  if (rest !== "" || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** "**Maya:** text", split as needed, each piece with its own nonce derived from the message's id. */
export function relayedLines(authorName: string, text: string, messageId: string): RESTPostAPIChannelMessageJSONBody[] {
  const pieces = splitContent(translate("relay.message", { name: authorName, text }));
  // Nonces keep their last characters, so the piece number goes at the end where the cut cannot drop it.
  return pieces.map((piece, index) => relayedMessage(piece, index === 0 ? messageId : `${messageId}.${index}`));
}
