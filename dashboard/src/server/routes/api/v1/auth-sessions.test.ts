import { newPerson, testProviders } from "@skillswap/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type ApiHarness } from "../../../testing/api-harness.js";
import { Browser } from "../../../testing/browser.js";

const hours = (n: number) => n * 3_600_000;
let counter = 0;
const newEmail = () => `someone${++counter}-${Date.now()}@example.org`;
const password = "correct horse battery staple";

describe.each(testProviders())("my sessions and my password over HTTP (%s)", (provider) => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi(provider);
  });
  afterAll(() => api.close());

  /** One person signed in on several browsers with email and password. */
  async function personOn(count: number) {
    const email = newEmail();
    const first = new Browser(api.app);
    const signup = await first.send("POST", "/api/v1/auth/signup", { body: { email, password, displayName: "Dee" } });
    const browsers = [first];
    for (let i = 1; i < count; i++) {
      api.core.clock.advance(1000);
      const browser = new Browser(api.app);
      await browser.send("POST", "/api/v1/auth/login", {
        body: { email, password },
        headers: { "user-agent": `browser ${i}` },
      });
      browsers.push(browser);
    }
    return { email, browsers, userId: (signup.body as { id: string }).id };
  }
  const auditActions = async (userId: string) =>
    (
      await api.core.database.db.auditLog.findMany({
        where: { actorId: userId, action: { startsWith: "auth." } },
        select: { action: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      })
    ).map((entry) => entry.action);

  it("lists where I am signed in, newest first, this browser flagged", async () => {
    const { browsers } = await personOn(2);
    const [laptop] = browsers;
    const answer = await laptop?.send("GET", "/api/v1/auth/sessions");
    expect(answer?.status).toBe(200);
    expect(answer?.body).toEqual([
      expect.objectContaining({ current: false, userAgent: "browser 1", ip: "127.0.0.1" }),
      expect.objectContaining({ current: true, userAgent: "lightMyRequest" }),
    ]);
  });

  it("ends one of my other sessions, and answers 404 for someone else's", async () => {
    const me = await personOn(2);
    const someoneElse = await personOn(1);
    const [mine, other] = me.browsers;
    const sessions = (await other?.send("GET", "/api/v1/auth/sessions"))?.body as { id: string; current: boolean }[];
    const otherId = sessions.find((s) => s.current)?.id ?? "";

    const theirs = await someoneElse.browsers[0]?.write("DELETE", `/api/v1/auth/sessions/${otherId}`);
    expect(theirs?.status).toBe(404);
    expect(theirs?.body).toMatchObject({ error: { code: "WEB_SESSION.NOT_FOUND" } });
    expect((await other?.send("GET", "/api/v1/me"))?.status).toBe(200);

    expect((await mine?.write("DELETE", `/api/v1/auth/sessions/${otherId}`))?.status).toBe(204);
    expect((await other?.send("GET", "/api/v1/me"))?.status).toBe(401);
    expect((await mine?.send("GET", "/api/v1/me"))?.status).toBe(200);
    expect(await auditActions(me.userId)).toContain("auth.session_revoked");
  });

  it("logs out everywhere else, keeping this browser signed in", async () => {
    const { browsers, userId } = await personOn(3);
    const [here, ...elsewhere] = browsers;
    const answer = await here?.write("POST", "/api/v1/auth/sessions/revoke-all");
    expect(answer).toMatchObject({ status: 200, body: { ended: 2 } });
    for (const browser of elsewhere) expect((await browser.send("GET", "/api/v1/me")).status).toBe(401);
    expect((await here?.send("GET", "/api/v1/me"))?.status).toBe(200);
    expect(await auditActions(userId)).toContain("auth.logout_everywhere");
  });

  it("changing my password ends my other sessions and gives this one a new token", async () => {
    const { browsers, email } = await personOn(2);
    const [here, elsewhere] = browsers;
    const before = here?.token;
    const oldCsrf = await here?.csrfToken();
    const answer = await here?.write("POST", "/api/v1/auth/password/change", {
      currentPassword: password,
      newPassword: "a brand new passphrase",
    });
    expect(answer?.status).toBe(204);
    expect(here?.token).not.toBe(before);
    expect((await elsewhere?.send("GET", "/api/v1/me"))?.status).toBe(401);
    const stale = await here?.send("PATCH", "/api/v1/me", {
      body: { bio: "x" },
      headers: { "x-csrf-token": oldCsrf ?? "" },
    });
    expect(stale?.status).toBe(403);
    expect((await here?.write("PATCH", "/api/v1/me", { bio: "x" }))?.status).toBe(200);
    const login = await new Browser(api.app).send("POST", "/api/v1/auth/login", {
      body: { email, password: "a brand new passphrase" },
    });
    expect(login.status).toBe(200);
  });

  it("a reset through the mailed link ends every session and signs the resetting browser in", async () => {
    const { browsers, email, userId } = await personOn(2);
    const stranger = new Browser(api.app);
    expect((await stranger.send("POST", "/api/v1/auth/password/forgot", { body: { email } })).status).toBe(202);
    const token = await api.core.mail.linkToken(email, "/reset-password");
    const answer = await stranger.send("POST", "/api/v1/auth/password/reset", {
      body: { token, password: "another fine passphrase" },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: userId });
    for (const browser of browsers) expect((await browser.send("GET", "/api/v1/me")).status).toBe(401);
    expect((await stranger.send("GET", "/api/v1/me")).status).toBe(200);
    expect(await auditActions(userId)).toContain("auth.password_reset");
  });

  it("answers a reset request for an address nobody has exactly as for one somebody has", async () => {
    const answer = await new Browser(api.app).send("POST", "/api/v1/auth/password/forgot", {
      body: { email: newEmail() },
    });
    expect(answer).toMatchObject({ status: 202, body: undefined });
  });

  it("confirms my email with the mailed link, signed in or not", async () => {
    const { email, browsers } = await personOn(1);
    expect((await browsers[0]?.write("POST", "/api/v1/auth/verification/resend"))?.status).toBe(202);
    const token = await api.core.mail.linkToken(email, "/verify-email");
    const answer = await new Browser(api.app).send("POST", "/api/v1/auth/verify-email", { body: { token } });
    expect(answer.status).toBe(204);
    const again = await browsers[0]?.write("POST", "/api/v1/auth/verification/resend");
    expect(again?.body).toMatchObject({ error: { code: "ACCOUNT.EMAIL_ALREADY_VERIFIED" } });
  });

  it("lists the accounts linked to mine, without their platform ids", async () => {
    const ana = await newPerson(api.core, "Ana");
    const answer = await (await api.as(ana)).get("/api/v1/auth/identities");
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([
      { provider: "discord", username: expect.stringMatching(/^Ana/), linkedAt: expect.any(String) },
    ]);
  });

  describe("unlinking an account", () => {
    /** Someone signed in with email and password who linked Discord too. */
    async function emailPersonWithDiscord() {
      const person = await personOn(1);
      await api.core.services.accounts.linkIdentity(
        { userId: person.userId },
        { provider: "discord", subject: `d-${person.userId}`, username: "dee#1", displayName: "Dee" },
      );
      return person;
    }
    const providersOf = async (browser: Browser | undefined) =>
      ((await browser?.send("GET", "/api/v1/auth/identities"))?.body as { provider: string }[]).map((i) => i.provider);

    it("unlinks Discord while my password still signs me in", async () => {
      const [browser] = (await emailPersonWithDiscord()).browsers;
      expect(await providersOf(browser)).toEqual(["email", "discord"]);
      const answer = await browser?.write("DELETE", "/api/v1/auth/identities/discord");
      expect(answer?.status).toBe(204);
      expect(await providersOf(browser)).toEqual(["email"]);
    });

    it("refuses to unlink my last way to sign in, in a sentence saying what to do first", async () => {
      const [browser] = (await personOn(1)).browsers;
      const answer = await browser?.write("DELETE", "/api/v1/auth/identities/email");
      expect(answer?.status).toBe(409);
      expect(answer?.body).toEqual({
        error: {
          code: "ACCOUNT.LAST_SIGN_IN",
          message: "You could no longer sign in without Email. Link Discord or Google first, then unlink Email.",
        },
      });
      expect(await providersOf(browser)).toEqual(["email"]);
    });

    it("touches only my own accounts: a provider I have not linked answers 404", async () => {
      const mine = await personOn(1);
      const theirs = await emailPersonWithDiscord();
      const answer = await mine.browsers[0]?.write("DELETE", "/api/v1/auth/identities/discord");
      expect(answer?.status).toBe(404);
      expect(answer?.body).toMatchObject({ error: { code: "ACCOUNT.IDENTITY_NOT_LINKED" } });
      expect(await providersOf(theirs.browsers[0])).toEqual(["email", "discord"]);
    });

    it("refuses an unknown provider, and a write without the CSRF token", async () => {
      const [browser] = (await emailPersonWithDiscord()).browsers;
      const unknown = await browser?.write("DELETE", "/api/v1/auth/identities/github");
      expect(unknown?.status).toBe(400);
      const forged = await browser?.send("DELETE", "/api/v1/auth/identities/discord");
      expect(forged?.status).toBe(403);
      expect(await providersOf(browser)).toEqual(["email", "discord"]);
    });
  });
});

describe("the API harness's signed-in people", () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it("write with their CSRF token and stay signed in while the test moves time by days", async () => {
    const ana = await api.as(await newPerson(api.core, "Ana"));
    expect((await ana.patch("/api/v1/me", { bio: "one" })).status).toBe(200);
    api.core.clock.advance(hours(50));
    expect((await ana.patch("/api/v1/me", { bio: "two" })).status).toBe(200);
  });

  it("are signed out for good once they log out", async () => {
    const ben = await api.as(await newPerson(api.core, "Ben"));
    expect((await ben.post("/api/v1/auth/logout")).status).toBe(204);
    expect((await ben.get("/api/v1/me")).status).toBe(401);
  });
});
