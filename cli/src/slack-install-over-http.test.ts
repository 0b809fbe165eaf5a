import { randomBytes } from "node:crypto";
import { slackAppOver, slackInstallFlowOver } from "@skillswap/bot";
import { signedSlackRequest, slashCommand, startLocalSlack, type LocalSlack } from "@skillswap/bot/testing";
import { createTestCore, type TestCore } from "@skillswap/core/testing";
import { buildApp } from "@skillswap/dashboard";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const signingSecret = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
const publicUrl = "https://skillswap.example";

/** A browser going through "Add to Slack": the cookie /slack/install sets and the state it left with. */
interface Departure {
  readonly location: URL;
  readonly cookie: string;
  readonly state: string;
}

/**
 * "Add to Slack" as a workspace admin goes through it: the real web role's /slack/install and
 * /slack/oauth_redirect, a local Slack's consent (its OAuth codes and oauth.v2.access), and the real Bolt app in
 * multi-workspace mode then serving the workspace with the token core keeps.
 */
describe("installing SkillSwap into a Slack workspace", () => {
  let slack: LocalSlack;
  let core: TestCore;
  let server: FastifyInstance;
  let url: string;
  let apiaristsId: string;
  const faults: string[] = [];

  const installations = () => core.services.operations.installations();

  async function leaveForSlack(): Promise<Departure> {
    const response = await fetch(`${url}/slack/install`, { redirect: "manual" });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "");
    const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    return { location, cookie, state: location.searchParams.get("state") ?? "" };
  }

  function comeBack(query: Record<string, string>, cookie: string): Promise<Response> {
    return fetch(`${url}/slack/oauth_redirect?${new URLSearchParams(query).toString()}`, {
      headers: cookie === "" ? {} : { cookie },
      redirect: "manual",
    });
  }

  function ping(teamId: string): Promise<Response> {
    const command = slashCommand({ command: "/ping", text: "", userId: "U0SOMEONE1", teamId });
    return fetch(`${url}/slack/events`, { method: "POST", ...signedSlackRequest(signingSecret, command) });
  }

  beforeAll(async () => {
    slack = await startLocalSlack({ team: { name: "Apiarists", installed: false } });
    apiaristsId = slack.team.id;
    core = await createTestCore(
      "sqlite",
      {},
      {
        PUBLIC_URL: publicUrl,
        SLACK_API_URL: slack.apiUrl,
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_CLIENT_ID: slack.app.clientId,
        SLACK_CLIENT_SECRET: slack.app.clientSecret,
        SLACK_STATE_SECRET: randomBytes(32).toString("hex"),
        SLACK_TOKEN_KEY: randomBytes(32).toString("base64"),
      },
    );
    const app = slackAppOver(core, { logger: { error: (message) => faults.push(message) } });
    if (app === undefined) throw new Error("multi-workspace mode should give a Slack app");
    // A trivial command of the test's own, answered with what Bolt authorized: the chat layer is not under test.
    app.app.command("/ping", async ({ ack, context }) => {
      await ack({ text: `pong from ${context.teamId ?? "?"} as ${context.botUserId ?? "?"}` });
    });
    const slackInstall = slackInstallFlowOver(core, { clock: core.clock });
    server = await buildApp(core, { slack: app.receiver, ...(slackInstall === undefined ? {} : { slackInstall }) });
    url = await server.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await server.close();
    await core.close();
    await slack.close();
  });

  it("sends the admin to Slack's consent page with our client id, the manifest's scopes and our redirect", async () => {
    const { location, cookie, state } = await leaveForSlack();
    expect(`${location.origin}${location.pathname}`).toBe(new URL("/oauth/v2/authorize", slack.apiUrl).toString());
    expect(location.searchParams.get("client_id")).toBe(slack.app.clientId);
    expect(location.searchParams.get("scope")?.split(",")).toEqual(
      expect.arrayContaining(["commands", "chat:write", "users:read", "team:read"]),
    );
    expect(location.searchParams.get("redirect_uri")).toBe(`${publicUrl}/slack/oauth_redirect`);
    expect(state).toMatch(/^\d+\.[\w-]+\.[\w-]+$/);
    expect(cookie).toMatch(/^skillswap_slack_install=[\w-]+$/);
  });

  it("refuses a command from a workspace that has not installed SkillSwap", async () => {
    const response = await ping(apiaristsId);
    expect(await response.text()).not.toContain("pong");
    expect(faults).toContain("Authorization of incoming event did not succeed. No listeners will be called.");
    faults.length = 0;
  });

  it("installs the workspace when Slack comes back with a code, and then serves its commands", async () => {
    const { cookie, state } = await leaveForSlack();
    const code = slack.issueOAuthCode(apiaristsId, { name: "ada", real_name: "Ada Lovelace", is_admin: true });
    const response = await comeBack({ code, state }, cookie);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("SkillSwap is installed in Apiarists.");
    expect(response.headers.get("set-cookie")).toMatch(/skillswap_slack_install=;/);
    expect((await installations()).map((i) => [i.name, i.active])).toEqual([["Apiarists", true]]);

    const pong = await ping(apiaristsId);
    expect(await pong.json()).toEqual({ text: `pong from ${apiaristsId} as ${slack.team.botUserId}` });
  });

  it("spends a state on its first use: coming back with it again is refused, even with the cookie", async () => {
    const { cookie, state } = await leaveForSlack();
    const code = slack.issueOAuthCode(apiaristsId, "U0NOBODY01");
    const first = await comeBack({ code: "a-code-slack-never-issued", state }, cookie);
    expect(first.status).toBe(400);
    expect(await first.text()).toContain("Slack did not confirm this installation (invalid_code)");
    const replay = await comeBack({ code, state }, cookie);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain("This installation link was already used.");
    expect(await installations()).toHaveLength(1);
  });

  it("refuses a state from another browser, a forged one and none, saving nothing", async () => {
    const hive = slack.addTeam({ name: "Hive Two", installed: false });
    const mine = await leaveForSlack();
    const theirs = await leaveForSlack();
    const code = () => slack.issueOAuthCode(hive.id, { name: "mallory" });
    const otherBrowser = await comeBack({ code: code(), state: theirs.state }, mine.cookie);
    expect(otherBrowser.status).toBe(400);
    expect(await otherBrowser.text()).toContain("it began in another browser");
    const forged = await comeBack({ code: code(), state: `${mine.state}x` }, mine.cookie);
    expect(forged.status).toBe(400);
    const none = await comeBack({ code: code() }, mine.cookie);
    expect(none.status).toBe(400);
    expect((await installations()).map((i) => i.name)).toEqual(["Apiarists"]);
  });

  it("says so kindly when the admin cancels on Slack's consent page", async () => {
    const { cookie, state } = await leaveForSlack();
    const response = await comeBack({ error: "access_denied", state }, cookie);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("the installation was cancelled on Slack");
    expect(await installations()).toHaveLength(1);
  });

  it("refuses a redirect more than ten minutes after the admin left", async () => {
    const hive = slack.addTeam({ name: "Slow Hive", installed: false });
    const { cookie, state } = await leaveForSlack();
    core.clock.advance(11 * 60 * 1000);
    const response = await comeBack({ code: slack.issueOAuthCode(hive.id, { name: "sam" }), state }, cookie);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("expired");
    expect((await installations()).map((i) => i.name)).toEqual(["Apiarists"]);
    expect(faults).toEqual([]);
  });
});

describe("a web server outside multi-workspace mode", () => {
  it("offers no Slack install", async () => {
    const core = await createTestCore("sqlite", {}, { SLACK_CLIENT_ID: "1111.2222", SLACK_CLIENT_SECRET: "secret" });
    try {
      const slackInstall = slackInstallFlowOver(core);
      expect(slackInstall).toBeUndefined();
      const server = await buildApp(core);
      expect((await server.inject({ method: "GET", url: "/slack/install" })).statusCode).toBe(404);
      await server.close();
    } finally {
      await core.close();
    }
  });
});
