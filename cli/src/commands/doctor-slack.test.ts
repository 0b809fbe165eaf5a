import { randomBytes } from "node:crypto";
import { slackManifest } from "@skillswap/bot";
import { startLocalSlack, type LocalSlack } from "@skillswap/bot/testing";
import { loadConfig } from "@skillswap/core";
import { createTestCore } from "@skillswap/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slackChecks } from "./doctor-slack.js";

const scopesThisSlackLacks = "mpim:history, im:history, groups:read, team:read, channels:history";

describe("skillswap doctor, about Slack", () => {
  let slack: LocalSlack;
  beforeAll(async () => {
    slack = await startLocalSlack({ team: { name: "Apiarists" } });
  });
  afterAll(() => slack.close());

  const singleWorkspace = (token: string) =>
    loadConfig({ SLACK_BOT_TOKEN: token, SLACK_API_URL: slack.apiUrl, SLACK_SIGNING_SECRET: "signing" }, {});

  it("says which workspace the bot token works in, and names the scopes it was not granted", async () => {
    expect(await slackChecks(singleWorkspace(slack.team.botToken ?? ""), undefined)).toEqual([
      {
        name: "slack",
        status: "warn",
        detail: `token works in Apiarists (${slack.team.id}), missing scopes ${scopesThisSlackLacks}: add them to the app's scopes and reinstall it`,
      },
    ]);
  });

  it("fails when Slack refuses the token", async () => {
    expect(await slackChecks(singleWorkspace("xoxb-not-a-token-of-this-slack"), undefined)).toEqual([
      { name: "slack", status: "fail", detail: expect.stringContaining("invalid_auth") },
    ]);
  });

  it("lists every installation in multi-workspace mode, with what each lacks and which stopped", async () => {
    const core = await createTestCore(
      "sqlite",
      {},
      {
        PUBLIC_URL: "https://skillswap.example",
        SLACK_SIGNING_SECRET: "signing",
        SLACK_CLIENT_ID: "1111.2222",
        SLACK_CLIENT_SECRET: "client-secret",
        SLACK_STATE_SECRET: randomBytes(32).toString("hex"),
        SLACK_TOKEN_KEY: randomBytes(32).toString("base64"),
      },
    );
    try {
      const install = (id: string, name: string, scopes: string[]) =>
        core.services.installations.saveSlackInstallation({
          team: { id, name },
          appId: "A0SKILLS",
          bot: { token: `xoxb-${id}-token`, id: "B0BOT", userId: `U0BOT${id}`, scopes },
          installer: { id: "U0ADA", displayName: "Ada" },
        });
      await install("T0OLD", "Old Hive", ["commands", "chat:write"]);
      await install("T0GONE", "Gone Hive", ["commands"]);
      await core.services.installations.deactivateSlackInstallation({ teamId: "T0GONE" }, { reason: "uninstalled" });
      const checks = await slackChecks(core.config, () => core.services.operations.installations());
      expect(checks.map((check) => [check.name, check.status])).toEqual([
        ["slack", "ok"],
        ["slack Old Hive", "warn"],
        ["slack Gone Hive", "warn"],
      ]);
      expect(checks[0]?.detail).toBe(
        "multi-workspace mode, 1 of 2 installation(s) active; install at https://skillswap.example/slack/install",
      );
      // Every scope the manifest asks for, but the two this old install was granted, in the manifest's order.
      const asked = slackManifest({ publicUrl: "https://skillswap.example" }).oauth_config.scopes.bot ?? [];
      const lacking = asked.filter((scope) => scope !== "commands" && scope !== "chat:write");
      expect(checks[1]?.detail).toBe(
        `T0OLD: missing scopes ${lacking.join(", ")}: add them to the app's scopes and reinstall it`,
      );
      expect(checks[2]?.detail).toMatch(
        /^T0GONE: inactive \(app removed on \d{4}-\d\d-\d\d\); its community and people are kept$/,
      );
      expect(JSON.stringify(checks)).not.toContain("xoxb");
    } finally {
      await core.close();
    }
  });
});
