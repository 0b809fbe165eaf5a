import { slackMemberRole, slackTenantOf } from "@skillswap/core";
import type { WebClient } from "@slack/web-api";
import type { ChatContext, ChatCore, PickedPerson } from "../../chat/context.js";

/** Who acted and in which workspace, as every Slack request names them. */
export interface SlackRequester {
  readonly userId: string;
  readonly teamId: string;
  readonly enterpriseId?: string | undefined;
  readonly isEnterpriseInstall?: boolean | undefined;
}

/** The person as a chat context, and the tenant their workspace's people are known by. */
export interface SlackPerson {
  readonly context: ChatContext;
  readonly tenantId: string;
}

interface CachedPerson extends SlackPerson {
  readonly until: number;
}

// Resolving asks Slack who the person is and writes their membership; a person runs a few commands in a row.
const cacheForMs = 5 * 60_000;
const cacheLimit = 10_000;

async function slackUserOf(client: WebClient, userId: string) {
  const { user } = await client.users.info({ user: userId });
  return {
    username: user?.name ?? userId,
    displayName: user?.profile?.display_name || user?.real_name || user?.name || userId,
    role: slackMemberRole({ isAdmin: user?.is_admin === true, isOwner: user?.is_owner === true }),
  };
}

/**
 * Turns Slack identities into SkillSwap people: the person is registered on their first request, the workspace
 * becomes (or stays) a community they belong to, and workspace admins and owners are its admins. Kept for a few
 * minutes per (workspace, person), like Discord's resolver, so a burst of clicks does not re-ask Slack.
 */
export function createSlackPeople(core: ChatCore, now: () => number = Date.now) {
  const people = new Map<string, CachedPerson>();
  const communities = new Map<string, Promise<{ communityId: string }>>();

  function communityOf(client: WebClient, teamId: string) {
    const known = communities.get(teamId);
    if (known !== undefined) return known;
    const found = client.team
      .info()
      .then(({ team }) => core.services.installations.ensureSlackWorkspace({ teamId, name: team?.name ?? teamId }));
    communities.set(teamId, found);
    // A failed ask is asked again by the next request rather than remembered.
    found.catch(() => communities.delete(teamId));
    return found;
  }

  async function resolve(client: WebClient, requester: SlackRequester): Promise<SlackPerson> {
    const key = `${requester.teamId}/${requester.userId}`;
    const cached = people.get(key);
    if (cached !== undefined && cached.until > now()) return cached;
    const tenantId = slackTenantOf(requester) ?? requester.teamId;
    const [user, { communityId }] = await Promise.all([
      slackUserOf(client, requester.userId),
      communityOf(client, requester.teamId),
    ]);
    const account = await core.services.accounts.registerFromIdentity({
      provider: "slack",
      tenantId,
      subject: requester.userId,
      username: user.username,
      displayName: user.displayName,
    });
    const actor = { userId: account.userId };
    await core.services.communities.syncMember({ communityId, userId: actor.userId, role: user.role });
    const context: ChatContext = {
      core,
      actor,
      name: user.displayName,
      community: { communityId, isAdmin: user.role === "admin" },
    };
    if (people.size >= cacheLimit) people.clear();
    const resolved = { context, tenantId, until: now() + cacheForMs };
    people.set(key, resolved);
    return resolved;
  }

  /** Someone picked in a user option: their handle, null when they never used SkillSwap (looking never registers). */
  async function picked(client: WebClient, tenantId: string, slackUserId: string): Promise<PickedPerson> {
    const [account, user] = await Promise.all([
      core.services.accounts.findByIdentity("slack", tenantId, slackUserId),
      slackUserOf(client, slackUserId),
    ]);
    return { handle: account?.handle ?? null, name: user.displayName };
  }

  return { resolve, picked };
}

export type SlackPeople = ReturnType<typeof createSlackPeople>;
