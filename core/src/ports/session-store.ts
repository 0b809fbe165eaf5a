/** A signed-in browser as stored: `id` is the sha256 of the opaque token its cookie holds, never the token. */
export interface StoredWebSession {
  readonly id: string;
  readonly userId: string;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  /** Absolute end, whatever the activity. */
  readonly expiresAt: Date;
  readonly userAgent: string;
  readonly ip: string;
  readonly revokedAt: Date | null;
}

/**
 * Where web sessions live: the database, read through Redis when REDIS_URL is set. A store keeps records and
 * answers by id and by person; every rule (idle and absolute limits, whose session may be ended) is the
 * web-sessions service's.
 */
export interface SessionStore {
  create(session: StoredWebSession): Promise<void>;
  /** The session with this id, revoked or expired alike, or null when the store has none (or no longer has it). */
  find(id: string): Promise<StoredWebSession | null>;
  /** Moves lastSeenAt forward; a session revoked or gone meanwhile stays so. */
  touch(id: string, at: Date): Promise<void>;
  /** The person's sessions neither revoked nor past their absolute end at `now`, newest first. */
  activeOf(userId: string, now: Date): Promise<StoredWebSession[]>;
  /** Ends one of the person's sessions; false when `id` is not one of theirs or was already ended. */
  revoke(userId: string, id: string, at: Date): Promise<boolean>;
  /** Ends every session of the person but `exceptId`; how many it ended. */
  revokeAll(userId: string, at: Date, exceptId?: string): Promise<number>;
  /** Forgets the sessions past their absolute end before `now` (revoked or not); how many it removed. */
  prune(now: Date): Promise<number>;
}
