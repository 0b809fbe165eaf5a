import type { Db, Tx } from "../../infra/prisma/database.js";
import { hashToken, isTokenShaped, newToken } from "../shared/tokens.js";
import type { Clock } from "../../ports/clock.js";
import type { Ids } from "../../ports/ids.js";

/** What a one-time token is for; each kind is redeemed only by its own use case. */
export type TokenPurpose = "login" | "verify_email" | "reset_password";

/** Makes a token for `userId` and stores its hash; the caller hands the token to the person, once. */
export async function issueToken(
  tx: Tx,
  deps: { readonly ids: Ids; readonly clock: Clock },
  grant: { readonly userId: string; readonly purpose: TokenPurpose; readonly ttlMs: number },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + grant.ttlMs);
  await tx.loginToken.create({
    data: {
      id: deps.ids.next(),
      tokenHash: hashToken(token),
      userId: grant.userId,
      purpose: grant.purpose,
      expiresAt,
      createdAt: now,
    },
  });
  return { token, expiresAt };
}

/**
 * Marks a token used and says whose it was; null for a malformed, unknown, expired, spent or other-purpose
 * token, so callers answer all of those with one sentence and a caller learns nothing about which exist.
 */
export async function spendToken(tx: Tx, now: Date, token: string, purpose: TokenPurpose): Promise<string | null> {
  if (!isTokenShaped(token)) return null;
  const tokenHash = hashToken(token);
  // The conditional update is the check: of two concurrent redemptions only one matches a row whose usedAt is
  // still null (PostgreSQL re-evaluates the condition after the first commits; SQLite serialises the writers),
  // so a token can never be spent twice.
  const { count } = await tx.loginToken.updateMany({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count === 0) return null;
  const { userId } = await tx.loginToken.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } });
  return userId;
}

/** Whether a token could be spent now, without spending it: a cheap look before expensive work. */
export async function isLiveToken(db: Db, now: Date, token: string, purpose: TokenPurpose): Promise<boolean> {
  if (!isTokenShaped(token)) return false;
  const row = await db.loginToken.findFirst({
    where: { tokenHash: hashToken(token), purpose, usedAt: null, expiresAt: { gt: now } },
    select: { id: true },
  });
  return row !== null;
}

/** Spends every live token of one purpose a person holds: a newer link, or a new password, makes them stale. */
export async function voidTokens(tx: Tx, now: Date, userId: string, purpose: TokenPurpose): Promise<void> {
  await tx.loginToken.updateMany({
    where: { userId, purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
}

/** How many tokens of one purpose a person was given since `since`: what mail rate limits count. */
export function tokensIssuedSince(tx: Tx, userId: string, purpose: TokenPurpose, since: Date): Promise<number> {
  return tx.loginToken.count({ where: { userId, purpose, createdAt: { gt: since } } });
}
