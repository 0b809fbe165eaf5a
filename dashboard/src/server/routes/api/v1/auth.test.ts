import { testProviders } from "@skillswap/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type ApiHarness } from "../../../testing/api-harness.js";
import { Browser } from "../../../testing/browser.js";

const minutes = (n: number) => n * 60_000;
let counter = 0;
const newEmail = () => `person${++counter}-${Date.now()}@example.org`;
const password = "correct horse battery staple";

describe.each(testProviders())("signing up, in and out over HTTP (%s)", (provider) => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi(provider);
  });
  afterAll(() => api.close());

  const auditOf = (userId: string) =>
    api.core.database.db.auditLog.findMany({
      where: { actorId: userId, action: { startsWith: "auth." } },
      select: { action: true, communityId: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });

  async function signedUp(browser = new Browser(api.app)) {
    const email = newEmail();
    const answer = await browser.send("POST", "/api/v1/auth/signup", {
      body: { email, password, displayName: "Ana" },
    });
    expect(answer.status).toBe(201);
    return { browser, email, me: answer.body as { id: string; handle: string } };
  }

  it("signs a new account up and in at once", async () => {
    const { browser, email, me } = await signedUp();
    expect(me).toMatchObject({ displayName: "Ana", email });
    expect(me).not.toHaveProperty("bio");
    expect(browser.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await browser.send("GET", "/api/v1/me")).body).toMatchObject({ id: me.id, email });
    expect(await auditOf(me.id)).toEqual([{ action: "auth.login", communityId: null }]);
  });

  it("logs in with email and password, replacing the session the browser had", async () => {
    const { browser, email, me } = await signedUp();
    const before = browser.token;
    const answer = await browser.send("POST", "/api/v1/auth/login", { body: { email, password } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: me.id, displayName: "Ana" });
    expect(browser.token).not.toBe(before);
    const stale = new Browser(api.app);
    stale.token = before;
    expect((await stale.send("GET", "/api/v1/me")).status).toBe(401);
    expect((await auditOf(me.id)).map((e) => e.action)).toEqual(["auth.login", "auth.login", "auth.logout"]);
  });

  it("answers a wrong password and an unknown email with the same 403", async () => {
    const { email } = await signedUp();
    const wrong = await new Browser(api.app).send("POST", "/api/v1/auth/login", { body: { email, password: "nope" } });
    const unknown = await new Browser(api.app).send("POST", "/api/v1/auth/login", {
      body: { email: newEmail(), password },
    });
    expect(wrong.status).toBe(403);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body).toMatchObject({ error: { code: "ACCOUNT.BAD_CREDENTIALS" } });
  });

  it("logs out: the cookie is cleared and the session no longer signs anyone in", async () => {
    const { browser, me } = await signedUp();
    const token = browser.token;
    const answer = await browser.write("POST", "/api/v1/auth/logout");
    expect(answer.status).toBe(204);
    expect(browser.token).toBe("");
    const replay = new Browser(api.app);
    replay.token = token;
    expect((await replay.send("GET", "/api/v1/me")).status).toBe(401);
    expect((await auditOf(me.id)).map((e) => e.action)).toEqual(["auth.login", "auth.logout"]);
  });

  it("signs a browser out after 30 minutes unused, and asks it to drop the cookie", async () => {
    const { browser } = await signedUp();
    api.core.clock.advance(minutes(29));
    expect((await browser.send("GET", "/api/v1/me")).status).toBe(200);
    api.core.clock.advance(minutes(31));
    const answer = await browser.send("GET", "/api/v1/me");
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ error: { code: "AUTH.REQUIRED", message: "Sign in first." } });
    expect(browser.token).toBe("");
  });

  it("asks a visitor to sign in before listing sessions or handing a CSRF token", async () => {
    for (const url of ["/api/v1/auth/sessions", "/api/v1/auth/csrf", "/api/v1/auth/identities"]) {
      expect((await api.visitor.get(url)).status).toBe(401);
    }
    expect((await api.visitor.post("/api/v1/auth/logout")).status).toBe(401);
  });
});

