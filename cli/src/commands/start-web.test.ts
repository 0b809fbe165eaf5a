import { createServer as createNetServer } from "node:net";
import { applicationCommandsOf, commandDefinitions, type BotLogger } from "@skillswap/bot";
import { LocalDiscord, signedSlackRequest, urlVerification, type LocalUser } from "@skillswap/bot/testing";
import { createTestCore, newPerson, type TestCore } from "@skillswap/core/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startWeb, type WebRole } from "./start-web.js";

const maya: LocalUser = { id: "310000000000000001", username: "maya.k", globalName: "Maya" };

/** A port nothing listens on right now: the web role takes its port from configuration, where 0 is refused. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address !== null
          ? resolve(address.port)
          : reject(new Error("no port was given")),
      );
    });
  });
}

describe("the web role, as `skillswap start` runs it", () => {
  let core: TestCore;
  let discord: LocalDiscord;
  let web: WebRole;
  let endpoint: string;
  let requestLog: string[] = [];
  let faults: unknown[] = [];
  const logger: BotLogger = { error: (message, error) => faults.push({ message, error }) };
  const errorLines = () => requestLog.filter((line) => (JSON.parse(line) as { level: number }).level >= 50);

  beforeAll(async () => {
    discord = new LocalDiscord({
      guildName: "Lyon Makers",
      members: [maya],
      guildCommands: applicationCommandsOf(commandDefinitions),
    });
    await discord.start();
    core = await createTestCore(
      "sqlite",
      {},
      {
        PORT: await freePort(),
        LOG_LEVEL: "info",
        DISCORD_PUBLIC_KEY: discord.publicKeyHex,
        DISCORD_API_URL: discord.apiUrl,
        DISCORD_TOKEN: "local.bot.token",
      },
    );
    web = await startWeb(core, undefined, { logger, requestLog: { write: (line) => requestLog.push(line) } });
    endpoint = `${web.url}/discord/interactions`;
  });
  afterAll(async () => {
    await web.server.close();
    await discord.stop();
    await core.close();
  });
  beforeEach(() => {
    requestLog = [];
    faults = [];
  });

  it("runs a command delivered twice once, and answers the replay with a silent acknowledgement", async () => {
    const payload = discord.buildInteraction({
      user: maya,
      command: "skills add",
      options: { skill: "Spanish", direction: "learn", level: 2 },
    });
    const first = await discord.postSignedInteraction(endpoint, payload);
    expect(first.body).toMatchObject({ type: 4 });
    const replay = await discord.postSignedInteraction(endpoint, payload);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({ type: 5, data: { flags: 64 } });
    const account = await core.services.accounts.findByIdentity("discord", "", maya.id);
    expect(await core.database.db.userSkill.count({ where: { userId: account?.userId ?? "" } })).toBe(1);
    expect(errorLines()).toEqual([]);
    expect(faults).toEqual([]);
  });

  it("refuses a request Discord signed ten minutes ago, and nothing happens", async () => {
    const stranger: LocalUser = { id: "310000000000000099", username: "mallory" };
    const payload = discord.buildInteraction({ user: stranger, command: "skillswap help" });
    const { status } = await discord.postSignedInteraction(endpoint, payload, { tamper: "stale" });
    expect(status).toBe(401);
    expect(await core.services.accounts.findByIdentity("discord", "", stranger.id)).toBeNull();
  });

  it("writes requests to its log without their query string, so no login token is in it", async () => {
    const ada = await newPerson(core, "ada");
    const { token } = await core.services.accounts.issueLoginLink(ada);
    expect((await fetch(`${web.url}/login/link?token=${token}`, { redirect: "manual" })).status).toBe(303);
    await vi.waitFor(() => expect(requestLog.join("")).toContain("request completed"));
    expect(requestLog.join("")).toContain("/login/link?[redacted]");
    expect(requestLog.join("")).not.toContain(token);
  });
});

describe("the web role with Slack configured", () => {
  const signingSecret = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
  let core: TestCore;
  let web: WebRole;
  const logger: BotLogger = { error: () => undefined };

  beforeAll(async () => {
    core = await createTestCore(
      "sqlite",
      {},
      { PORT: await freePort(), SLACK_SIGNING_SECRET: signingSecret, SLACK_BOT_TOKEN: "xoxb-local-token" },
    );
    web = await startWeb(core, undefined, { logger, requestLog: { write: () => undefined } });
  });
  afterAll(async () => {
    await web.server.close();
    await core.close();
  });

  it("serves Slack's /slack/events with the app's signing secret, refusing what Slack did not sign", async () => {
    const check = signedSlackRequest(signingSecret, urlVerification("challenge-from-slack"));
    const signed = await fetch(`${web.url}/slack/events`, { method: "POST", ...check });
    expect(await signed.json()).toEqual({ challenge: "challenge-from-slack" });
    const forged = signedSlackRequest("another-secret", urlVerification("challenge-from-slack"));
    expect((await fetch(`${web.url}/slack/events`, { method: "POST", ...forged })).status).toBe(401);
  });
});
