import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCore } from "../../app.js";
import { loadConfig } from "../../config.js";
import { TokenCipherError } from "../../infra/token-cipher/aes-gcm-token-cipher.js";
import { createTestCore, domainErrorOf, rejectedFields, testProviders, type TestCore } from "../../testing/index.js";
import type { SlackInstallationInput } from "./input.js";

const key = randomBytes(32).toString("base64");

/** What Slack's OAuth v2 install returns for the Apiarists workspace, installed by Ada. */
function apiaristsInstall(token = "xoxb-1-apiarists-first"): SlackInstallationInput {
  return {
    team: { id: "T0APIARY", name: "Apiarists" },
    appId: "A0SKILLS",
    bot: { token, id: "B0BOT", userId: "U0BOT", scopes: ["commands", "chat:write"] },
    installer: { id: "U0ADA", displayName: "Ada", username: "ada" },
  };
}

for (const provider of testProviders()) {
  describe(`Slack workspaces installing SkillSwap, on ${provider}`, () => {
    let core: TestCore;
    const apiarists = { teamId: "T0APIARY", isEnterpriseInstall: false };

    beforeAll(async () => {
      core = await createTestCore(provider, {}, { SLACK_TOKEN_KEY: key });
    });
    afterAll(() => core.close());

    const installationRow = (communityId: string) =>
      core.database.db.communityInstallation.findUniqueOrThrow({ where: { communityId } });

    it("makes the workspace a community whose installer is its admin", async () => {
      const { installer } = await core.services.installations.saveSlackInstallation(apiaristsInstall());
      expect(await core.services.communities.mine(installer)).toEqual([
        expect.objectContaining({ platform: "slack", name: "Apiarists", role: "admin" }),
      ]);
    });

    it("hands the Slack app the working token and what it was granted", async () => {
      expect(await core.services.installations.slackInstallationFor(apiarists)).toMatchObject({
        tenantId: "T0APIARY",
        team: { id: "T0APIARY", name: "Apiarists" },
        enterprise: null,
        isEnterpriseInstall: false,
        appId: "A0SKILLS",
        bot: { token: "xoxb-1-apiarists-first", id: "B0BOT", userId: "U0BOT", scopes: ["chat:write", "commands"] },
        installedBy: "U0ADA",
      });
    });

    it("never keeps the token in clear", async () => {
      const { communityId } = await core.services.installations.slackInstallationFor(apiarists);
      const row = await installationRow(communityId);
      expect(row.botToken).toMatch(/^v1:/);
      expect(row.botToken).not.toContain("apiarists-first");
    });

    it("stops working when the app is removed, keeps the community's people and groups, and works again once reinstalled", async () => {
      const s = core.services;
      const { communityId, installer } = await s.installations.saveSlackInstallation(apiaristsInstall());
      const group = await s.groups.create(installer, { name: "Queen rearing", communityId });

      await s.installations.deactivateSlackInstallation(apiarists, { reason: "uninstalled" });
      expect((await domainErrorOf(() => s.installations.slackInstallationFor(apiarists))).code).toBe(
        "INSTALLATION.NOT_FOUND",
      );
      expect((await installationRow(communityId)).botToken).toBe("");
      expect((await s.communities.mine(installer))[0]).toMatchObject({ id: communityId, role: "admin" });
      expect((await s.groups.get(installer, group.id)).name).toBe("Queen rearing");

      const again = await s.installations.saveSlackInstallation(apiaristsInstall("xoxb-2-apiarists-again"));
      expect(again).toEqual({ communityId, installer });
      expect((await s.installations.slackInstallationFor(apiarists)).bot.token).toBe("xoxb-2-apiarists-again");
    });

    it("keeps working when only a person's token is revoked, and stops when the bot's is", async () => {
      const s = core.services.installations;
      const { communityId } = await s.saveSlackInstallation(apiaristsInstall());
      await s.deactivateSlackInstallation(apiarists, { reason: "tokens_revoked", botUserIds: ["U0ADA"] });
      expect((await s.slackInstallationFor(apiarists)).bot.token).toBe("xoxb-1-apiarists-first");

      await s.deactivateSlackInstallation(apiarists, { reason: "tokens_revoked", botUserIds: ["U0BOT"] });
      const revoked = await installationRow(communityId);
      expect(revoked.deactivatedReason).toBe("tokens_revoked");
      expect((await domainErrorOf(() => s.slackInstallationFor(apiarists))).code).toBe("INSTALLATION.NOT_FOUND");

      // Slack follows the revocation with app_uninstalled when the app is removed, and may deliver both twice.
      core.clock.advance(60_000);
      for (let i = 0; i < 2; i++) {
        await s.deactivateSlackInstallation(apiarists, { reason: "uninstalled" });
        await s.deactivateSlackInstallation(apiarists, { reason: "tokens_revoked", botUserIds: ["U0BOT"] });
      }
      const removed = await installationRow(communityId);
      expect(removed.deactivatedReason).toBe("uninstalled");
      expect(removed.deactivatedAt).toEqual(revoked.deactivatedAt);
    });

    it("keys an org-wide install by its enterprise, for every workspace of it", async () => {
      const s = core.services.installations;
      const { installer } = await s.saveSlackInstallation({
        team: null,
        enterprise: { id: "E0HIVES", name: "Hives Inc" },
        isEnterpriseInstall: true,
        appId: "A0SKILLS",
        bot: { token: "xoxb-org-hives", id: "B0ORG", userId: "U0ORGBOT", scopes: ["commands"] },
        installer: { id: "W0BEA", displayName: "Bea" },
      });
      const fromAWorkspace = { teamId: "T0NORTH", enterpriseId: "E0HIVES", isEnterpriseInstall: true };
      expect(await s.slackInstallationFor(fromAWorkspace)).toMatchObject({
        tenantId: "E0HIVES",
        team: null,
        enterprise: { id: "E0HIVES" },
        bot: { token: "xoxb-org-hives" },
      });
      expect((await domainErrorOf(() => s.slackInstallationFor({ teamId: "T0NORTH" }))).code).toBe(
        "INSTALLATION.NOT_FOUND",
      );
      expect(await core.services.communities.mine(installer)).toEqual([
        expect.objectContaining({ name: "Hives Inc", role: "admin" }),
      ]);
    });

    it("shows operators every installation with its scopes and state, never its token", async () => {
      const overview = await core.services.operations.installations();
      expect(overview.map((i) => [i.externalId, i.name, i.active, i.deactivatedReason, i.scopes])).toEqual([
        ["T0APIARY", "Apiarists", false, "uninstalled", ["chat:write", "commands"]],
        ["E0HIVES", "Hives Inc", true, null, ["commands"]],
      ]);
      expect(JSON.stringify(overview)).not.toMatch(/xoxb|v1:/);
    });

    it("in single-workspace mode, makes the workspace a community without any installation", async () => {
      const s = core.services.installations;
      const first = await s.ensureSlackWorkspace({ teamId: "T0SOLO", name: "Solo Beekeepers" });
      expect(await s.ensureSlackWorkspace({ teamId: "T0SOLO", name: "Solo Beekeepers" })).toEqual(first);
      expect(first.tenantId).toBe("T0SOLO");
      expect((await domainErrorOf(() => s.slackInstallationFor({ teamId: "T0SOLO" }))).code).toBe(
        "INSTALLATION.NOT_FOUND",
      );
      // An uninstall event for it has nothing to deactivate.
      await s.deactivateSlackInstallation({ teamId: "T0SOLO" }, { reason: "uninstalled" });
      expect((await core.services.operations.installations()).map((i) => i.externalId)).not.toContain("T0SOLO");
    });

    it("refuses an install that names no workspace", async () => {
      const noTeam = { ...apiaristsInstall(), team: null };
      expect(await rejectedFields(() => core.services.installations.saveSlackInstallation(noTeam))).toEqual(["team"]);
      expect(
        await rejectedFields(() =>
          core.services.installations.saveSlackInstallation({ ...apiaristsInstall(), isEnterpriseInstall: true }),
        ),
      ).toEqual(["enterprise"]);
    });

    it("refuses to open a token with another key rather than hand Slack garbage", async () => {
      const other = await createCore(
        loadConfig(
          {
            DATABASE_URL: core.database.url,
            UPLOADS_DIR: core.config.UPLOADS_DIR,
            SLACK_TOKEN_KEY: randomBytes(32).toString("hex"),
          },
          {},
        ),
        { prepare: false },
      );
      try {
        await expect(
          other.services.installations.slackInstallationFor({ enterpriseId: "E0HIVES", isEnterpriseInstall: true }),
        ).rejects.toThrow(TokenCipherError);
      } finally {
        await other.close();
      }
    });
  });
}

describe("a server without SLACK_TOKEN_KEY", () => {
  let core: TestCore;
  beforeAll(async () => {
    core = await createTestCore("sqlite");
  });
  afterAll(() => core.close());

  it("refuses to store a workspace's token, and records nothing", async () => {
    const error = await domainErrorOf(() => core.services.installations.saveSlackInstallation(apiaristsInstall()));
    expect([error.kind, error.code]).toEqual(["unavailable", "INSTALLATION.NOT_CONFIGURED"]);
    expect(await core.services.operations.installations()).toEqual([]);
  });
});
