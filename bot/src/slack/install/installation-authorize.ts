import type { Authorize } from "@slack/bolt";
import type { Services } from "@skillswap/core";

/** What authorize adds to Bolt's context beyond the token: the community and tenant the request belongs to. */
export interface InstalledWorkspace {
  readonly communityId: string;
  readonly tenantId: string;
}

/**
 * Multi-workspace mode: each request is served with the token of the installation it comes from, as core
 * keeps it. A workspace that never installed, removed the app or had its token revoked has none: core says
 * NotFound, Bolt refuses the request and no listener runs.
 */
export function installationAuthorize(
  installations: Pick<Services["installations"], "slackInstallationFor">,
): Authorize<boolean> {
  return async (source) => {
    const installed = await installations.slackInstallationFor({
      teamId: source.teamId ?? null,
      enterpriseId: source.enterpriseId ?? null,
      isEnterpriseInstall: source.isEnterpriseInstall,
    });
    const workspace: InstalledWorkspace = { communityId: installed.communityId, tenantId: installed.tenantId };
    return {
      botToken: installed.bot.token,
      botId: installed.bot.id,
      botUserId: installed.bot.userId,
      ...(source.teamId === undefined ? {} : { teamId: source.teamId }),
      ...(installed.enterprise === null ? {} : { enterpriseId: installed.enterprise.id }),
      ...workspace,
    };
  };
}
