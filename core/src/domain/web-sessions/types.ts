import type { Actor } from "../shared/actor.js";

/** The browser a session is started for, as the web server saw it. */
export interface SessionClient {
  readonly userAgent?: string | undefined;
  readonly ip: string;
}

/** How a person proved who they are when the session started (kept in the audit log). */
/** "demo": a one-click "try it as …" sign-in as a demo person, only while the demo data is on. */
export type SignInMethod = "password" | "password_reset" | "login_link" | "sign_up" | "discord" | "google" | "demo";

/** Why "every session but this one" was ended, for the audit log. */
export type RevokeAllReason = "logout_everywhere" | "password_changed" | "password_reset" | "account_closed";

/** One of my signed-in browsers, as I see it in my account settings. */
export interface WebSessionView {
  readonly id: string;
  /** The browser asking: ending it signs this browser out. */
  readonly current: boolean;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  /** When it ends however active it is; it ends sooner after 30 minutes without use. */
  readonly expiresAt: Date;
  readonly userAgent: string;
  readonly ip: string;
}

/** A session just started: the token goes into the cookie and is never stored. */
export interface StartedSession {
  readonly token: string;
  readonly session: WebSessionView;
}

/** Who a session token signs in, and which session it is (to flag it, rotate it or end it). */
export interface ResolvedSession {
  readonly actor: Actor;
  readonly sessionId: string;
}
