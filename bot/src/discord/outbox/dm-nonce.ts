import { createHash } from "node:crypto";

// Discord accepts a message nonce of at most 25 characters.
const nonceLength = 25;

/**
 * The nonce of the DM carrying one notification to one person. The outbox delivers at least once; sent with
 * `enforce_nonce`, a second delivery of the same (event, person) is answered with the first message instead
 * of a duplicate (Discord remembers nonces for a few minutes, which covers the outbox's quick retries).
 */
export function dmNonceOf(eventId: string, userId: string): string {
  return createHash("sha256").update(`${eventId}/${userId}`).digest("base64url").slice(0, nonceLength);
}
