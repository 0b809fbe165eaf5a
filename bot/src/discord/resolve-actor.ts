import { PermissionFlagsBits, type ChatInputCommandInteraction } from "discord.js";
import type { Actor, Core } from "@skillswap/core";

export type BotCore = Pick<Core, "services">;

/**
 * The SkillSwap person behind an interaction, created on their first command, and the guild as a community
 * they belong to. Every command goes through here once, before it runs.
 */
export async function resolveActor(core: BotCore, interaction: ChatInputCommandInteraction): Promise<Actor> {
  const { user } = interaction;
  const account = await core.services.accounts.registerFromIdentity({
    provider: "discord",
    subject: user.id,
    username: user.username,
    displayName: user.globalName ?? user.username,
  });
  const actor: Actor = { userId: account.userId };
  const guild = interaction.guild;
  // A command from a DM or from a guild the bot is not in (user-installed app) has no community to join.
  if (guild !== null) {
    const { communityId } = await core.services.communities.register({
      platform: "discord",
      externalId: guild.id,
      name: guild.name,
    });
    // Discord's "Manage Server" is what makes someone a SkillSwap community admin.
    const isAdmin = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
    await core.services.communities.syncMember({
      communityId,
      userId: actor.userId,
      role: isAdmin ? "admin" : "member",
    });
  }
  return actor;
}
