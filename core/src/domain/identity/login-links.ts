import { createHash, randomBytes } from "node:crypto";
import { DomainError } from "../../errors.js";
import { requireActiveUser } from "../profiles/service.js";
import type { Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";
import type { AccountRef } from "./service.js";

/** How long a login link works: long enough to open a DM and click, short enough that a leaked one is stale. */
export const LOGIN_LINK_TTL_MS = 15 * 60 * 1000;

const PURPOSE = "login";
// 32 random bytes in base64url: always 43 characters from this alphabet, so anything else is refused unread.
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/**
 * Only the hash is stored: someone reading the database (a backup, a leaked dump) gets nothing that logs
 * anyone in. The token has 256 bits of entropy, so a fast unsalted hash is enough — there is nothing to guess.
 */
function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** One sentence for unknown, expired and used links alike: a caller learns nothing about which tokens exist. */
const unusableLink = () => new DomainError("invalid", "ACCOUNT.LOGIN_LINK_INVALID", "account.login_link_invalid");

/**
 * One-time login links: `/skillswap login` asks for one and DMs it, the dashboard redeems it. Valid for
 * 15 minutes by the injected clock and usable once.
 */
export function createLoginLinks(deps: Pick<ServiceDeps, "db" | "clock" | "ids">) {
  const { db, clock, ids } = deps;
  return {
    async issueLoginLink(actor: Actor): Promise<{ token: string; expiresAt: Date }> {
      const token = randomBytes(32).toString("base64url");
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + LOGIN_LINK_TTL_MS);
      await db.$transaction(async (tx) => {
        await requireActiveUser(tx, actor.userId);
        await tx.loginToken.create({
          data: {
            id: ids.next(),
            tokenHash: hashToken(token),
            userId: actor.userId,
            purpose: PURPOSE,
            expiresAt,
            createdAt: now,
          },
        });
      });
      return { token, expiresAt };
    },

    async redeemLoginLink(token: string): Promise<AccountRef> {
      if (!TOKEN_FORMAT.test(token)) throw unusableLink();
      const tokenHash = hashToken(token);
      const now = clock.now();
      return db.$transaction(async (tx) => {
        // The conditional update is the check: of two concurrent redemptions only one matches a row whose
        // usedAt is still null (PostgreSQL re-evaluates the condition after the first commits; SQLite
        // serialises the writers), so a link can never log in twice.
        const { count } = await tx.loginToken.updateMany({
          where: { tokenHash, purpose: PURPOSE, usedAt: null, expiresAt: { gt: now } },
          data: { usedAt: now },
        });
        if (count === 0) throw unusableLink();
        const { userId } = await tx.loginToken.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } });
        // A person suspended since the link was sent does not get in with it (the throw rolls usedAt back too).
        const user = await requireActiveUser(tx, userId).catch(() => {
          throw unusableLink();
        });
        return { userId: user.id, handle: user.handle, created: false };
      });
    },
  };
}
