/** A session unused this long ends: a browser left open on a shared computer does not stay signed in. */
export const IDLE_LIMIT_MS = 30 * 60 * 1000;
/** However active, a session ends this long after sign-in: a stolen cookie is worth half a day at most. */
export const ABSOLUTE_LIMIT_MS = 12 * 60 * 60 * 1000;
/**
 * lastSeenAt moves at most this often: one write a minute per active browser instead of one per request.
 * The idle limit is therefore reached up to this much later than the last request.
 */
export const TOUCH_INTERVAL_MS = 60 * 1000;

export type SessionStanding = "active" | "revoked" | "idle" | "expired";

interface SessionTimes {
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
}

/** Whether a session still signs its browser in at `now`, and if not, why. */
export function standingOf(session: SessionTimes, now: Date): SessionStanding {
  if (session.revokedAt !== null) return "revoked";
  if (now.getTime() >= session.expiresAt.getTime()) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() >= IDLE_LIMIT_MS) return "idle";
  return "active";
}

/** Whether a request at `now` should record itself as the session's last activity. */
export function needsTouch(session: Pick<SessionTimes, "lastSeenAt">, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS;
}

/** The absolute end of a session started at `startedAt`. */
export function absoluteEndOf(startedAt: Date): Date {
  return new Date(startedAt.getTime() + ABSOLUTE_LIMIT_MS);
}

// Browsers send user agents of a few hundred characters; anything longer is noise (or an attempt to fill rows).
const MAX_USER_AGENT = 256;

/** A client's self-description as stored and shown: printable, bounded. */
export function cleanUserAgent(userAgent: string | undefined): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return (userAgent ?? "").replace(/[\u0000-\u001f\u007f]/g, "").slice(0, MAX_USER_AGENT);
}
