import { notFound } from "../../errors.js";
import type { Tx } from "../../infra/prisma/database.js";
import type { SessionStore, StoredWebSession } from "../../ports/session-store.js";
import { requireActiveUser } from "../profiles/service.js";
import { actorOf, type Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";
import { hashToken, isTokenShaped, newToken } from "../shared/tokens.js";
import { absoluteEndOf, cleanUserAgent, needsTouch, standingOf } from "./rules.js";
import type {
  ResolvedSession,
  RevokeAllReason,
  SessionClient,
  SignInMethod,
  StartedSession,
  WebSessionView,
} from "./types.js";

const sessionNotFound = () => notFound("WEB_SESSION.NOT_FOUND", "web_session.not_found");

function viewOf(session: StoredWebSession, currentId: string | undefined): WebSessionView {
  return {
    id: session.id,
    current: session.id === currentId,
    createdAt: session.createdAt,
    lastSeenAt: session.lastSeenAt,
    expiresAt: session.expiresAt,
    userAgent: session.userAgent,
    ip: session.ip,
  };
}

/**
 * Server-side sessions of the web dashboard: the browser holds an opaque token, the store holds its hash. A
 * session ends after 30 minutes unused, 12 hours after sign-in whatever happens, or when revoked; a person
 * sees and ends only their own. Sign-ins, sign-outs and revocations are written to the audit log (no
 * community: they concern the account).
 */
export function createWebSessionsService(deps: Pick<ServiceDeps, "db" | "clock" | "ids">, store: SessionStore) {
  const { db, clock, ids } = deps;

  async function audit(userId: string, action: string, sessionId: string, data: object): Promise<void> {
    await db.$transaction((tx: Tx) =>
      tx.auditLog.create({
        data: {
          id: ids.next(),
          actorId: userId,
          communityId: null,
          action,
          targetType: "web_session",
          targetId: sessionId,
          data: JSON.stringify(data),
          createdAt: clock.now(),
        },
      }),
    );
  }

  async function open(userId: string, client: SessionClient): Promise<StartedSession> {
    await requireActiveUser(db, userId);
    const token = newToken();
    const now = clock.now();
    const session: StoredWebSession = {
      id: hashToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: absoluteEndOf(now),
      userAgent: cleanUserAgent(client.userAgent),
      ip: client.ip.slice(0, 64),
      revokedAt: null,
    };
    await store.create(session);
    return { token, session: viewOf(session, session.id) };
  }

  /** The live session a token names, or null: unknown, revoked, idle and expired tokens alike. */
  async function live(token: string): Promise<StoredWebSession | null> {
    if (!isTokenShaped(token)) return null;
    const session = await store.find(hashToken(token));
    return session !== null && standingOf(session, clock.now()) === "active" ? session : null;
  }

  return {
    /** Signs a person in on a browser: a new session and the token for its cookie. */
    async start(userId: string, client: SessionClient, via: SignInMethod = "password"): Promise<StartedSession> {
      const started = await open(userId, client);
      await audit(userId, "auth.login", started.session.id, { via, ip: started.session.ip });
      return started;
    },

    /**
     * Who the token signs in, or null. At most once a minute a request moves the session's last activity
     * forward, and confirms the person still has an account: a deleted account's sessions end then at the
     * latest (the database store also deletes them with the account).
     */
    async resolve(token: string): Promise<ResolvedSession | null> {
      const session = await live(token);
      if (session === null) return null;
      const now = clock.now();
      if (needsTouch(session, now)) {
        const present = await requireActiveUser(db, session.userId).then(
          () => true,
          () => false,
        );
        if (!present) {
          await store.revokeAll(session.userId, now);
          return null;
        }
        await store.touch(session.id, now);
      }
      return { actor: actorOf(session.userId), sessionId: session.id };
    },

    /**
     * Whether the token still names a live session, without counting this as activity: for what a browser
     * holds open without a person acting (a live conversation stream), which must end with the session but
     * must not keep it from going idle.
     */
    async isLive(token: string): Promise<boolean> {
      return (await live(token)) !== null;
    },

    /**
     * A new token for the same person and browser, ending the old one: after anything that changes what the
     * session may do (a password change), so a token captured before is worth nothing after.
     */
    async rotate(token: string): Promise<StartedSession> {
      const old = await live(token);
      if (old === null) throw sessionNotFound();
      const started = await open(old.userId, { userAgent: old.userAgent, ip: old.ip });
      await store.revoke(old.userId, old.id, clock.now());
      await audit(old.userId, "auth.session_rotated", started.session.id, { from: old.id });
      return started;
    },

    /** Signs the browser out: its session ends (nothing happens when it already had). */
    async logout(actor: Actor, sessionId: string): Promise<void> {
      if (await store.revoke(actor.userId, sessionId, clock.now())) {
        await audit(actor.userId, "auth.logout", sessionId, {});
      }
    },

    /** My signed-in browsers, newest first, the one asking flagged `current`. */
    async list(actor: Actor, currentSessionId?: string): Promise<WebSessionView[]> {
      const now = clock.now();
      const sessions = await store.activeOf(actor.userId, now);
      return sessions
        .filter((session) => standingOf(session, now) === "active")
        .map((session) => viewOf(session, currentSessionId));
    },

    /** Ends one of my sessions. Someone else's is "not found", exactly as one that never existed. */
    async revoke(actor: Actor, sessionId: string): Promise<void> {
      if (!(await store.revoke(actor.userId, sessionId, clock.now()))) throw sessionNotFound();
      await audit(actor.userId, "auth.session_revoked", sessionId, {});
    },

    /** Forgets sessions past their absolute end (the worker's scheduled jobs): the table keeps recent ones only. */
    prune: () => store.prune(clock.now()),

    /** Ends every session of mine but `except` (the browser asking, when it stays signed in); how many ended. */
    async revokeAll(
      actor: Actor,
      options: { readonly except?: string; readonly reason?: RevokeAllReason } = {},
    ): Promise<number> {
      const reason = options.reason ?? "logout_everywhere";
      const ended = await store.revokeAll(actor.userId, clock.now(), options.except);
      // A closed account's entry would name a person who no longer exists; its deletion is recorded as such.
      if (reason !== "account_closed") {
        await audit(actor.userId, `auth.${reason}`, options.except ?? "", { ended, kept: options.except ?? null });
      }
      return ended;
    },
  };
}

export type WebSessionsService = ReturnType<typeof createWebSessionsService>;
