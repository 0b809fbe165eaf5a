import { normalizeHandle } from "../shared/text.js";
import { conflict, DomainError, invalid, notFound } from "../../errors.js";
import type { Tx } from "../../infra/prisma/database.js";
import { isUniqueViolation } from "../../infra/prisma/errors.js";
import { translate } from "../../messages/index.js";
import type { Actor } from "../shared/actor.js";
import { recordEvent } from "../outbox/record-event.js";
import { identityInput, type IdentityInput } from "../profiles/input.js";
import { handleFromName, isReservedHandle } from "../profiles/rules.js";
import type { ServiceDeps } from "../shared/deps.js";
import { parseInput } from "../shared/validate.js";
import { auditAccount } from "./audit.js";
import { createEmailVerification, requestVerificationMail } from "./email-verification.js";
import { credentialsInput, emailSignUpInput, type CredentialsInput, type EmailSignUpInput } from "./input.js";
import { createIdentityLinking } from "./identity-linking.js";
import { createLinkedIdentities } from "./linked-identities.js";
import { createLoginLinks } from "./login-links.js";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "./password.js";
import { createPasswords } from "./passwords.js";

export interface AccountRef {
  readonly userId: string;
  readonly handle: string;
  readonly created: boolean;
}

/** A free handle from `base`: base, base2, base3, … (handles are stored lower case). */
async function freeHandle(tx: Tx, base: string): Promise<string> {
  const taken = new Set(
    (await tx.user.findMany({ where: { handle: { startsWith: base } }, select: { handle: true } })).map(
      (u) => u.handle,
    ),
  );
  if (!taken.has(base) && !isReservedHandle(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, 26)}${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

interface NewUser {
  readonly handle: string;
  readonly displayName: string;
  readonly email: string | null;
  readonly passwordHash: string | null;
  readonly timeZone: string | undefined;
  readonly identity: { provider: string; tenantId: string; subject: string; username: string };
}

/**
 * Writes a user, its first identity, the user.created event and the audit row: one person arriving, whichever
 * door they used.
 */
async function createUser(tx: Tx, deps: Pick<ServiceDeps, "ids" | "clock">, user: NewUser): Promise<AccountRef> {
  const userId = deps.ids.next();
  const now = deps.clock.now();
  await tx.user.create({
    data: {
      id: userId,
      handle: user.handle,
      displayName: user.displayName,
      email: user.email,
      passwordHash: user.passwordHash,
      timeZone: user.timeZone ?? "UTC",
      createdAt: now,
      lastActiveAt: now,
    },
  });
  await tx.identity.create({ data: { id: deps.ids.next(), userId, ...user.identity } });
  await recordEvent(tx, deps, {
    type: "user.created",
    aggregateId: userId,
    payload: { userId, via: user.identity.provider },
  });
  await auditAccount(tx, deps, userId, "account.signed_up", { via: user.identity.provider });
  return { userId, handle: user.handle, created: true };
}

/** One platform account of a person: a Discord user id, a Slack user of a workspace, an email. */
export interface IdentityRef {
  readonly provider: string;
  readonly tenantId: string;
  readonly subject: string;
}

export function createAccountsService(deps: ServiceDeps) {
  const { db } = deps;

  async function findByIdentity(provider: string, tenantId: string, subject: string): Promise<AccountRef | null> {
    const identity = await db.identity.findUnique({
      where: { provider_tenantId_subject: { provider, tenantId, subject } },
      select: { user: { select: { id: true, handle: true } } },
    });
    return identity === null ? null : { userId: identity.user.id, handle: identity.user.handle, created: false };
  }

  /** The actor behind a handle, for operator tools and tests; null when there is no active user. */
  async function actorForHandle(handle: string): Promise<Actor | null> {
    const user = await db.user.findUnique({
      where: { handle: normalizeHandle(handle) },
      select: { id: true, status: true },
    });
    return user === null || user.status !== "active" ? null : { userId: user.id };
  }
  const accounts = {
    findByIdentity,
    ...createLoginLinks(deps),
    ...createLinkedIdentities(deps),
    ...createEmailVerification(deps),
    ...createPasswords(deps),

    /** The platform accounts linked to a person, oldest first: how a surface reaches them (a DM needs their id). */
    async identitiesOf(userId: string): Promise<IdentityRef[]> {
      return db.identity.findMany({
        where: { userId },
        select: { provider: true, tenantId: true, subject: true },
        orderBy: { createdAt: "asc" },
      });
    },

    actorForHandle,

    /** The actor behind a handle, for operator tools: an unknown or deleted one is "not found", in its words. */
    async actorByHandle(handle: string): Promise<Actor> {
      const actor = await actorForHandle(handle);
      if (actor === null) throw notFound("USER.NOT_FOUND", "user.not_found", { handle });
      return actor;
    },

    /**
     * The SkillSwap user behind a platform account, created on the spot the first time (a person's first
     * Discord command, a Google sign-in). Idempotent: platforms retry, and a retry finds the same user.
     */
    async registerFromIdentity(input: IdentityInput): Promise<AccountRef> {
      const data = parseInput(identityInput, input, "ACCOUNT.INVALID_IDENTITY");
      const existing = await findByIdentity(data.provider, data.tenantId, data.subject);
      if (existing !== null) return existing;
      try {
        return await db.$transaction(async (tx) => {
          const emailFree =
            data.email !== undefined &&
            (await tx.user.findUnique({ where: { email: data.email }, select: { id: true } })) === null;
          return createUser(tx, deps, {
            handle: await freeHandle(tx, handleFromName(data.username || data.displayName)),
            displayName: data.displayName,
            // An email the provider vouches for is only attached when no other account claims it; linking
            // two accounts is an explicit step on the dashboard, never a silent merge.
            email: emailFree ? (data.email ?? null) : null,
            passwordHash: null,
            timeZone: data.timeZone,
            identity: {
              provider: data.provider,
              tenantId: data.tenantId,
              subject: data.subject,
              username: data.username,
            },
          });
        });
      } catch (error) {
        // Two deliveries of the same first command raced: the other one created the user.
        const winner = isUniqueViolation(error)
          ? await findByIdentity(data.provider, data.tenantId, data.subject)
          : null;
        if (winner !== null) return winner;
        throw error;
      }
    },

    /**
     * A new account with email and password. The address stays unconfirmed (emailVerifiedAt null) until the
     * link mailed with it is opened; the person may sign in meanwhile.
     */
    async signUpWithEmail(input: EmailSignUpInput): Promise<AccountRef> {
      const data = parseInput(emailSignUpInput, input, "ACCOUNT.INVALID_SIGN_UP");
      const passwordHash = await hashPassword(data.password);
      try {
        return await db.$transaction(async (tx) => {
          if ((await tx.user.findUnique({ where: { email: data.email }, select: { id: true } })) !== null) {
            throw conflict("ACCOUNT.EMAIL_TAKEN", "account.email_taken");
          }
          if (
            data.handle !== undefined &&
            (isReservedHandle(data.handle) || (await tx.user.findUnique({ where: { handle: data.handle } })) !== null)
          ) {
            throw invalid("PROFILE.HANDLE_TAKEN", [
              { field: "handle", message: translate("profile.handle_taken", { handle: data.handle }) },
            ]);
          }
          const account = await createUser(tx, deps, {
            handle: data.handle ?? (await freeHandle(tx, handleFromName(data.displayName))),
            displayName: data.displayName,
            email: data.email,
            passwordHash,
            timeZone: data.timeZone,
            identity: { provider: "email", tenantId: "", subject: data.email, username: data.email },
          });
          await requestVerificationMail(tx, deps, account.userId);
          return account;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict("ACCOUNT.EMAIL_TAKEN", "account.email_taken");
        throw error;
      }
    },

    /** Email + password log-in. The same error for an unknown email and a wrong password, so emails cannot be probed. */
    async authenticate(input: CredentialsInput): Promise<AccountRef> {
      const data = parseInput(credentialsInput, input, "ACCOUNT.INVALID_CREDENTIALS");
      const user = await db.user.findUnique({
        where: { email: data.email },
        select: { id: true, handle: true, passwordHash: true, status: true },
      });
      // Verify against a dummy hash when there is no account or no password, so the answer takes as long.
      const matches = await verifyPassword(data.password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
      if (user === null || user.passwordHash === null || user.status !== "active" || !matches) {
        throw new DomainError("forbidden", "ACCOUNT.BAD_CREDENTIALS", "account.bad_credentials");
      }
      return { userId: user.id, handle: user.handle, created: false };
    },
  };
  // Signing in and linking on the web build on registerFromIdentity: the same "identity → account" rule.
  return { ...accounts, ...createIdentityLinking(deps, (input) => accounts.registerFromIdentity(input)) };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
