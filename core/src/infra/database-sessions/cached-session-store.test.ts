import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { createCore, type CoreInternals } from "../../app.js";
import { loadConfig } from "../../config.js";
import { createTestCore, newPerson, testProviders, testRedisUrl, type TestCore } from "../../testing/index.js";
import { closedPort, RedisRelay } from "../../testing/redis-relay.js";

const browser = { userAgent: "Firefox/140", ip: "203.0.113.7" };
const minutes = (n: number) => n * 60_000;
const redisUrl = testRedisUrl();

/** Another web process: the same database and the same Redis, a cache connection and a memory of its own. */
function otherProcessOn(core: TestCore, redis: string): Promise<CoreInternals> {
  const config = loadConfig(
    { DATABASE_URL: core.database.url, REDIS_URL: redis, UPLOADS_DIR: core.config.UPLOADS_DIR },
    {},
  );
  return createCore(config, { clock: core.clock, prepare: false, log: () => undefined });
}

/** Waits for the process's cache connection: until then every read goes to the database. */
async function untilCacheAnswers(core: CoreInternals): Promise<void> {
  await vi.waitFor(async () => {
    await core.deps.cache.set("connected", true, { ttlMs: 1_000 });
    expect(await core.deps.cache.get("connected", z.boolean())).toBe(true);
  });
}

/** The session row marked revoked behind the store's back: only a read of the database can notice. */
const revokeBehindTheCache = (core: TestCore, sessionId: string) =>
  core.database.db.webSession.update({ where: { id: sessionId }, data: { revokedAt: core.clock.now() } });

describe.each(testProviders())("web sessions with Redis unreachable (%s)", (provider) => {
  let core: TestCore | undefined;
  afterEach(async () => {
    await core?.close();
    core = undefined;
  });

  it("sign in, stay signed in, sign out and revoke from the database, with no error", async () => {
    const lines: string[] = [];
    core = await createTestCore(
      provider,
      { log: (line) => lines.push(line) },
      {
        REDIS_URL: `redis://127.0.0.1:${await closedPort()}`,
      },
    );
    const sessions = core.services.webSessions;
    const ana = await newPerson(core, "ana");
    const laptop = await sessions.start(ana.userId, browser);
    const phone = await sessions.start(ana.userId, browser);
    const tablet = await sessions.start(ana.userId, browser);

    expect((await sessions.list(ana, laptop.session.id)).map((s) => s.id).sort()).toEqual(
      [laptop.session.id, phone.session.id, tablet.session.id].sort(),
    );
    expect(await sessions.resolve(phone.token)).not.toBeNull();
    await sessions.revoke(ana, phone.session.id);
    expect(await sessions.resolve(phone.token)).toBeNull();
    expect(await sessions.revokeAll(ana, { except: laptop.session.id })).toBe(1);
    expect(await sessions.resolve(tablet.token)).toBeNull();

    // Used every 20 minutes for an hour: each touch is written to the database, so the session never goes idle.
    for (let i = 0; i < 3; i++) {
      core.clock.advance(minutes(20));
      expect(await sessions.resolve(laptop.token)).toEqual({
        actor: { userId: ana.userId },
        sessionId: laptop.session.id,
      });
    }
    await sessions.logout(ana, laptop.session.id);
    expect(await sessions.resolve(laptop.token)).toBeNull();
    // Reported once, not once per request that fell back.
    await vi.waitFor(() =>
      expect(lines.filter((line) => line.startsWith("cache:"))).toEqual([
        expect.stringMatching(/^cache: Redis is not answering/),
      ]),
    );
  });
});

