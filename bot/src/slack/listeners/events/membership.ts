import type { App, Context } from "@slack/bolt";
import { slackMemberRole, type Services } from "@skillswap/core";
import type { InstalledWorkspace } from "../../install/installation-authorize.js";
import { registerInstallationLifecycleListeners } from "./installation-lifecycle.js";

/** A Slack user as team_join, user_change and users.info carry one: only what membership needs. */
interface SlackPerson {
  readonly id: string;
  readonly deleted?: boolean | undefined;
  readonly is_admin?: boolean | undefined;
  readonly is_owner?: boolean | undefined;
  readonly is_bot?: boolean | undefined;
}

export type MembershipServices = Pick<Services, "accounts" | "communities" | "installations">;

/**
 * The installed workspace the request was authorized for (see installationAuthorize), or null in
 * single-workspace mode, whose token comes from configuration and names no community.
 */
function installedWorkspaceOf(context: Context): InstalledWorkspace | null {
  const { communityId, tenantId } = context;
  return typeof communityId === "string" && typeof tenantId === "string" ? { communityId, tenantId } : null;
}

/**
 * Membership follows the workspace: people who join, change (made admin, deactivated) or join a channel are
 * mirrored in its community, workspace admins and owners as its admins. As on Discord, only people who already
 * use SkillSwap are synced: joining a workspace is not signing up, so nobody gets an account (or a profile
 * others can see) they never asked for; their first command registers them with the membership.
 */
export function registerSlackMembershipListeners(app: App, services: MembershipServices): void {
  async function follow(context: Context, person: SlackPerson): Promise<void> {
    const workspace = installedWorkspaceOf(context);
    if (workspace === null || person.is_bot === true) return;
    const account = await services.accounts.findByIdentity("slack", workspace.tenantId, person.id);
    if (account === null) return;
    const membership = { communityId: workspace.communityId, userId: account.userId };
    // A deactivated Slack account has left the workspace; their SkillSwap account and history stay.
    if (person.deleted === true) await services.communities.removeMember(membership);
    else
      await services.communities.syncMember({
        ...membership,
        role: slackMemberRole({ isAdmin: person.is_admin === true, isOwner: person.is_owner === true }),
      });
  }

  app.event("team_join", ({ event, context }) => follow(context, event.user));
  app.event("user_change", ({ event, context }) => follow(context, event.user));
  app.event("member_joined_channel", async ({ event, context, client }) => {
    if (installedWorkspaceOf(context) === null) return;
    // The event names the person only; whether they administer the workspace is users.info's to say.
    const { user } = await client.users.info({ user: event.user });
    if (user?.id !== undefined) await follow(context, { ...user, id: user.id });
  });
  registerInstallationLifecycleListeners(app, services.installations);
}
