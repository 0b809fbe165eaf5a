import { createTestCore, newPerson, type TestCore } from "@skillswap/core/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";

const refusal = "This login link has expired or was already used. Ask the bot for a new one with /skillswap login.";

describe("following a login link from Discord", () => {
  let core: TestCore;
  let app: FastifyInstance;
  let url: string;

  const open = (query: string) => fetch(`${url}/login/link${query}`, { redirect: "manual" });

  beforeAll(async () => {
    core = await createTestCore("sqlite");
    app = await buildApp(core);
    url = await app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await app.close();
    await core.close();
  });

  it("signs the person in with a session cookie scripts cannot read, and sends them to the dashboard", async () => {
    const ada = await newPerson(core, "ada");
    const { token } = await core.services.accounts.issueLoginLink(ada);
    const response = await open(`?token=${token}`);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/");
    const [cookie = ""] = response.headers.getSetCookie();
    // On http://localhost the cookie cannot be Secure, so it cannot carry the __Host- prefix either.
    expect(cookie).toMatch(/^skillswap=[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Lax$/);
    const value = cookie.split(";")[0]?.split("=")[1] ?? "";
    expect(await core.services.webSessions.resolve(value)).toMatchObject({ actor: { userId: ada.userId } });
  });

  it("ends the session the browser had before, whoever it was", async () => {
    const [ann, bob] = [await newPerson(core, "ann"), await newPerson(core, "bob")];
    const first = await open(`?token=${(await core.services.accounts.issueLoginLink(ann)).token}`);
    const before = first.headers.getSetCookie()[0]?.split(";")[0] ?? "";
    const second = await fetch(`${url}/login/link?token=${(await core.services.accounts.issueLoginLink(bob)).token}`, {
      redirect: "manual",
      headers: { cookie: before },
    });
    const after = second.headers.getSetCookie()[0]?.split(";")[0] ?? "";
    expect(after).not.toBe(before);
    expect(await core.services.webSessions.resolve(before.split("=")[1] ?? "")).toBeNull();
    expect(await core.services.webSessions.resolve(after.split("=")[1] ?? "")).toMatchObject({
      actor: { userId: bob.userId },
    });
  });

  it("lands on a page saying who is signed in, and how to sign in to anyone else", async () => {
    const eve = await newPerson(core, "Eve <b>");
    const { token } = await core.services.accounts.issueLoginLink(eve);
    const [cookie] = (await open(`?token=${token}`)).headers.getSetCookie();
    const home = (headers: Record<string, string>) => fetch(`${url}/`, { headers }).then((r) => r.text());

    const signedIn = await home({ cookie: cookie?.split(";")[0] ?? "" });
    expect(signedIn).toContain(`You are signed in as Eve &#60;b&#62; (@${eve.handle}).`);
    expect(signedIn).toContain("everything works from Discord");
    const signedOut = "To sign in, run /skillswap login in Discord";
    expect(await home({})).toContain(signedOut);
    // The old interim cookie held the user id: that now names no session.
    expect(await home({ cookie: `skillswap=${eve.userId}` })).toContain(signedOut);
  });

  it("refuses the same link a second time with a page saying what to do", async () => {
    const ben = await newPerson(core, "ben");
    const { token } = await core.services.accounts.issueLoginLink(ben);
    await open(`?token=${token}`);
    const again = await open(`?token=${token}`);
    expect(again.status).toBe(400);
    expect(again.headers.get("content-type")).toMatch(/^text\/html/);
    expect(again.headers.getSetCookie()).toEqual([]);
    expect(await again.text()).toContain(refusal);
  });

  it("refuses a link older than 15 minutes", async () => {
    const cat = await newPerson(core, "cat");
    const { token } = await core.services.accounts.issueLoginLink(cat);
    core.clock.advance(15 * 60 * 1000);
    const response = await open(`?token=${token}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(refusal);
  });

  it("refuses a link with no token or a made-up one the same way", async () => {
    for (const query of ["", "?token=", "?token=<script>alert(1)</script>"]) {
      const response = await open(query);
      expect(response.status).toBe(400);
      const page = await response.text();
      expect(page).toContain(refusal);
      expect(page).not.toContain("<script>");
    }
  });

  it("keeps the token out of caches and referrers", async () => {
    const response = await open("?token=whatever");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
  });
});

describe("the session cookie of a site served over https", () => {
  let core: TestCore;
  let app: FastifyInstance;
  let url: string;

  beforeAll(async () => {
    core = await createTestCore("sqlite", {}, { PUBLIC_URL: "https://skillswap.example.org" });
    app = await buildApp(core);
    url = await app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await app.close();
    await core.close();
  });

  it("is __Host-skillswap: Secure, HttpOnly, SameSite=Lax, Path=/ and no Domain, holding only the token", async () => {
    const ada = await newPerson(core, "ada");
    const { token } = await core.services.accounts.issueLoginLink(ada);
    const response = await fetch(`${url}/login/link?token=${token}`, { redirect: "manual" });
    const [cookie = ""] = response.headers.getSetCookie();
    expect(cookie).toMatch(
      /^__Host-skillswap=[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    );
    expect(cookie).not.toContain(ada.userId);
    expect(cookie.toLowerCase()).not.toContain("domain=");
  });
});
