import { randomBytes } from "node:crypto";
import { createOutboxDispatcher, type Notification } from "@skillswap/core";
import { createTestCore, type TestCore } from "@skillswap/core/testing";
import { WebClient } from "@slack/web-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startLocalSlack, type LocalSlack } from "../testing/local-slack.js";
import { acceptedSwap, person } from "../testing/slack-scenario.js";
import { slackSurface } from "./slack-surface.js";

const maya = { id: "U0MAYA0001", name: "maya.k", real_name: "Maya" };
const zoe = { id: "U0ZOE00001", name: "zoe.w", real_name: "Zoe" };

/** Multi-workspace mode, with no SLACK_BOT_TOKEN: every token comes from an installation. */
const multiWorkspaceKeys = (slackApiUrl: string) => ({
  SLACK_API_URL: slackApiUrl,
  SLACK_SIGNING_SECRET: "local-signing-secret",
  SLACK_CLIENT_ID: "1111111111.2222222222",
  SLACK_CLIENT_SECRET: "local-slack-client-secret",
  SLACK_STATE_SECRET: randomBytes(32).toString("hex"),
  SLACK_TOKEN_KEY: randomBytes(32).toString("hex"),
});

let slack: LocalSlack;
let core: TestCore;
const logged: string[] = [];

/** Core keeps a workspace's installation as the "Add to Slack" install saves it, with the token Slack gave. */
async function installIn(teamId: string, installer: typeof maya, token: string) {
  const team = slack.teamById(teamId);
  await core.services.installations.saveSlackInstallation({
    team: { id: team.id, name: team.name },
    appId: slack.app.appId,
    bot: { token, id: team.botId, userId: team.botUserId, scopes: ["chat:write", "im:write"] },
    installer: { id: installer.id, displayName: installer.real_name, username: installer.name },
  });
}

/** Someone who uses SkillSwap from a workspace; returns their SkillSwap user id. */
async function personIn(teamId: string, member: typeof maya): Promise<string> {
  const account = await core.services.accounts.registerFromIdentity({
    provider: "slack",
    tenantId: teamId,
    subject: member.id,
    username: member.name,
    displayName: member.real_name,
  });
  return account.userId;
}

const reviewFor = (userId: string, eventId: string): Notification => ({
  eventId,
  userId,
  kind: "review",
  text: "Leo reviewed you: 5/5.",
  about: { type: "review", id: "review-1" },
});

/** The worker's Slack delivery, as `skillswap start` builds it from the configuration. */
const workerDelivery = () => {
  const [delivery] = slackSurface.workerHandlers(core, core.config, {
    logger: { error: (m) => logged.push(m) },
  }).deliveries;
  if (delivery === undefined) throw new Error("the Slack surface gave the worker no delivery");
  return delivery;
};

/** The token each DM to `userId` was posted with, in order. */
const tokensOfDmsTo = (userId: string) =>
  slack
    .callsTo("chat.postMessage")
    .filter((call) => slack.channels.membersOf(String(call.args.channel)).includes(userId))
    .map((call) => call.token);

beforeEach(async () => {
  slack = await startLocalSlack({ team: { name: "Lyon Makers" }, members: [maya] });
  core = await createTestCore("sqlite", {}, multiWorkspaceKeys(slack.apiUrl));
  logged.length = 0;
});

afterEach(async () => {
  await slack.close();
  await core.close();
});

