import { PermissionFlagsBits, type APIInteraction, type APIUser } from "discord.js";
import type { Actor } from "@skillswap/core";
import type { BotCore, InteractionCommunity } from "./handlers.js";

export interface ResolvedPerson {
  readonly actor: Actor;
  readonly community: InteractionCommunity | null;
}

/** Finds a guild's name when a payload does not carry it (HTTP interactions never do). */
export type GuildNames = (guildId: string) => Promise<string>;

/** The person behind an interaction: a member in a guild, a user in a direct message. */
export function discordUserOf(interaction: APIInteraction): APIUser {
  const user = interaction.member?.user ?? interaction.user;
  // Discord sends one of the two on every interaction a person causes; only PING has neither.
  if (user === undefined) throw new Error(`interaction ${interaction.id} has no user`);
  return user;
}

/** Whether the member may manage the guild, from the permissions Discord computed for this interaction. */
export function canManageGuild(interaction: APIInteraction): boolean {
  const permissions = interaction.member?.permissions;
  return permissions !== undefined && (BigInt(permissions) & PermissionFlagsBits.ManageGuild) !== 0n;
}

/** The SkillSwap person behind a Discord user, registered on the spot the first time (interactions, messages). */
export async function registerDiscordUser(
  core: BotCore,
  user: Pick<APIUser, "id" | "username" | "global_name">,
): Promise<Actor> {
  const account = await core.services.accounts.registerFromIdentity({
    provider: "discord",
    subject: user.id,
    username: user.username,
    displayName: user.global_name ?? user.username,
  });
  return { userId: account.userId };
}

interface CachedPerson extends ResolvedPerson {
  readonly until: number;
}

// Resolving writes three rows' worth of upserts; a person typically runs a few commands in a row.
const cacheForMs = 5 * 60_000;
const cacheLimit = 10_000;

/**
 * Turns Discord identities into SkillSwap people: the person is registered on their first interaction, the
 * guild becomes a community they belong to, and "Manage Server" makes them its admin. Kept for a few minutes
 * per (user, guild, admin) so a burst of commands does not re-write the same rows; a change of permission is
 * a different key, so it is written at once.
 */
export function createPersonResolver(core: BotCore, guildNames: GuildNames, now: () => number = Date.now) {
  const cache = new Map<string, CachedPerson>();

  async function resolve(interaction: APIInteraction): Promise<ResolvedPerson> {
    const user = discordUserOf(interaction);
    const guildId = interaction.guild_id ?? null;
    const isAdmin = guildId !== null && canManageGuild(interaction);
    const key = `${user.id}/${guildId ?? ""}/${isAdmin ? "admin" : "member"}`;
    const cached = cache.get(key);
    if (cached !== undefined && cached.until > now()) return cached;

    const actor = await registerDiscordUser(core, user);
    let community: InteractionCommunity | null = null;
    // A command from a DM, or from a guild that only user-installed the app, has no community to join.
    if (guildId !== null) {
      const { communityId } = await core.services.communities.register({
        platform: "discord",
        externalId: guildId,
        name: await guildNames(guildId),
      });
      await core.services.communities.syncMember({
        communityId,
        userId: actor.userId,
        role: isAdmin ? "admin" : "member",
      });
      community = { communityId, guildId, isAdmin };
    }
    if (cache.size >= cacheLimit) cache.clear();
    const resolved = { actor, community, until: now() + cacheForMs };
    cache.set(key, resolved);
    return resolved;
  }

  return { resolve, forget: () => cache.clear() };
}

export type PersonResolver = ReturnType<typeof createPersonResolver>;
