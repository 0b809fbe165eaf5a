import {
  Events,
  PermissionFlagsBits,
  type Client,
  type Guild,
  type GuildMember,
  type PartialGuildMember,
} from "discord.js";
import type { GatewayContext } from "./gateway-context.js";
import { guardedBy } from "./guarded.js";

const communityOf = (core: GatewayContext["core"], guild: Guild) =>
  core.services.communities.register({ platform: "discord", externalId: guild.id, name: guild.name });

/**
 * Membership follows the guild: a member who joins, changes permissions or leaves is mirrored in the
 * community, "Manage Server" making them its admin. Only people who already use SkillSwap are synced: joining
 * a server is not signing up, so nobody gets an account (or a profile others can see) they never asked for.
 * Their first command registers them, with the membership, as it does for everyone.
 */
export function listenToGuildMembers(client: Client, { core, logger }: GatewayContext): void {
  const guarded = guardedBy(logger);

  async function personOf(userId: string) {
    return core.services.accounts.findByIdentity("discord", "", userId);
  }

  async function sync(member: GuildMember) {
    if (member.user.bot) return;
    const account = await personOf(member.id);
    if (account === null) return;
    const { communityId } = await communityOf(core, member.guild);
    const isAdmin = member.permissions.has(PermissionFlagsBits.ManageGuild);
    await core.services.communities.syncMember({
      communityId,
      userId: account.userId,
      role: isAdmin ? "admin" : "member",
    });
  }

  async function remove(member: GuildMember | PartialGuildMember) {
    const account = await personOf(member.id);
    if (account === null) return;
    const { communityId } = await communityOf(core, member.guild);
    await core.services.communities.removeMember({ communityId, userId: account.userId });
  }

  client.on(Events.GuildMemberAdd, guarded("syncing a member who joined", sync));
  client.on(
    Events.GuildMemberUpdate,
    guarded("syncing a member's permissions", (_before, after: GuildMember) => sync(after)),
  );
  client.on(Events.GuildMemberRemove, guarded("removing a member who left", remove));
}