describe("Slack in several workspaces", () => {
  it("runs with the install keys alone, without one workspace's bot token", () => {
    expect(slackSurface.configured(core.config)).toBe(true);
  });

  it("DMs each person with the bot token of their own workspace", async () => {
    const second = slack.addTeam({ name: "Grenoble Hackers" });
    slack.users.add(zoe, second.id);
    await installIn(slack.team.id, maya, slack.team.botToken ?? "");
    await installIn(second.id, zoe, second.botToken ?? "");
    const delivery = workerDelivery();

    await delivery.deliver(reviewFor(await personIn(second.id, zoe), "event-1"));
    await delivery.deliver(reviewFor(await personIn(slack.team.id, maya), "event-2"));

    expect(tokensOfDmsTo(zoe.id)).toEqual([second.botToken]);
    expect(tokensOfDmsTo(maya.id)).toEqual([slack.team.botToken]);
    expect(logged).toEqual([]);
  });

  it("uses a workspace's new token once Slack refuses the old one, after the app was removed and added again", async () => {
    const second = slack.addTeam({ name: "Grenoble Hackers" });
    slack.users.add(zoe, second.id);
    const oldToken = second.botToken ?? "";
    await installIn(second.id, zoe, oldToken);
    const zoeId = await personIn(second.id, zoe);
    const delivery = workerDelivery();
    await delivery.deliver(reviewFor(zoeId, "event-1"));

    // Removing the app revokes its token; adding it again through Slack's consent screen mints a new one.
    const app = { client_id: slack.app.clientId, client_secret: slack.app.clientSecret };
    await new WebClient(oldToken, { slackApiUrl: slack.apiUrl }).apps.uninstall(app);
    const code = slack.issueOAuthCode(second.id, zoe.id);
    const reinstalled = await new WebClient(undefined, { slackApiUrl: slack.apiUrl }).oauth.v2.access({ ...app, code });
    const newToken = reinstalled.access_token ?? "";
    await installIn(second.id, zoe, newToken);
    // The first attempt finds the old token dead and fails for the outbox to retry; the retry goes out.
    await expect(delivery.deliver(reviewFor(zoeId, "event-2"))).rejects.toThrow(/token_revoked/);
    await delivery.deliver(reviewFor(zoeId, "event-2"));

    expect(tokensOfDmsTo(zoe.id)).toEqual([oldToken, newToken]);
  });

  it("carries a swap between two workspaces in each one's own DM, relayed between them with each token", async () => {
    const second = slack.addTeam({ name: "Grenoble Hackers" });
    slack.users.add(zoe, second.id);
    await installIn(slack.team.id, maya, slack.team.botToken ?? "");
    await installIn(second.id, zoe, second.botToken ?? "");
    const mayaActor = await person(
      core,
      { provider: "slack", tenantId: slack.team.id, subject: maya.id, name: "Maya" },
      "Guitar",
    );
    const zoeActor = await person(
      core,
      { provider: "slack", tenantId: second.id, subject: zoe.id, name: "Zoe" },
      "Welding",
    );
    const { conversationId } = await acceptedSwap(core, mayaActor, zoeActor, "Welding");
    await core.services.conversations.post(zoeActor, conversationId, { text: "Saturday at the workshop?" });
    const { handlers } = slackSurface.workerHandlers(core, core.config, { logger: { error: (m) => logged.push(m) } });
    const outbox = createOutboxDispatcher(core.deps, { handlers });
    while ((await outbox.runOnce()).fetched > 0);

    // Each workspace's bot opened the DM with its own member and posted there with its own token only.
    const opened = slack.callsTo("conversations.open").map((call) => [call.args.users, call.token]);
    expect(opened).toEqual(
      expect.arrayContaining([
        [maya.id, slack.team.botToken],
        [zoe.id, second.botToken],
      ]),
    );
    const channels = await core.services.conversations.channelsOf(conversationId);
    expect(channels.map((c) => c.tenantId).sort()).toEqual([slack.team.id, second.id].sort());
    expect(tokensOfDmsTo(zoe.id).every((token) => token === second.botToken)).toBe(true);
    expect(tokensOfDmsTo(maya.id).every((token) => token === slack.team.botToken)).toBe(true);
    // Zoe wrote from the dashboard: Maya reads it in her workspace, attributed to Zoe.
    const relayed = slack
      .callsTo("chat.postMessage")
      .filter((call) => slack.channels.membersOf(String(call.args.channel)).includes(maya.id))
      .map((call) => String(call.args.text));
    expect(relayed).toEqual(expect.arrayContaining([expect.stringContaining("Saturday at the workshop?")]));
    expect(logged).toEqual([]);
  });

  it("skips people of a workspace that removed the app, without failing the event", async () => {
    await installIn(slack.team.id, maya, slack.team.botToken ?? "");
    const mayaId = await personIn(slack.team.id, maya);
    await core.services.installations.deactivateSlackInstallation(
      { teamId: slack.team.id, isEnterpriseInstall: false },
      { reason: "uninstalled" },
    );

    await workerDelivery().deliver(reviewFor(mayaId, "event-1"));

    expect(slack.callsTo("chat.postMessage")).toEqual([]);
    expect(logged).toEqual([expect.stringMatching(/not sent to/)]);
  });
});
