import { conflict, DomainError, invalid, notFound } from "../../errors.js";
import type { Tx } from "../../infra/prisma/database.js";
import { translate } from "../../messages/index.js";
import type { Mail } from "../../ports/mailer.js";
import { recordEvent } from "../outbox/record-event.js";
import type { Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";
import { parseInput } from "../shared/validate.js";
import { auditAccount } from "./audit.js";
import {
  passwordChange,
  passwordReset,
  passwordResetRequest,
  type PasswordChangeInput,
  type PasswordResetInput,
  type PasswordResetRequest,
} from "./input.js";
import { mayRequestMail } from "./mail-requests.js";
import { isLiveToken, issueToken, spendToken, voidTokens } from "./one-time-tokens.js";
import { hashPassword, verifyPassword } from "./password.js";
import type { AccountRef } from "./service.js";

/** A reset link works for half an hour: it replaces a password, so a mailbox read later must not still hold one. */
export const PASSWORD_RESET_TTL_MS = 30 * 60 * 1000;

const unusableLink = () => new DomainError("invalid", "ACCOUNT.RESET_LINK_INVALID", "account.reset_link_invalid");

// "invalid" on the field rather than "forbidden": the person is signed in and allowed to change their password;
// they mistyped a field of the form, and the door shows the sentence beside that field.
const wrongCurrentPassword = (message = translate("account.wrong_password")) =>
  invalid("ACCOUNT.WRONG_PASSWORD", [{ field: "currentPassword", message }]);

type Deps = Pick<ServiceDeps, "db" | "clock" | "ids" | "database">;

/**
 * The reset mail for whoever owns `email`, with a fresh link that voids the ones mailed before (the newest mail
 * is the one a person clicks; older ones lying in an inbox should not work); null when no active account has
 * that address, and then nobody is mailed.
 */
export async function passwordResetMail(tx: Tx, deps: Deps, email: string, publicUrl: string): Promise<Mail | null> {
  const user = await tx.user.findUnique({ where: { email }, select: { id: true, displayName: true, status: true } });
  if (user === null || user.status !== "active") return null;
  await voidTokens(tx, deps.clock.now(), user.id, "reset_password");
  const { token } = await issueToken(tx, deps, {
    userId: user.id,
    purpose: "reset_password",
    ttlMs: PASSWORD_RESET_TTL_MS,
  });
  await auditAccount(tx, deps, user.id, "account.password_reset_requested");
  const link = `${publicUrl}/reset-password?token=${token}`;
  return {
    to: email,
    subject: translate("mail.reset_subject"),
    text: translate("mail.reset_text", { name: user.displayName, link }),
  };
}

/** The password behind email log-in: forgotten (a mailed link), changed, or set for the first time. */
export function createPasswords(deps: Deps) {
  const { db, clock } = deps;

  /** What follows a new password, in its transaction: reset links die, the audit row, the mail telling the owner. */
  async function afterNewPassword(tx: Tx, userId: string, via: "reset" | "change" | "set") {
    await voidTokens(tx, clock.now(), userId, "reset_password");
    const action = {
      reset: "account.password_reset",
      change: "account.password_changed",
      set: "account.password_set",
    } as const;
    await auditAccount(tx, deps, userId, action[via]);
    await recordEvent(tx, deps, { type: "account.password_changed", aggregateId: userId, payload: { userId, via } });
  }

  return {
    /**
     * Mails a reset link when an account has this address. It answers the same way, doing the same work, either
     * way: the request is recorded whatever was typed and the worker looks the address up when it sends, so
     * neither the answer nor its timing tells whether an account exists. Past the hourly ceiling for an address,
     * requests are dropped just as silently.
     */
    async requestPasswordReset(input: PasswordResetRequest): Promise<void> {
      const { email } = parseInput(passwordResetRequest, input, "ACCOUNT.INVALID_RESET_REQUEST");
      await db.$transaction(async (tx) => {
        if (!(await mayRequestMail(tx, clock, "account.password_reset_requested", email))) return;
        await recordEvent(tx, deps, {
          type: "account.password_reset_requested",
          aggregateId: email,
          payload: { email },
        });
      });
    },

    /** Sets a new password with a mailed link. The door may sign the person in with the answer. */
    async resetPassword(input: PasswordResetInput): Promise<AccountRef> {
      const data = parseInput(passwordReset, input, "ACCOUNT.INVALID_PASSWORD_RESET");
      const now = clock.now();
      // Looked at first, so a made-up token costs a query and not a hash; spent for good in the transaction.
      if (!(await isLiveToken(db, now, data.token, "reset_password"))) throw unusableLink();
      // Hashed before the transaction: scrypt takes tens of milliseconds, and on SQLite an open transaction
      // holds the one connection everyone else waits for.
      const passwordHash = await hashPassword(data.password);
      return db.$transaction(async (tx) => {
        const userId = await spendToken(tx, now, data.token, "reset_password");
        if (userId === null) throw unusableLink();
        const user = await tx.user.findUnique({
          where: { id: userId },
          select: { handle: true, email: true, emailVerifiedAt: true, status: true },
        });
        if (user === null || user.status !== "active") throw unusableLink();
        // The link reached the inbox, which is what confirming the address proves.
        const confirms = user.emailVerifiedAt === null && user.email !== null;
        await tx.user.update({
          where: { id: userId },
          data: { passwordHash, ...(confirms ? { emailVerifiedAt: now } : {}) },
        });
        await afterNewPassword(tx, userId, "reset");
        if (confirms) await auditAccount(tx, deps, userId, "account.email_verified", { via: "password_reset" });
        return { userId, handle: user.handle, created: false };
      });
    },

    /**
     * Changes the signed-in person's password, or sets their first one. With a password, the current one is
     * required (a borrowed session must not be enough to lock the owner out). Without one (an account made on
     * Discord or Slack), nothing is asked, but the account needs a confirmed email: a password signs in
     * together with the address, and an unconfirmed address may be someone else's, who could then reset it.
     */
    async changePassword(actor: Actor, input: PasswordChangeInput): Promise<void> {
      const data = parseInput(passwordChange, input, "ACCOUNT.INVALID_PASSWORD_CHANGE");
      const user = await db.user.findUnique({
        where: { id: actor.userId },
        select: { email: true, emailVerifiedAt: true, passwordHash: true, status: true },
      });
      if (user === null || user.status !== "active")
        throw notFound("USER.NOT_FOUND", "user.not_found", { handle: actor.userId });
      if (user.passwordHash === null) {
        if (user.email === null) throw conflict("ACCOUNT.NO_EMAIL", "account.no_email");
        if (user.emailVerifiedAt === null) throw conflict("ACCOUNT.EMAIL_UNVERIFIED", "account.email_unverified");
      } else if (data.currentPassword === undefined) {
        throw wrongCurrentPassword(translate("field.required"));
      } else if (!(await verifyPassword(data.currentPassword, user.passwordHash))) {
        throw wrongCurrentPassword();
      }
      const passwordHash = await hashPassword(data.newPassword);
      await db.$transaction(async (tx) => {
        // Only over the password just checked: a reset or change that landed meanwhile wins, and this one is
        // answered as if the current password were wrong, which it now is.
        const { count } = await tx.user.updateMany({
          where: { id: actor.userId, status: "active", passwordHash: user.passwordHash },
          data: { passwordHash },
        });
        if (count === 0) throw wrongCurrentPassword();
        await afterNewPassword(tx, actor.userId, user.passwordHash === null ? "set" : "change");
      });
    },
  };
}

/** Tells the owner their password changed, so a change they did not make does not go unnoticed. */
export async function passwordChangedMail(
  tx: Tx,
  userId: string,
  via: "reset" | "change" | "set",
  publicUrl: string,
): Promise<Mail | null> {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { displayName: true, email: true, status: true },
  });
  if (user === null || user.status !== "active" || user.email === null) return null;
  return {
    to: user.email,
    subject: translate("mail.password_changed_subject"),
    text:
      via === "set"
        ? translate("mail.password_set_text", { name: user.displayName, email: user.email, site: publicUrl })
        : translate("mail.password_changed_text", { name: user.displayName, site: publicUrl }),
  };
}
