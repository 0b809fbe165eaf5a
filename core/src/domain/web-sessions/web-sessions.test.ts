import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConfigInput } from "../../config.js";
import {
  createTestCore,
  domainErrorOf,
  newPerson,
  testProviders,
  testRedisUrl,
  type TestCore,
} from "../../testing/index.js";
import { actorOf } from "../shared/actor.js";

const minutes = (n: number) => n * 60_000;
const browser = { userAgent: "Firefox/140", ip: "203.0.113.7" };

// Every rule runs on each database, read directly and, when TEST_REDIS_URL is set, read through the Redis cache.
const stores = testProviders().flatMap((provider) => {
  const redis = testRedisUrl();
  const variants: { label: string; provider: typeof provider; config: Partial<ConfigInput> }[] = [
    { label: `${provider}, sessions read from the database`, provider, config: {} },
  ];
  if (redis !== undefined)
    variants.push({ label: `${provider}, sessions cached in Redis`, provider, config: { REDIS_URL: redis } });
  return variants;
});

describe.each(stores)("web sessions ($label)", ({ provider, config }) => {
  let core: TestCore;
  beforeAll(async () => {
    core = await createTestCore(provider, {}, config);
  });
  afterAll(() => core.close());

  const sessions = () => core.services.webSessions;
  const auditOf = (userId: string) =>
    core.database.db.auditLog.findMany({
      where: { actorId: userId, action: { startsWith: "auth." } },
      select: { action: true, communityId: true, targetType: true, targetId: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });

  it("sign a person in with a token that resolves to them, storing only its hash", async () => {
    const ana = await newPerson(core, "ana");
    const { token, session } = await sessions().start(ana.userId, browser);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.id).not.toContain(token);
    expect(await sessions().resolve(token)).toEqual({ actor: actorOf(ana.userId), sessionId: session.id });
    expect(session).toMatchObject({
      current: true,
      userAgent: "Firefox/140",
      ip: "203.0.113.7",
      expiresAt: new Date(core.clock.now().getTime() + minutes(12 * 60)),
    });
  });

  it("refuse tokens that are unknown or not even shaped like one", async () => {
    expect(await sessions().resolve("x".repeat(43))).toBeNull();
    expect(await sessions().resolve("")).toBeNull();
    expect(await sessions().resolve("not a token; really")).toBeNull();
  });

  it("end after 30 minutes unused, yet last while used", async () => {
    const ben = await newPerson(core, "ben");
    const { token } = await sessions().start(ben.userId, browser);
    for (let i = 0; i < 4; i++) {
      core.clock.advance(minutes(20));
      expect(await sessions().resolve(token)).not.toBeNull();
    }
    core.clock.advance(minutes(31));
    expect(await sessions().resolve(token)).toBeNull();
    expect(await sessions().list(ben)).toEqual([]);
  });

  it("end 12 hours after sign-in however active", async () => {
    const cat = await newPerson(core, "cat");
    const { token } = await sessions().start(cat.userId, browser);
    for (let elapsed = 0; elapsed < 12 * 60 - 20; elapsed += 20) {
      core.clock.advance(minutes(20));
      expect(await sessions().resolve(token)).not.toBeNull();
    }
    core.clock.advance(minutes(20));
    expect(await sessions().resolve(token)).toBeNull();
  });

  it("forget sessions past their absolute end, and only those", async () => {
    const fay = await newPerson(core, "fay");
    const gus = await newPerson(core, "gus");
    const rowsOf = (userId: string) => core.database.db.webSession.count({ where: { userId } });
    const revoked = await sessions().start(fay.userId, browser);
    await sessions().start(fay.userId, browser);
    await sessions().logout(fay, revoked.session.id);
    core.clock.advance(minutes(12 * 60 + 1));
    const live = await sessions().start(gus.userId, browser);
    expect(await rowsOf(fay.userId)).toBe(2);
    expect(await sessions().prune()).toBeGreaterThanOrEqual(2);
    expect(await rowsOf(fay.userId)).toBe(0);
    expect(await rowsOf(gus.userId)).toBe(1);
    expect(await sessions().resolve(live.token)).toMatchObject({ actor: actorOf(gus.userId) });
  });

  it("rotate: the new token signs in, the old one no longer does", async () => {
    const dan = await newPerson(core, "dan");
    const old = await sessions().start(dan.userId, browser);
    const rotated = await sessions().rotate(old.token);
    expect(rotated.token).not.toBe(old.token);
    expect(await sessions().resolve(old.token)).toBeNull();
    expect(await sessions().resolve(rotated.token)).toMatchObject({ actor: actorOf(dan.userId) });
    expect(rotated.session).toMatchObject({ userAgent: "Firefox/140", ip: "203.0.113.7" });
    expect((await domainErrorOf(() => sessions().rotate(old.token))).code).toBe("WEB_SESSION.NOT_FOUND");
  });

  it("list my sessions newest first with the one asking flagged", async () => {
    const eve = await newPerson(core, "eve");
    const laptop = await sessions().start(eve.userId, { userAgent: "laptop", ip: "198.51.100.1" });
    core.clock.advance(1000);
    const phone = await sessions().start(eve.userId, { userAgent: "phone", ip: "198.51.100.2" });
    const listed = await sessions().list(eve, laptop.session.id);
    expect(listed.map((s) => [s.userAgent, s.current])).toEqual([
      ["phone", false],
      ["laptop", true],
    ]);
    expect(listed[0]?.id).toBe(phone.session.id);
  });

  it("let me end my own session, and answer not found for someone else's", async () => {
    const fay = await newPerson(core, "fay");
    const gus = await newPerson(core, "gus");
    const fays = await sessions().start(fay.userId, browser);
    const error = await domainErrorOf(() => sessions().revoke(gus, fays.session.id));
    expect(error).toMatchObject({ kind: "not_found", code: "WEB_SESSION.NOT_FOUND" });
    expect(await sessions().resolve(fays.token)).not.toBeNull();

    await sessions().revoke(fay, fays.session.id);
    expect(await sessions().resolve(fays.token)).toBeNull();
    expect((await domainErrorOf(() => sessions().revoke(fay, fays.session.id))).code).toBe("WEB_SESSION.NOT_FOUND");
  });

  it("log out everywhere, keeping the session asked to be kept", async () => {
    const hal = await newPerson(core, "hal");
    const other = await newPerson(core, "other");
    const here = await sessions().start(hal.userId, browser);
    const there = await sessions().start(hal.userId, browser);
    const elsewhere = await sessions().start(hal.userId, browser);
    const someoneElse = await sessions().start(other.userId, browser);
    expect(await sessions().revokeAll(hal, { except: here.session.id })).toBe(2);
    expect(await sessions().resolve(here.token)).not.toBeNull();
    expect(await sessions().resolve(there.token)).toBeNull();
    expect(await sessions().resolve(elsewhere.token)).toBeNull();
    expect(await sessions().resolve(someoneElse.token)).not.toBeNull();
    expect(await sessions().revokeAll(hal)).toBe(1);
    expect(await sessions().resolve(here.token)).toBeNull();
  });

  it("write every sign-in, sign-out and revocation to the audit log, outside any community", async () => {
    const ida = await newPerson(core, "ida");
    // A second between steps: ids made within one millisecond do not sort by creation, the clock does.
    const later = () => core.clock.advance(1_000);
    const first = await sessions().start(ida.userId, browser, "login_link");
    later();
    const second = await sessions().start(ida.userId, browser);
    later();
    await sessions().revoke(ida, second.session.id);
    later();
    await sessions().revokeAll(ida, { except: first.session.id });
    later();
    await sessions().logout(ida, first.session.id);
    const entries = await auditOf(ida.userId);
    expect(entries.map((e) => e.action)).toEqual([
      "auth.login",
      "auth.login",
      "auth.session_revoked",
      "auth.logout_everywhere",
      "auth.logout",
    ]);
    expect(entries.every((e) => e.communityId === null && e.targetType === "web_session")).toBe(true);
    expect(entries[2]?.targetId).toBe(second.session.id);
  });

  it("end the sessions of a deleted account", async () => {
    const jo = await newPerson(core, "jo");
    const { token } = await sessions().start(jo.userId, browser);
    await core.services.profiles.deleteAccount(jo, jo.handle);
    core.clock.advance(minutes(1));
    expect(await sessions().resolve(token)).toBeNull();
  });

  it("start no session for someone without an account", async () => {
    expect((await domainErrorOf(() => sessions().start("nobody", browser))).code).toBe("USER.NOT_FOUND");
  });
});
