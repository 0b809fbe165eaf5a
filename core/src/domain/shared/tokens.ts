import { createHash, randomBytes } from "node:crypto";

// 32 random bytes in base64url: always 43 characters from this alphabet, so anything else is refused unread.
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/** A bearer secret for a link or a cookie: 256 bits, URL- and cookie-safe. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Whether `value` could be a token at all: anything else is refused before any lookup. */
export function isTokenShaped(value: string): boolean {
  return TOKEN_FORMAT.test(value);
}

/**
 * What is stored instead of a token: someone reading the database (a backup, a leaked dump) gets nothing that
 * signs anyone in. Tokens carry 256 bits of entropy, so a fast unsalted hash is enough — there is nothing to guess.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
