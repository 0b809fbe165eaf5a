import { newPerson, testProviders } from "@skillswap/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type ApiHarness } from "../testing/api-harness.js";
import { FakeOAuthProvider } from "../testing/fake-oauth.js";

const publicUrl = "http://localhost:3000";
const discordAppId = "123456789012345678";

/** The first cookie pair of each Set-Cookie, as a browser would send them back. */
function cookiesOf(setCookie: string | string[] | number | undefined): string[] {
  return [setCookie ?? []]
    .flat()
    .map(String)
    .map((cookie) => cookie.split(";")[0] ?? "");
}

describe.each(testProviders())("signing in with Discord and Google (%s)", (database) => {
  let api: ApiHarness;
  let discord: FakeOAuthProvider;
  let google: FakeOAuthProvider;

  beforeAll(async () => {
    discord = await new FakeOAuthProvider(discordAppId, "discord-secret", `${publicUrl}/auth/discord/callback`).start();
    google = await new FakeOAuthProvider("google-client", "google-secret", `${publicUrl}/auth/google/callback`).start();
    api = await startApi(
      database,
      {},
      {
        PUBLIC_URL: publicUrl,
        DISCORD_APPLICATION_ID: discordAppId,
        DISCORD_CLIENT_SECRET: "discord-secret",
        DISCORD_OAUTH_AUTHORIZE_URL: `${discord.url}/authorize`,
        DISCORD_OAUTH_TOKEN_URL: `${discord.url}/token`,
        DISCORD_API_URL: discord.url,
        GOOGLE_CLIENT_ID: "google-client",
        GOOGLE_CLIENT_SECRET: "google-secret",
        GOOGLE_OAUTH_AUTHORIZE_URL: `${google.url}/authorize`,
        GOOGLE_OAUTH_TOKEN_URL: `${google.url}/token`,
        GOOGLE_OAUTH_USERINFO_URL: `${google.url}/userinfo`,
      },
    );
  });
  afterAll(async () => {
    await api.close();
    await discord.stop();
    await google.stop();
  });

  /**
   * A browser's round trip: leave for the provider (with whatever session cookie it holds), let the provider
   * send it back, and follow the callback with the cookies it was given. Returns the callback's answer and
   * what a replay would need.
   */
  async function roundTrip(provider: "discord" | "google", cookies: string[] = []) {
    const start = await api.app.inject({
      method: "GET",
      url: `/auth/${provider}`,
      headers: { cookie: cookies.join("; ") },
    });
    expect(start.statusCode).toBe(302);
    const atProvider = await fetch(String(start.headers.location), { redirect: "manual" });
    const callback = new URL(atProvider.headers.get("location") ?? "");
    const flowCookies = [...cookies, ...cookiesOf(start.headers["set-cookie"])];
    const back = await api.app.inject({
      method: "GET",
      url: `${callback.pathname}${callback.search}`,
      headers: { cookie: flowCookies.join("; ") },
    });
    return { start, callback, flowCookies, back };
  }

  const meWith = (cookies: string[]) =>
    api.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie: cookies.join("; ") } });

  it("offers the configured providers to the sign-in page", async () => {
    expect((await api.visitor.get("/api/v1/auth/providers")).body).toEqual({
      providers: [
        { id: "discord", startUrl: "/auth/discord" },
        { id: "google", startUrl: "/auth/google" },
      ],
    });
  });

  it("signs a new person in with Discord, with state and a PKCE challenge, and the same account next time", async () => {
    discord.signedIn = {
      id: "80351110224678912",
      username: "nelly",
      global_name: "Nelly",
      email: "nelly@example.org",
      verified: true,
    };
    const first = await roundTrip("discord");
    const asked = discord.authorizations.at(-1);
    expect(asked?.get("state")).toBeTruthy();
    expect(asked?.get("code_challenge_method")).toBe("S256");
    expect(asked?.get("redirect_uri")).toBe(`${publicUrl}/auth/discord/callback`);
    expect(first.back.statusCode).toBe(303);
    expect(first.back.headers.location).toBe("/");
    const session = cookiesOf(first.back.headers["set-cookie"]).filter((c) => !c.startsWith("skillswap_oauth"));
    const me = await meWith(session);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ displayName: "Nelly", email: "nelly@example.org" });

    const again = await roundTrip("discord");
    const meAgain = await meWith(
      cookiesOf(again.back.headers["set-cookie"]).filter((c) => !c.startsWith("skillswap_oauth")),
    );
    expect(meAgain.json<{ id: string }>().id).toBe(me.json<{ id: string }>().id);
  });

  it("refuses a callback whose state is not the one it sent, and signs nobody in", async () => {
    discord.signedIn = { id: "80351110224678913", username: "mallory", email: "m@example.org", verified: true };
    const { callback, flowCookies } = await roundTrip("discord");
    const forged = new URL(callback);
    forged.searchParams.set("state", "attacker-chosen");
    const answer = await api.app.inject({
      method: "GET",
      url: `${forged.pathname}${forged.search}`,
      headers: { cookie: flowCookies.join("; ") },
    });
    expect(answer.statusCode).toBe(403);
    expect(answer.body).toContain("could not be verified");
    expect(
      cookiesOf(answer.headers["set-cookie"]).some(
        (c) => c.startsWith("__Host-skillswap") || c.startsWith("skillswap="),
      ),
    ).toBe(false);
  });

  it("refuses a callback without the browser's flow cookie (a link sent to someone else)", async () => {
    discord.signedIn = { id: "80351110224678914", username: "eve" };
    const start = await api.app.inject({ method: "GET", url: "/auth/discord" });
    const atProvider = await fetch(String(start.headers.location), { redirect: "manual" });
    const callback = new URL(atProvider.headers.get("location") ?? "");
    const answer = await api.app.inject({ method: "GET", url: `${callback.pathname}${callback.search}` });
    expect(answer.statusCode).toBe(403);
  });

  it("refuses a replayed code: the provider gives a code once", async () => {
    google.signedIn = { sub: "g-replay", name: "Rita", email: "rita@example.org", email_verified: true };
    const { callback, flowCookies, back } = await roundTrip("google");
    expect(back.statusCode).toBe(303);
    const replay = await api.app.inject({
      method: "GET",
      url: `${callback.pathname}${callback.search}`,
      headers: { cookie: flowCookies.join("; ") },
    });
    expect(replay.statusCode).toBe(400);
    expect(replay.body).toContain("did not confirm this sign-in");
  });

  it("does not open a second account for a Google email that already has one: it says to sign in and link", async () => {
    await api.core.services.accounts.signUpWithEmail({
      email: "owner@example.org",
      password: "a long and unusual passphrase",
      displayName: "Owner",
    });
    google.signedIn = { sub: "g-owner", name: "Owner", email: "owner@example.org", email_verified: true };
    const { back } = await roundTrip("google");
    expect(back.statusCode).toBe(409);
    expect(back.body).toContain("link Google from your account page");
    expect(await api.core.services.accounts.findByIdentity("google", "", "g-owner")).toBeNull();
  });

  it("links Google to the signed-in account, and lists it among my identities", async () => {
    const ada = await newPerson(api.core, "Ada");
    const client = await api.as(ada);
    const session = [client.headers("GET").cookie ?? ""];
    google.signedIn = { sub: "g-ada", name: "Ada L", email: "ada.l@example.org", email_verified: true };
    const { back } = await roundTrip("google", session);
    expect(back.statusCode).toBe(303);
    expect(back.headers.location).toBe("/account");
    const identities = await client.get("/api/v1/auth/identities");
    expect(JSON.stringify(identities.body)).toContain("google");
    expect((await api.core.services.accounts.findByIdentity("google", "", "g-ada"))?.userId).toBe(ada.userId);
  });

  it("refuses to link an identity that belongs to another account, and moves nothing", async () => {
    google.signedIn = { sub: "g-taken", name: "First", email: "first@example.org", email_verified: true };
    const first = await roundTrip("google");
    expect(first.back.statusCode).toBe(303);
    const owner = await api.core.services.accounts.findByIdentity("google", "", "g-taken");

    const bob = await newPerson(api.core, "Bob");
    const { back } = await roundTrip("google", [(await api.as(bob)).headers("GET").cookie ?? ""]);
    expect(back.statusCode).toBe(409);
    expect(back.body).toContain("already linked to another SkillSwap");
    expect((await api.core.services.accounts.findByIdentity("google", "", "g-taken"))?.userId).toBe(owner?.userId);
  });
});

describe("sign-in providers that are not configured", () => {
  it("do not exist", async () => {
    const api = await startApi();
    try {
      expect((await api.visitor.get("/auth/discord")).status).toBe(404);
      expect((await api.visitor.get("/api/v1/auth/providers")).body).toEqual({ providers: [] });
      expect((await api.visitor.get("/auth/google/callback?code=x&state=y")).status).toBe(404);
    } finally {
      await api.close();
    }
  });
});
