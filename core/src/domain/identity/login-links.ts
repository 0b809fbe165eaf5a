import { DomainError } from "../../errors.js";
import { requireActiveUser } from "../profiles/service.js";
import type { Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";
import { issueToken, spendToken } from "./one-time-tokens.js";
import type { AccountRef } from "./service.js";

/** How long a login link works: long enough to open a DM and click, short enough that a leaked one is stale. */
export const LOGIN_LINK_TTL_MS = 15 * 60 * 1000;

/** One sentence for unknown, expired and used links alike: a caller learns nothing about which tokens exist. */
const unusableLink = () => new DomainError("invalid", "ACCOUNT.LOGIN_LINK_INVALID", "account.login_link_invalid");

/**
 * One-time login links: `/skillswap login` asks for one and DMs it, the dashboard redeems it. Valid for
 * 15 minutes by the injected clock and usable once.
 */
export function createLoginLinks(deps: Pick<ServiceDeps, "db" | "clock" | "ids">) {
  const { db, clock } = deps;
  return {
    async issueLoginLink(actor: Actor): Promise<{ token: string; expiresAt: Date }> {
      return db.$transaction(async (tx) => {
        await requireActiveUser(tx, actor.userId);
        return issueToken(tx, deps, { userId: actor.userId, purpose: "login", ttlMs: LOGIN_LINK_TTL_MS });
      });
    },

    async redeemLoginLink(token: string): Promise<AccountRef> {
      const now = clock.now();
      return db.$transaction(async (tx) => {
        const userId = await spendToken(tx, now, token, "login");
        if (userId === null) throw unusableLink();
        // A person suspended since the link was sent does not get in with it (the throw rolls usedAt back too).
        const user = await requireActiveUser(tx, userId).catch(() => {
          throw unusableLink();
        });
        return { userId: user.id, handle: user.handle, created: false };
      });
    },
  };
}
