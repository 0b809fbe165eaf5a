import type { Redis } from "ioredis";
import type { SessionStore, StoredWebSession } from "../../ports/session-store.js";
import { KEY_PREFIX } from "./redis-connection.js";

const sessionKey = (id: string) => `${KEY_PREFIX}web-session:${id}`;
// The person's session ids scored by absolute end: listing and "log out everywhere" need no key scan.
const personKey = (userId: string) => `${KEY_PREFIX}web-sessions-of:${userId}`;

// Atomic so that a touch racing a revocation cannot write lastSeenAt into a hash the revocation deleted
// (which would leave a partial record behind) and so that revoking checks ownership and deletes as one step.
const touchScript = `
local seen = redis.call('HGET', KEYS[1], 'lastSeenAt')
if seen and tonumber(seen) < tonumber(ARGV[1]) then redis.call('HSET', KEYS[1], 'lastSeenAt', ARGV[1]) end
return 0`;
const revokeScript = `
if redis.call('HGET', KEYS[1], 'userId') ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[2])
return 1`;

function parse(id: string, hash: Record<string, string>): StoredWebSession | null {
  if (hash.userId === undefined) return null;
  const at = (field: string) => new Date(Number(hash[field] ?? 0));
  return {
    id,
    userId: hash.userId,
    createdAt: at("createdAt"),
    lastSeenAt: at("lastSeenAt"),
    expiresAt: at("expiresAt"),
    userAgent: hash.userAgent ?? "",
    ip: hash.ip ?? "",
    revokedAt: null,
  };
}

/**
 * Web sessions in Redis (REDIS_URL): one hash per session, expiring with its absolute end, and one sorted set
 * per person. A revoked session is deleted rather than marked — only the audit log remembers it — and
 * account deletion needs no cascade here: the web-sessions service refuses sessions of a person who is gone.
 */
export function redisSessionStore(redis: Redis): SessionStore {
  return {
    async create(session) {
      // Redis expires keys by its own time; the service judges by its clock. Relative lifetimes keep the two
      // consistent even under a test's hand-moved clock.
      const lifetimeMs = Math.max(1, session.expiresAt.getTime() - session.createdAt.getTime());
      await redis
        .multi()
        .hset(sessionKey(session.id), {
          userId: session.userId,
          createdAt: session.createdAt.getTime(),
          lastSeenAt: session.lastSeenAt.getTime(),
          expiresAt: session.expiresAt.getTime(),
          userAgent: session.userAgent,
          ip: session.ip,
        })
        .pexpire(sessionKey(session.id), lifetimeMs)
        .zremrangebyscore(personKey(session.userId), "-inf", session.createdAt.getTime())
        .zadd(personKey(session.userId), session.expiresAt.getTime(), session.id)
        .pexpire(personKey(session.userId), lifetimeMs)
        .exec();
    },

    async find(id) {
      return parse(id, await redis.hgetall(sessionKey(id)));
    },

    async touch(id, at) {
      await redis.eval(touchScript, 1, sessionKey(id), at.getTime());
    },

    async activeOf(userId, now) {
      const ids = await redis.zrangebyscore(personKey(userId), `(${now.getTime()}`, "+inf");
      const hashes = await Promise.all(ids.map((id) => redis.hgetall(sessionKey(id))));
      return ids
        .map((id, i) => parse(id, hashes[i] ?? {}))
        .filter((session): session is StoredWebSession => session !== null)
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id));
    },

    async revoke(userId, id) {
      return (await redis.eval(revokeScript, 2, sessionKey(id), personKey(userId), userId, id)) === 1;
    },

    // Redis expires each session's keys at its absolute end: nothing is left to remove.
    prune: () => Promise.resolve(0),

    async revokeAll(userId, _at, exceptId) {
      const ids = (await redis.zrange(personKey(userId), 0, -1)).filter((id) => id !== exceptId);
      if (ids.length === 0) return 0;
      const results = await redis
        .multi()
        .del(...ids.map(sessionKey))
        .zrem(personKey(userId), ...ids)
        .exec();
      const [deleted] = results ?? [];
      return typeof deleted?.[1] === "number" ? deleted[1] : 0;
    },
  };
}
