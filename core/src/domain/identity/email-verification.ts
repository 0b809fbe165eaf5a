import { conflict, DomainError, notFound, rateLimited } from "../../errors.js";
import type { Tx } from "../../infra/prisma/database.js";
import { translate } from "../../messages/index.js";
import type { Mail } from "../../ports/mailer.js";
import { recordEvent } from "../outbox/record-event.js";
import type { Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";
import { auditAccount } from "./audit.js";
import { mayRequestMail } from "./mail-requests.js";
import { issueToken, spendToken } from "./one-time-tokens.js";
import type { AccountRef } from "./service.js";

/** A confirmation link works for a day: people read mail late, and all it proves is that the address is theirs. */
export const EMAIL_VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000;

const unusableLink = () =>
  new DomainError("invalid", "ACCOUNT.VERIFICATION_LINK_INVALID", "account.verification_link_invalid");

type Deps = Pick<ServiceDeps, "db" | "clock" | "ids" | "database">;

/** Asks for a confirmation mail, in the caller's transaction (sign-up's, or a resend's). */
export function requestVerificationMail(tx: Tx, deps: Deps, userId: string): Promise<void> {
  return recordEvent(tx, deps, { type: "account.verification_requested", aggregateId: userId, payload: { userId } });
}

/**
 * The confirmation mail for a person, with a fresh link; null when there is nothing left to confirm (confirmed
 * meanwhile, no address, account gone). Older links stay valid: each proves the same thing, and a person who
 * asked twice may click either mail. Whoever adds a way to change one's email must void `verify_email` tokens
 * then: a token names the account, not the address it was sent to.
 */
export async function verificationMail(tx: Tx, deps: Deps, userId: string, publicUrl: string): Promise<Mail | null> {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { displayName: true, email: true, emailVerifiedAt: true, status: true },
  });
  if (user === null || user.status !== "active" || user.email === null || user.emailVerifiedAt !== null) return null;
  const { token } = await issueToken(tx, deps, { userId, purpose: "verify_email", ttlMs: EMAIL_VERIFICATION_TTL_MS });
  const link = `${publicUrl}/verify-email?token=${token}`;
  return {
    to: user.email,
    subject: translate("mail.verify_subject"),
    text: translate("mail.verify_text", { name: user.displayName, email: user.email, link }),
  };
}

/** Confirming that an account's email address is the person's: a mailed link, a day long, once. */
export function createEmailVerification(deps: Deps) {
  const { db, clock } = deps;
  return {
    /** Redeems a confirmation link. The door may sign the person in with the answer: the link came to their inbox. */
    async verifyEmail(token: string): Promise<AccountRef> {
      const now = clock.now();
      return db.$transaction(async (tx) => {
        const userId = await spendToken(tx, now, token, "verify_email");
        if (userId === null) throw unusableLink();
        const user = await tx.user.findUnique({
          where: { id: userId },
          select: { handle: true, email: true, emailVerifiedAt: true, status: true },
        });
        if (user === null || user.status !== "active" || user.email === null) throw unusableLink();
        // A second, older link clicked after the first worked is spent like any other, and changes nothing.
        if (user.emailVerifiedAt === null) {
          await tx.user.update({ where: { id: userId }, data: { emailVerifiedAt: now } });
          await auditAccount(tx, deps, userId, "account.email_verified", { email: user.email });
        }
        return { userId, handle: user.handle, created: false };
      });
    },

    /** Mails a new confirmation link to the person's address; refused when there is nothing to confirm. */
    async resendVerification(actor: Actor): Promise<void> {
      await db.$transaction(async (tx) => {
        const user = await tx.user.findUnique({
          where: { id: actor.userId },
          select: { email: true, emailVerifiedAt: true, status: true },
        });
        if (user === null || user.status !== "active")
          throw notFound("USER.NOT_FOUND", "user.not_found", { handle: actor.userId });
        if (user.email === null) throw conflict("ACCOUNT.NO_EMAIL", "account.no_email");
        if (user.emailVerifiedAt !== null)
          throw conflict("ACCOUNT.EMAIL_ALREADY_VERIFIED", "account.email_already_verified");
        if (!(await mayRequestMail(tx, clock, "account.verification_requested", actor.userId)))
          throw rateLimited("ACCOUNT.TOO_MANY_MAILS", "account.too_many_mails");
        await requestVerificationMail(tx, deps, actor.userId);
      });
    },
  };
}
