import { createHash } from "node:crypto";

// Discord accepts a message nonce of at most 25 characters.
const nonceLength = 25;

/**
 * The nonce of the DM carrying one notification to one person: what the DM is known by. The outbox delivers
 * at least once, and a second delivery of the same (event, person) finds the DM already posted under it
 * (post-once.ts) rather than sending another.
 */
export function dmNonceOf(eventId: string, userId: string): string {
  return createHash("sha256").update(`${eventId}/${userId}`).digest("base64url").slice(0, nonceLength);
}