describe("CSRF protection of the API", () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi("sqlite", {}, { PUBLIC_URL: "https://skillswap.example.org" });
  });
  afterAll(() => api.close());

  async function signedIn() {
    const browser = new Browser(api.app);
    const email = newEmail();
    await browser.send("POST", "/api/v1/auth/signup", { body: { email, password, displayName: "Cleo" } });
    return { browser, email };
  }

  it("refuses a signed-in write without the session's token, and changes nothing", async () => {
    const { browser } = await signedIn();
    const bare = await browser.send("PATCH", "/api/v1/me", { body: { bio: "forged" } });
    expect(bare.status).toBe(403);
    expect(bare.body).toEqual({
      error: { code: "AUTH.CSRF", message: "Send the token from GET /api/v1/auth/csrf in the x-csrf-token header." },
    });
    const wrong = await browser.send("PATCH", "/api/v1/me", {
      body: { bio: "forged" },
      headers: { "x-csrf-token": "x" },
    });
    expect(wrong.status).toBe(403);
    expect((await browser.send("GET", "/api/v1/me")).body).toMatchObject({ bio: "" });
    expect((await browser.write("PATCH", "/api/v1/me", { bio: "mine" })).status).toBe(200);
  });

  it("refuses another session's token", async () => {
    const { browser } = await signedIn();
    const other = await signedIn();
    const answer = await browser.send("PATCH", "/api/v1/me", {
      body: { bio: "x" },
      headers: { "x-csrf-token": await other.browser.csrfToken() },
    });
    expect(answer.status).toBe(403);
  });

  it("lets the sign-in forms post without a token, from our own pages only (no login CSRF)", async () => {
    const { email } = await signedIn();
    const login = (headers: Record<string, string>) =>
      new Browser(api.app).send("POST", "/api/v1/auth/login", { body: { email, password }, headers });
    expect((await login({ origin: "https://skillswap.example.org" })).status).toBe(200);
    expect((await login({ "sec-fetch-site": "same-origin" })).status).toBe(200);
    expect((await login({})).status).toBe(200);
    const foreign = await login({ origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toMatchObject({ error: { code: "AUTH.CSRF" } });
    expect((await login({ "sec-fetch-site": "cross-site" })).status).toBe(403);
    const signup = await new Browser(api.app).send("POST", "/api/v1/auth/signup", {
      body: { email: newEmail(), password, displayName: "Mallory's victim" },
      headers: { origin: "https://evil.example" },
    });
    expect(signup.status).toBe(403);
  });
});

describe("limits on guessing", () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi("sqlite", {
      attemptLimits: { perIp: { max: 3, windowMs: minutes(15) }, perEmail: { max: 2, windowMs: minutes(15) } },
    });
  });
  afterAll(() => api.close());

  const login = (email: string, ip: string) =>
    new Browser(api.app).send("POST", "/api/v1/auth/login", { body: { email, password: "wrong guess" }, ip });

  it("refuses a fourth attempt from one address within 15 minutes, saying when to come back", async () => {
    for (let i = 0; i < 3; i++) expect((await login(newEmail(), "198.51.100.1")).status).toBe(403);
    const refused = await login(newEmail(), "198.51.100.1");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(refused.headers["retry-after"])).toBeLessThanOrEqual(15 * 60);
    expect(refused.body).toEqual({
      error: { code: "RATE_LIMIT.EXCEEDED", message: "Too many attempts. Try again in 15 min." },
    });
    expect((await login(newEmail(), "198.51.100.2")).status).toBe(403);
  });

  it("refuses a third attempt on one email, from whichever addresses", async () => {
    const email = newEmail();
    expect((await login(email, "203.0.113.1")).status).toBe(403);
    expect((await login(email, "203.0.113.2")).status).toBe(403);
    expect((await login(email.toUpperCase(), "203.0.113.3")).status).toBe(429);
  });

  it("limits password reset requests the same way, still without saying whether the account exists", async () => {
    const email = newEmail();
    const forgot = (ip: string) =>
      new Browser(api.app).send("POST", "/api/v1/auth/password/forgot", { body: { email }, ip });
    expect((await forgot("192.0.2.1")).status).toBe(202);
    expect((await forgot("192.0.2.2")).status).toBe(202);
    expect((await forgot("192.0.2.3")).status).toBe(429);
  });
});
