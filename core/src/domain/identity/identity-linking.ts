import { conflict } from "../../errors.js";
import { isUniqueViolation } from "../../infra/prisma/errors.js";
import { identityInput, type IdentityInput } from "../profiles/input.js";
import type { Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";
import { parseInput } from "../shared/validate.js";
import { requireActiveUser } from "../profiles/service.js";
import { auditAccount } from "./audit.js";
import type { AccountRef } from "./service.js";

/** How the linking ended: attached now, or it was already mine (a second click, a reload of the callback). */
export type LinkOutcome = "linked" | "already_linked";

/** The account behind a platform identity, created the first time (accounts.registerFromIdentity). */
type RegisterFromIdentity = (input: IdentityInput) => Promise<AccountRef>;

export function createIdentityLinking(
  deps: Pick<ServiceDeps, "db" | "ids" | "clock">,
  registerFromIdentity: RegisterFromIdentity,
) {
  const { db } = deps;
  const providerName = { discord: "Discord", slack: "Slack", google: "Google" } as const;

  return {
    /**
     * Signing in on the web with Discord or Google: the account that identity belongs to, or a new one. When
     * the identity is new but its email is already an account's, sign-in is refused with a sentence rather than
     * opening a second, empty account the person did not mean to make: they sign in as before and link it.
     */
    async signInWithIdentity(input: IdentityInput): Promise<AccountRef> {
      const data = parseInput(identityInput, input, "ACCOUNT.INVALID_IDENTITY");
      const known = await db.identity.findUnique({
        where: {
          provider_tenantId_subject: { provider: data.provider, tenantId: data.tenantId, subject: data.subject },
        },
        select: { userId: true },
      });
      if (known === null && data.email !== undefined) {
        const holder = await db.user.findUnique({ where: { email: data.email }, select: { id: true } });
        if (holder !== null)
          throw conflict("ACCOUNT.EMAIL_HAS_ACCOUNT", "account.email_has_account", {
            provider: providerName[data.provider],
          });
      }
      return registerFromIdentity(input);
    },

    /**
     * Attaches another platform account to mine (signed in, I sign in with Discord or Google too). An account
     * already attached to someone else is refused with a sentence, never moved or merged: the person may hold
     * two SkillSwap accounts on purpose, and taking an identity away from one would lock it out.
     */
    async linkIdentity(actor: Actor, input: IdentityInput): Promise<LinkOutcome> {
      const data = parseInput(identityInput, input, "ACCOUNT.INVALID_IDENTITY");
      const refused = () =>
        conflict("ACCOUNT.IDENTITY_TAKEN", "account.identity_taken", { provider: providerName[data.provider] });
      const key = { provider: data.provider, tenantId: data.tenantId, subject: data.subject };
      const owner = await db.identity.findUnique({
        where: { provider_tenantId_subject: key },
        select: { userId: true },
      });
      if (owner !== null) {
        if (owner.userId === actor.userId) return "already_linked";
        throw refused();
      }
      try {
        await db.$transaction(async (tx) => {
          await requireActiveUser(tx, actor.userId);
          await tx.identity.create({
            data: { id: deps.ids.next(), userId: actor.userId, ...key, username: data.username },
          });
          await auditAccount(tx, deps, actor.userId, "account.identity_linked", { provider: data.provider });
        });
        return "linked";
      } catch (error) {
        // Someone else linked it between the read and the write: the unique key decides, as it should.
        if (isUniqueViolation(error)) throw refused();
        throw error;
      }
    },
  };
}
