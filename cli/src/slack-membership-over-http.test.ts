import { randomBytes } from "node:crypto";
import { slackAppOver } from "@skillswap/bot";
import {
  eventCallback,
  signedSlackRequest,
  slashCommand,
  startLocalSlack,
  type LocalSlack,
  type SlackDelivery,
} from "@skillswap/bot/testing";
import type { Actor } from "@skillswap/core";
import { createTestCore, type TestCore } from "@skillswap/core/testing";
import { buildApp } from "@skillswap/dashboard";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const signingSecret = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
let eventCount = 0;

/**
 * Slack's membership and lifecycle events, signed and posted to the real web role's /slack/events, handled by
 * the real Bolt app in multi-workspace mode: the community follows the workspace, and removing the app stops
 * it without losing anyone.
 */
describe("a Slack workspace's people and installation, as Slack reports them", () => {
  let slack: LocalSlack;
  let core: TestCore;
  let server: FastifyInstance;
  let url: string;
  let teamId: string;
  let ada: Actor;

  function post(delivery: SlackDelivery): Promise<Response> {
    return fetch(`${url}/slack/events`, { method: "POST", ...signedSlackRequest(signingSecret, delivery) });
  }

  function happen(event: { readonly type: string } & Record<string, unknown>, team = teamId): Promise<Response> {
    eventCount += 1;
    return post(eventCallback(event, { eventId: `Ev0MEMBERS${eventCount}`, teamId: team }));
  }

  /** Someone who already uses SkillSwap from this workspace (their first command registered them). */
  function skillswapUser(slackId: string, name: string): Promise<Actor> {
    return core.services.accounts.registerFromIdentity({
      provider: "slack",
      tenantId: teamId,
      subject: slackId,
      username: name,
      displayName: name,
    });
  }

  const rolesOf = async (actor: Actor) => (await core.services.communities.mine(actor)).map((c) => c.role);
  const installationOf = async (team: string) =>
    (await core.services.operations.installations()).find((i) => i.externalId === team);

  async function install(team: {
    id: string;
    name: string;
    botToken: string | undefined;
    botId: string;
    botUserId: string;
  }) {
    return core.services.installations.saveSlackInstallation({
      team: { id: team.id, name: team.name },
      appId: slack.app.appId,
      bot: { token: team.botToken ?? "", id: team.botId, userId: team.botUserId, scopes: ["commands", "users:read"] },
      installer: { id: "U0ADA00001", displayName: "Ada", username: "ada" },
    });
  }

  beforeAll(async () => {
    slack = await startLocalSlack({ team: { name: "Apiarists" } });
    teamId = slack.team.id;
    core = await createTestCore(
      "sqlite",
      {},
      {
        SLACK_API_URL: slack.apiUrl,
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_CLIENT_ID: slack.app.clientId,
        SLACK_CLIENT_SECRET: slack.app.clientSecret,
        SLACK_STATE_SECRET: randomBytes(32).toString("hex"),
        SLACK_TOKEN_KEY: randomBytes(32).toString("base64"),
      },
    );
    const app = slackAppOver(core, { logger: { error: () => undefined } });
    if (app === undefined) throw new Error("multi-workspace mode should give a Slack app");
    app.app.command("/ping", async ({ ack }) => {
      await ack({ text: "pong" });
    });
    server = await buildApp(core, { slack: app.receiver });
    url = await server.listen({ port: 0, host: "127.0.0.1" });
    ada = (await install(slack.team)).installer;
  });
  afterAll(async () => {
    await server.close();
    await core.close();
    await slack.close();
  });

  it("makes a workspace admin who joins, and already uses SkillSwap, an admin of its community", async () => {
    const bea = await skillswapUser("U0BEA00001", "bea");
    expect(await rolesOf(bea)).toEqual([]);
    await happen({ type: "team_join", user: { id: "U0BEA00001", name: "bea", is_admin: true, deleted: false } });
    await vi.waitFor(async () => expect(await rolesOf(bea)).toEqual(["admin"]));
  });

  it("gives nobody an account for joining the workspace", async () => {
    await happen({ type: "team_join", user: { id: "U0NEWCOMER", name: "newcomer", is_admin: false, deleted: false } });
    await happen({ type: "user_change", user: { id: "U0NEWCOMER", name: "newcomer", is_admin: true, deleted: false } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await core.services.accounts.findByIdentity("slack", teamId, "U0NEWCOMER")).toBeNull();
  });

  it("follows a person's changes: no longer admin, then deactivated and out of the community", async () => {
    const cy = await skillswapUser("U0CY000001", "cy");
    await happen({ type: "user_change", user: { id: "U0CY000001", name: "cy", is_owner: true, deleted: false } });
    await vi.waitFor(async () => expect(await rolesOf(cy)).toEqual(["admin"]));
    await happen({ type: "user_change", user: { id: "U0CY000001", name: "cy", is_admin: false, deleted: false } });
    await vi.waitFor(async () => expect(await rolesOf(cy)).toEqual(["member"]));
    await happen({ type: "user_change", user: { id: "U0CY000001", name: "cy", deleted: true } });
    await vi.waitFor(async () => expect(await rolesOf(cy)).toEqual([]));
  });

  it("adds a SkillSwap user who joins a channel, as the workspace ranks them", async () => {
    const dev = slack.users.add({ name: "dev", is_admin: true });
    const actor = await skillswapUser(dev.id, "dev");
    await happen({ type: "member_joined_channel", user: dev.id, channel: slack.generalChannelId, team: teamId });
    await vi.waitFor(async () => expect(await rolesOf(actor)).toEqual(["admin"]));
  });

  it("stops serving a workspace that removed the app, and keeps its community and people", async () => {
    expect(
      await (await post(slashCommand({ command: "/ping", text: "", userId: "U0ADA00001", teamId }))).text(),
    ).toContain("pong");
    await happen({ type: "app_uninstalled" });
    await vi.waitFor(async () => expect((await installationOf(teamId))?.deactivatedReason).toBe("uninstalled"));
    const refused = await post(slashCommand({ command: "/ping", text: "", userId: "U0ADA00001", teamId }));
    expect(await refused.text()).not.toContain("pong");
    expect(await core.services.communities.mine(ada)).toEqual([
      expect.objectContaining({ name: "Apiarists", role: "admin" }),
    ]);
  });

  it("stops when the bot's own token is revoked, not when only a person's is", async () => {
    const hive = slack.addTeam({ name: "Hive Two" });
    await install(hive);
    await happen({ type: "tokens_revoked", tokens: { oauth: ["U0ADA00001"] } }, hive.id);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await installationOf(hive.id))?.active).toBe(true);
    await happen({ type: "tokens_revoked", tokens: { bot: [hive.botUserId] } }, hive.id);
    await vi.waitFor(async () => expect((await installationOf(hive.id))?.deactivatedReason).toBe("tokens_revoked"));
    expect((await installationOf(hive.id))?.name).toBe("Hive Two");
  });
});
