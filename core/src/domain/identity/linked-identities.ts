import { z } from "zod";
import { conflict, notFound } from "../../errors.js";
import type { Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";
import { parseInput } from "../shared/validate.js";
import { auditAccount } from "./audit.js";
import { canSignInWithout, linkableProviders, type LinkableProvider } from "./sign-in-ways.js";

/** One of my linked accounts, as I see it in my settings: what it is and the name it goes by there. */
export interface LinkedIdentityView {
  readonly provider: string;
  /** The name on that platform (a Discord username, a Slack handle, the email address). */
  readonly username: string;
  readonly linkedAt: Date;
}

const providerNames: Record<LinkableProvider, string> = {
  discord: "Discord",
  slack: "Slack",
  google: "Google",
  email: "Email",
};

const unlinkInput = z.object({ provider: z.enum(linkableProviders) });

export function createLinkedIdentities(deps: Pick<ServiceDeps, "db" | "ids" | "clock">) {
  const { db } = deps;
  return {
    /**
     * The accounts linked to mine, oldest first. Platform ids and workspace ids stay inside: they mean
     * nothing to a person and are what another surface would need to reach them.
     */
    async identities(actor: Actor): Promise<LinkedIdentityView[]> {
      const rows = await db.identity.findMany({
        where: { userId: actor.userId },
        select: { provider: true, username: true, createdAt: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      });
      return rows.map((row) => ({ provider: row.provider, username: row.username, linkedAt: row.createdAt }));
    },

    /**
     * Detaches every account of one provider from mine (Slack may be linked in several workspaces). Refused
     * when it would leave me no way to sign in (see sign-in-ways.ts); unlinking email also removes the
     * password. That platform's account is then a stranger here: the bot makes it a new SkillSwap user the
     * next time it is used.
     */
    async unlinkIdentity(actor: Actor, provider: string): Promise<void> {
      const { provider: chosen } = parseInput(unlinkInput, { provider }, "ACCOUNT.INVALID_PROVIDER");
      const named = { provider: providerNames[chosen] };
      await db.$transaction(async (tx) => {
        // Written first to lock my row: two unlinks at once (Discord here, Google in another tab) must not
        // each count on the account the other is removing.
        const { count } = await tx.user.updateMany({
          where: { id: actor.userId, status: "active" },
          data: { lastActiveAt: deps.clock.now() },
        });
        if (count === 0) throw notFound("USER.NOT_FOUND", "user.not_found", { handle: actor.userId });
        const [user, linked] = await Promise.all([
          tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true, passwordHash: true } }),
          tx.identity.findMany({ where: { userId: actor.userId }, select: { provider: true } }),
        ]);
        const providers = linked.map((identity) => identity.provider);
        if (!providers.includes(chosen))
          throw notFound("ACCOUNT.IDENTITY_NOT_LINKED", "account.identity_not_linked", named);
        const hasPassword = user.email !== null && user.passwordHash !== null;
        if (!canSignInWithout({ hasPassword, providers }, chosen))
          throw conflict("ACCOUNT.LAST_SIGN_IN", "account.last_sign_in", named);
        await tx.identity.deleteMany({ where: { userId: actor.userId, provider: chosen } });
        if (chosen === "email") await tx.user.update({ where: { id: actor.userId }, data: { passwordHash: null } });
        await auditAccount(tx, deps, actor.userId, "account.identity_unlinked", { provider: chosen });
      });
    },
  };
}
