import { seedDemo } from "@skillswap/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type ApiHarness } from "../../../testing/api-harness.js";
import { Browser } from "../../../testing/browser.js";

const ours = { origin: "http://localhost:3000" };
const tryAs = (browser: Browser, handle: string, headers: Record<string, string> = ours) =>
  browser.send("POST", `/api/v1/auth/demo-people/${handle}/sign-in`, { headers });

describe("trying SkillSwap as a demo person, while the demo data is on", () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi("sqlite", {}, { PUBLIC_URL: "http://localhost:3000" });
    await seedDemo(api.core);
  });
  afterAll(() => api.close());

  it("lists the demo people for the landing page, signed out", async () => {
    const answer = await api.visitor.get("/api/v1/auth/demo-people");
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      people: [
        { handle: "maria-lopez", displayName: "María López", teaches: ["Guitar", "Spanish"] },
        { handle: "theo-martin" },
        { handle: "sam-okafor" },
      ],
    });
  });

  it("signs a visitor in as María in one click, and the session says so", async () => {
    const browser = new Browser(api.app);
    const answer = await tryAs(browser, "maria-lopez");
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ handle: "maria-lopez", displayName: "María López" });
    const status = await browser.send("GET", "/api/v1/auth/session");
    expect(status.body).toMatchObject({ signedIn: true, person: { handle: "maria-lopez" } });
    expect((await browser.send("GET", "/api/v1/me")).body).toMatchObject({ handle: "maria-lopez" });
  });

  it("starts a new session like a login, ending the one the browser had", async () => {
    const browser = new Browser(api.app);
    await tryAs(browser, "maria-lopez");
    const before = browser.token;
    await tryAs(browser, "theo-martin");
    expect(browser.token).not.toBe(before);
    const planted = new Browser(api.app);
    planted.token = before;
    expect((await planted.send("GET", "/api/v1/auth/session")).body).toMatchObject({ signedIn: false });
    const audit = await api.core.database.db.auditLog.findFirst({
      where: { actorId: "demo-user-242", action: "auth.login" },
      select: { data: true },
    });
    expect(JSON.parse(audit?.data ?? "{}")).toMatchObject({ via: "demo" });
  });

  it("refuses anyone who is not one of the demo people, a generated demo person included", async () => {
    const generated = await api.core.services.profiles.me({ userId: "demo-user-001" });
    for (const handle of [generated.handle, "nobody-here"]) {
      const answer = await tryAs(new Browser(api.app), handle);
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ error: { code: "DEMO.NOT_A_DEMO_PERSON" } });
    }
  });

  it("refuses a sign-in sent from another site's page (login CSRF)", async () => {
    const browser = new Browser(api.app);
    const foreign = await tryAs(browser, "maria-lopez", { origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toMatchObject({ error: { code: "AUTH.CSRF" } });
    expect((await tryAs(browser, "maria-lopez", { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect(browser.token).toBe("");
  });
});

describe("trying SkillSwap as a demo person, while the demo data is off", () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi("sqlite", {}, { PUBLIC_URL: "http://localhost:3000", SKILLSWAP_DEMO_DATA: "false" });
    // Rows seeded before the switch was turned off must not open the door either.
    await seedDemo(api.core);
  });
  afterAll(() => api.close());

  it("lists nobody to try", async () => {
    const answer = await api.visitor.get("/api/v1/auth/demo-people");
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ people: [] });
  });

  it("has no sign-in route at all", async () => {
    const browser = new Browser(api.app);
    const answer = await tryAs(browser, "maria-lopez");
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ error: { code: "REQUEST.NOT_FOUND" } });
    expect(browser.token).toBe("");
  });
});

describe("asking whether this browser is signed in", () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it("answers 200 to a visitor, so a signed-out page load logs no failed request", async () => {
    const answer = await api.visitor.get("/api/v1/auth/session");
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ signedIn: false, person: null, csrfToken: null });
    expect(answer.headers["cache-control"]).toBe("no-store");
  });

  it("names the person and gives the session's CSRF token once signed in", async () => {
    const browser = new Browser(api.app);
    const email = `dee-${Date.now()}@example.org`;
    await browser.send("POST", "/api/v1/auth/signup", {
      body: { email, password: "correct horse battery staple", displayName: "Dee" },
    });
    const answer = await browser.send("GET", "/api/v1/auth/session");
    expect(answer.body).toMatchObject({ signedIn: true, person: { displayName: "Dee", email } });
    expect((answer.body as { csrfToken: string }).csrfToken).toBe(await browser.csrfToken());
  });
});