describe.skipIf(redisUrl === undefined).each(testProviders())("web sessions cached in Redis (%s)", (provider) => {
  const redis = redisUrl ?? "";
  const opened: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    for (const each of opened.splice(0).reverse()) await each.close();
  });
  const open = async <T extends { close(): Promise<void> }>(made: Promise<T>): Promise<T> => {
    const core = await made;
    opened.push(core);
    return core;
  };

  it("answers a signed-in request from the cache, and a revocation at once", async () => {
    const core = await open(createTestCore(provider, {}, { REDIS_URL: redis }));
    const sessions = core.services.webSessions;
    const ana = await newPerson(core, "ana");
    await untilCacheAnswers(core);
    const { token, session } = await sessions.start(ana.userId, browser);
    expect(await sessions.resolve(token)).toEqual({ actor: { userId: ana.userId }, sessionId: session.id });
    await revokeBehindTheCache(core, session.id);
    // Still signed in: the database was not asked.
    expect(await sessions.resolve(token)).toEqual({ actor: { userId: ana.userId }, sessionId: session.id });

    await sessions.revokeAll(ana);
    expect(await sessions.resolve(token)).toBeNull();
  });

  it("ends every session of a person in every web process at once", async () => {
    const core = await open(createTestCore(provider, {}, { REDIS_URL: redis }));
    const other = await open(otherProcessOn(core, redis));
    await Promise.all([untilCacheAnswers(core), untilCacheAnswers(other)]);
    const ana = await newPerson(core, "ana");
    const bea = await newPerson(core, "bea");
    const laptop = await core.services.webSessions.start(ana.userId, browser);
    const phone = await core.services.webSessions.start(ana.userId, browser);
    const beas = await core.services.webSessions.start(bea.userId, browser);
    for (const { token } of [laptop, phone, beas]) {
      expect(await other.services.webSessions.resolve(token)).not.toBeNull();
    }

    expect(await core.services.webSessions.revokeAll(ana)).toBe(2);
    expect(await other.services.webSessions.resolve(laptop.token)).toBeNull();
    expect(await other.services.webSessions.resolve(phone.token)).toBeNull();
    expect(await other.services.webSessions.resolve(beas.token)).toMatchObject({ actor: { userId: bea.userId } });
  });

  it("ends a deleted account's sessions in every web process at once", async () => {
    const core = await open(createTestCore(provider, {}, { REDIS_URL: redis }));
    const other = await open(otherProcessOn(core, redis));
    await Promise.all([untilCacheAnswers(core), untilCacheAnswers(other)]);
    const jo = await newPerson(core, "jo");
    const { token } = await core.services.webSessions.start(jo.userId, browser);
    expect(await other.services.webSessions.resolve(token)).not.toBeNull();

    await core.services.profiles.deleteAccount(jo, jo.handle);
    expect(await other.services.webSessions.resolve(token)).toBeNull();
  });

  it("keeps idle sessions ending 30 minutes after their last use", async () => {
    const core = await open(createTestCore(provider, {}, { REDIS_URL: redis }));
    const other = await open(otherProcessOn(core, redis));
    await Promise.all([untilCacheAnswers(core), untilCacheAnswers(other)]);
    const ana = await newPerson(core, "ana");
    const { token } = await core.services.webSessions.start(ana.userId, browser);
    // Used in turn by two processes: each sees the other's last use (a stale one would look 49 minutes old).
    core.clock.advance(minutes(20));
    expect(await core.services.webSessions.resolve(token)).not.toBeNull();
    core.clock.advance(minutes(20));
    expect(await other.services.webSessions.resolve(token)).not.toBeNull();
    core.clock.advance(minutes(29));
    expect(await core.services.webSessions.resolve(token)).not.toBeNull();
    core.clock.advance(minutes(29));
    expect(await other.services.webSessions.resolve(token)).not.toBeNull();
    core.clock.advance(minutes(30));
    expect(await core.services.webSessions.resolve(token)).toBeNull();
    expect(await other.services.webSessions.resolve(token)).toBeNull();
  });

  it("never serves a session revoked while Redis was unreachable, once Redis is back", async () => {
    const relay = new RedisRelay(new URL(redis));
    opened.push({ close: () => relay.cut() });
    await relay.open();
    // This process reaches Redis through the relay; the other one directly, and keeps reaching it.
    const core = await open(
      createTestCore(provider, { log: () => undefined }, { REDIS_URL: `redis://127.0.0.1:${relay.port}` }),
    );
    const other = await open(otherProcessOn(core, redis));
    const ana = await newPerson(core, "ana");
    await Promise.all([untilCacheAnswers(core), untilCacheAnswers(other)]);
    const { token, session } = await core.services.webSessions.start(ana.userId, browser);
    expect(await core.services.webSessions.resolve(token)).not.toBeNull();
    // Cached now: a change made behind the cache's back goes unnoticed (and is undone).
    await revokeBehindTheCache(core, session.id);
    expect(await other.services.webSessions.resolve(token)).not.toBeNull();
    await core.database.db.webSession.update({ where: { id: session.id }, data: { revokedAt: null } });

    await relay.cut();
    await core.services.webSessions.revoke(ana, session.id);
    expect(await core.services.webSessions.resolve(token)).toBeNull();

    await relay.open();
    // The process that could not invalidate drops the whole cache as soon as it reconnects, before anyone asks it.
    await vi.waitFor(
      async () => {
        expect(await other.services.webSessions.resolve(token)).toBeNull();
      },
      { timeout: 10_000, interval: 100 },
    );
    expect(await core.services.webSessions.resolve(token)).toBeNull();
  });
});
