import type { Platform } from "../communities/types.js";
import type { DeactivationReason } from "./rules.js";

/**
 * A working Slack installation, token opened, in the shape Bolt's InstallationStore.fetchInstallation returns.
 * Only the Slack door's authorize step reads it; nothing here is ever shown to a person.
 */
export interface SlackInstallationView {
  readonly communityId: string;
  /** What the workspace's people's Slack identities are keyed by (see slackTenantOf). */
  readonly tenantId: string;
  /** The workspace; null for an org-wide install, which covers every workspace of its enterprise. */
  readonly team: { readonly id: string; readonly name: string } | null;
  readonly enterprise: { readonly id: string } | null;
  readonly isEnterpriseInstall: boolean;
  readonly appId: string;
  readonly tokenType: "bot";
  readonly bot: {
    readonly token: string;
    readonly id: string;
    readonly userId: string;
    readonly scopes: readonly string[];
  };
  /** The Slack user id of whoever installed it. */
  readonly installedBy: string;
  readonly installedAt: Date;
}

/** One installation as operators see it (`skillswap doctor`): never its token. */
export interface InstallationOverview {
  readonly communityId: string;
  readonly platform: Platform;
  /** The workspace's team id, or the enterprise's for an org-wide install. */
  readonly externalId: string;
  readonly name: string;
  readonly enterpriseId: string | null;
  readonly isEnterpriseInstall: boolean;
  readonly appId: string;
  readonly botUserId: string;
  readonly scopes: readonly string[];
  readonly installedBy: string;
  /** When the installation in force was made: installing again (new scopes, after removal) renews it. */
  readonly installedAt: Date;
  readonly active: boolean;
  readonly deactivatedAt: Date | null;
  readonly deactivatedReason: DeactivationReason | null;
}
