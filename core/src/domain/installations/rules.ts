/** Why an installation stopped: the app was removed, or the bot's token was revoked. */
export type DeactivationReason = "uninstalled" | "tokens_revoked";

/**
 * What the platform said happened. `tokens_revoked` lists the users whose tokens died: it may name only people
 * who signed in with the app, in which case the bot still works.
 */
export type Deactivation =
  { readonly reason: "uninstalled" } | { readonly reason: "tokens_revoked"; readonly botUserIds: readonly string[] };

/** Which installation a Slack request belongs to, as Bolt's InstallationQuery names it. */
export interface SlackWorkspaceRef {
  readonly teamId?: string | null | undefined;
  readonly enterpriseId?: string | null | undefined;
  readonly isEnterpriseInstall?: boolean | undefined;
}

/**
 * The Slack id a workspace's community, installation and people's identities are keyed by. An org-wide install
 * covers every workspace of an Enterprise Grid, and its user ids are the same across them: the enterprise's id.
 * Any other install, a workspace inside a grid included: the workspace's (team) id. Null when the request names
 * neither, so nothing can be found for it.
 */
export function slackTenantOf(ref: SlackWorkspaceRef): string | null {
  if (ref.isEnterpriseInstall === true) return ref.enterpriseId ?? null;
  return ref.teamId ?? null;
}

/**
 * The reason an installation is recorded as inactive for after `event`, or null when nothing changes: a revoked
 * token of someone other than the bot, or a repeat. Slack sends `tokens_revoked` and then `app_uninstalled` when
 * an app is removed; the uninstall is the more telling of the two, so it replaces the revocation, never the
 * reverse.
 */
export function reasonAfter(
  installation: { readonly botUserId: string; readonly deactivatedReason: string | null },
  event: Deactivation,
): DeactivationReason | null {
  if (event.reason === "tokens_revoked" && !event.botUserIds.includes(installation.botUserId)) return null;
  if (installation.deactivatedReason === null) return event.reason;
  if (installation.deactivatedReason === "tokens_revoked" && event.reason === "uninstalled") return "uninstalled";
  return null;
}

/** Scopes as the platform lists them (Slack: "chat:write,commands"), and as they are stored. */
export const scopesText = (scopes: readonly string[]) => [...new Set(scopes)].sort().join(",");
export const scopesOf = (text: string) => (text === "" ? [] : text.split(","));

/** A stored reason, read back; anything else was never written by this code and counts as none. */
export function deactivationReasonOf(text: string | null): DeactivationReason | null {
  return text === "uninstalled" || text === "tokens_revoked" ? text : null;
}

/** Workspace admins and owners (users.info's is_admin / is_owner) are the community's admins. */
export function slackMemberRole(user: { readonly isAdmin?: boolean; readonly isOwner?: boolean }): "admin" | "member" {
  return user.isAdmin === true || user.isOwner === true ? "admin" : "member";
}
