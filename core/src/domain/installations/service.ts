import type { z } from "zod";
import { DomainError, invalid, notFound } from "../../errors.js";
import { translate } from "../../messages/index.js";
import type { TokenCipher } from "../../ports/token-cipher.js";
import type { CommunitiesService } from "../communities/service.js";
import type { AccountsService } from "../identity/service.js";
import type { Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";
import { parseInput } from "../shared/validate.js";
import {
  deactivationInput,
  slackInstallationInput,
  slackWorkspaceFields,
  slackWorkspaceInput,
  type SlackInstallationInput,
  type SlackWorkspaceInput,
} from "./input.js";
import { reasonAfter, scopesOf, scopesText, slackTenantOf, type Deactivation } from "./rules.js";
import type { SlackInstallationView } from "./types.js";

/** The use cases an install builds on: a workspace is a community, its installer a person, like anywhere else. */
export interface InstallationsUses {
  readonly accounts: Pick<AccountsService, "registerFromIdentity">;
  readonly communities: Pick<CommunitiesService, "register" | "syncMember">;
}

/** The workspace an install is for: an org-wide install is keyed and named by its enterprise. */
function installedWorkspaceOf(data: z.output<typeof slackInstallationInput>): { tenantId: string; name: string } {
  const missing = (field: string) => invalid("INSTALLATION.INVALID", [{ field, message: translate("field.required") }]);
  if (data.isEnterpriseInstall) {
    if (data.enterprise === null) throw missing("enterprise");
    if (data.enterprise.name === undefined) throw missing("enterprise.name");
    return { tenantId: data.enterprise.id, name: data.enterprise.name };
  }
  if (data.team === null) throw missing("team");
  return { tenantId: data.team.id, name: data.team.name };
}

// Binds a sealed token to its row: a token copied into another installation's row does not open there.
const sealContextOf = (communityId: string) => `community:${communityId}`;

/**
 * Slack workspaces that installed SkillSwap through "Add to Slack" (multi-workspace mode): their bot tokens,
 * sealed at rest, and whether each installation still works. Removing the app only deactivates it: the
 * community, its members, groups and swaps stay, and installing again picks them up where they were.
 */
export function createInstallationsService(deps: ServiceDeps, { accounts, communities }: InstallationsUses) {
  const { db, clock } = deps;

  function requireCipher(): TokenCipher {
    // Without SLACK_TOKEN_KEY tokens would have to be stored in clear: refuse rather than do that.
    if (deps.tokenCipher === undefined)
      throw new DomainError("unavailable", "INSTALLATION.NOT_CONFIGURED", "installation.not_configured");
    return deps.tokenCipher;
  }

  function slackCommunityOf(tenantId: string) {
    return db.community.findUnique({
      where: { platform_externalId: { platform: "slack", externalId: tenantId } },
      select: {
        id: true,
        name: true,
        installation: {
          select: {
            appId: true,
            botId: true,
            botUserId: true,
            botToken: true,
            botScopes: true,
            enterpriseId: true,
            isEnterpriseInstall: true,
            installedBy: true,
            installedAt: true,
            deactivatedAt: true,
            deactivatedReason: true,
          },
        },
      },
    });
  }

  return {
    /**
     * Records what Slack's OAuth v2 install returned: the workspace becomes (or stays) a community, the person
     * who installed it one of its admins, and the installation active with its token sealed. Installing again
     * (new scopes, or after removing the app) replaces the token and reactivates it.
     */
    async saveSlackInstallation(input: SlackInstallationInput): Promise<{ communityId: string; installer: Actor }> {
      const data = parseInput(slackInstallationInput, input, "INSTALLATION.INVALID");
      const cipher = requireCipher();
      const { tenantId, name } = installedWorkspaceOf(data);
      const { communityId } = await communities.register({ platform: "slack", externalId: tenantId, name });
      const installer = await accounts.registerFromIdentity({
        provider: "slack",
        tenantId,
        subject: data.installer.id,
        username: data.installer.username,
        displayName: data.installer.displayName,
      });
      await communities.syncMember({ communityId, userId: installer.userId, role: "admin" });
      // Each step above is idempotent and the installation is written last: if anything fails, Slack's retry
      // of the install completes it, and an active installation always has its installer as an admin.
      const fields = {
        appId: data.appId,
        botId: data.bot.id,
        botUserId: data.bot.userId,
        botToken: cipher.seal(data.bot.token, sealContextOf(communityId)),
        botScopes: scopesText(data.bot.scopes),
        tokenType: data.tokenType,
        enterpriseId: data.enterprise?.id ?? null,
        isEnterpriseInstall: data.isEnterpriseInstall,
        installedBy: data.installer.id,
        installedAt: clock.now(),
        deactivatedAt: null,
        deactivatedReason: null,
      };
      await db.$transaction((tx) =>
        tx.communityInstallation.upsert({ where: { communityId }, create: { communityId, ...fields }, update: fields }),
      );
      return { communityId, installer: { userId: installer.userId } };
    },

    /**
     * The working installation a Slack request belongs to, token opened (Bolt's fetchInstallation). Missing or
     * deactivated: INSTALLATION.NOT_FOUND, and Bolt refuses the request.
     */
    async slackInstallationFor(ref: SlackWorkspaceInput): Promise<SlackInstallationView> {
      const tenantId = slackTenantOf(parseInput(slackWorkspaceInput, ref, "INSTALLATION.INVALID"));
      const community = tenantId === null ? null : await slackCommunityOf(tenantId);
      const installation = community?.installation ?? null;
      if (tenantId === null || community === null || installation === null || installation.deactivatedAt !== null)
        throw notFound("INSTALLATION.NOT_FOUND", "installation.not_found");
      const token = requireCipher().open(installation.botToken, sealContextOf(community.id));
      return {
        communityId: community.id,
        tenantId,
        team: installation.isEnterpriseInstall ? null : { id: tenantId, name: community.name },
        enterprise: installation.enterpriseId === null ? null : { id: installation.enterpriseId },
        isEnterpriseInstall: installation.isEnterpriseInstall,
        appId: installation.appId,
        tokenType: "bot",
        bot: {
          token,
          id: installation.botId,
          userId: installation.botUserId,
          scopes: scopesOf(installation.botScopes),
        },
        installedBy: installation.installedBy,
        installedAt: installation.installedAt,
      };
    },

    /**
     * The app was removed from a workspace (`app_uninstalled`) or its bot token revoked (`tokens_revoked`): the
     * installation stops working and its dead token is wiped; every other row stays. Repeating it, or an event
     * for a workspace without an installation (single-workspace mode), changes nothing.
     */
    async deactivateSlackInstallation(ref: SlackWorkspaceInput, event: Deactivation): Promise<void> {
      const tenantId = slackTenantOf(parseInput(slackWorkspaceInput, ref, "INSTALLATION.INVALID"));
      const happened = parseInput(deactivationInput, event, "INSTALLATION.INVALID");
      if (tenantId === null) return;
      await db.$transaction(async (tx) => {
        const community = await tx.community.findUnique({
          where: { platform_externalId: { platform: "slack", externalId: tenantId } },
          select: {
            id: true,
            installation: { select: { botUserId: true, deactivatedAt: true, deactivatedReason: true } },
          },
        });
        const installation = community?.installation ?? null;
        if (community === null || installation === null) return;
        const reason = reasonAfter(installation, happened);
        if (reason === null) return;
        await tx.communityInstallation.update({
          where: { communityId: community.id },
          data: { botToken: "", deactivatedAt: installation.deactivatedAt ?? clock.now(), deactivatedReason: reason },
        });
      });
    },

    /**
     * Single-workspace mode (SLACK_BOT_TOKEN): the workspace auth.test names becomes a community with no
     * installation record, since the token lives in configuration. Says which tenant its people's identities use.
     */
    async ensureSlackWorkspace(
      input: z.input<typeof slackWorkspaceFields>,
    ): Promise<{ communityId: string; tenantId: string }> {
      const data = parseInput(slackWorkspaceFields, input, "INSTALLATION.INVALID");
      const { communityId } = await communities.register({
        platform: "slack",
        externalId: data.teamId,
        name: data.name,
      });
      return { communityId, tenantId: data.teamId };
    },
  };
}

export type InstallationsService = ReturnType<typeof createInstallationsService>;
