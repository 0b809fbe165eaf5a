import { z } from "zod";
import { maxCacheTtlMs, type Cache } from "../../ports/cache.js";
import type { SessionStore, StoredWebSession } from "../../ports/session-store.js";

const storedSession: z.ZodType<StoredWebSession> = z.object({
  id: z.string(),
  userId: z.string(),
  createdAt: z.coerce.date(),
  lastSeenAt: z.coerce.date(),
  expiresAt: z.coerce.date(),
  userAgent: z.string(),
  ip: z.string(),
  revokedAt: z.coerce.date().nullable(),
});
const foundSession = storedSession.nullable();

const sessionKey = (id: string) => `web-session:${id}`;
const ownerKey = (id: string) => `web-session-owner:${id}`;
/** Every cached session of a person carries it: revoking all of them is one invalidation. */
const personTag = (userId: string) => `web-sessions-of:${userId}`;
/** One session's own tag: a touch replaces its lastSeenAt without dropping the person's other sessions. */
const sessionTag = (id: string) => `web-session:${id}`;

/**
 * How long a cached session is believed without asking the database. Invalidations keep it exact; this bounds
 * what one that could not reach Redis (a process cut off from it while the others are not) can cost. An active
 * session is touched, and so reloaded, once a minute anyway.
 */
const sessionTtlMs = 60_000;

/**
 * Web sessions in the database, read through the cache (Redis, shared by every web process): the database stays
 * the sessions' only record, so a Redis outage costs speed, never a sign-in. Every change writes the database
 * first and then invalidates, and a cached session is stamped with its tags' versions read before it was loaded:
 * a session revoked meanwhile is never served. An invalidation lost to an outage makes the cache drop everything
 * when Redis answers again (see redis-cache.ts).
 */
export function cachedSessionStore(database: SessionStore, cache: Cache): SessionStore {
  return {
    async create(session) {
      await database.create(session);
      await cache.set(ownerKey(session.id), session.userId, { ttlMs: maxCacheTtlMs });
    },

    // The cache key is the session id, but the tag that revokes it is its owner's: the owner (which never changes)
    // is cached on its own. When it is not known yet, the session is read from the database and not cached — its
    // tags' versions could only be read after loading it, too late to notice a revocation meanwhile.
    async find(id) {
      const owner = await cache.get(ownerKey(id), z.string());
      if (owner === undefined) {
        const session = await database.find(id);
        if (session !== null) await cache.set(ownerKey(id), session.userId, { ttlMs: maxCacheTtlMs });
        return session;
      }
      return cache.remember(
        { key: sessionKey(id), tags: [personTag(owner), sessionTag(id)], ttlMs: sessionTtlMs, schema: foundSession },
        () => database.find(id),
      );
    },

    // The web-sessions service touches a session at most once a minute (TOUCH_INTERVAL_MS), so each touch is
    // written: the cached lastSeenAt is then always the database's, and the idle limit is judged exactly as without
    // a cache.
    async touch(id, at) {
      await database.touch(id, at);
      await cache.invalidateTags([sessionTag(id)]);
    },

    activeOf: (userId, now) => database.activeOf(userId, now),

    async revoke(userId, id, at) {
      const ended = await database.revoke(userId, id, at);
      if (ended) await cache.invalidateTags([sessionTag(id)]);
      return ended;
    },

    // Invalidated even when nothing was left to end: a deleted account's rows left with it (the foreign key
    // cascades) while its sessions may still be cached.
    async revokeAll(userId, at, exceptId) {
      const ended = await database.revokeAll(userId, at, exceptId);
      await cache.invalidateTags([personTag(userId)]);
      return ended;
    },

    // Only sessions past their absolute end are removed: a cached copy of one signs no one in.
    prune: (now) => database.prune(now),
  };
}
