import {
  ApplicationFlags,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildVerificationLevel,
  Locale,
  type GatewayGuildCreateDispatchData,
  type GatewayGuildMembersChunkDispatchData,
  type GatewayReadyDispatchData,
  type GuildSystemChannelFlags,
} from "discord.js";
import { flagBits } from "./flags.js";
import type { LocalGuild } from "./guild-state.js";
import { memberPayload, userPayload, type LocalUser } from "./payloads.js";
import type { ShardPlace } from "./shards.js";

// An unverified bot with the privileged intents switched on in the portal carries the "limited" flags.
const applicationFlags = flagBits<ApplicationFlags>(
  ApplicationFlags.GatewayGuildMembersLimited | ApplicationFlags.GatewayMessageContentLimited,
);

export interface ReadyInput {
  readonly bot: LocalUser;
  readonly sessionId: string;
  readonly resumeUrl: string;
  readonly shard: ShardPlace;
  /** The guilds of this session's shard, whose GUILD_CREATE follows. */
  readonly guildIds: readonly string[];
}

/** READY: who the bot is, which guilds are coming to this shard, and where to resume. */
export function readyPayload(input: ReadyInput): GatewayReadyDispatchData {
  return {
    v: 10,
    user: userPayload(input.bot),
    guilds: input.guildIds.map((id) => ({ id, unavailable: true })),
    session_id: input.sessionId,
    resume_gateway_url: input.resumeUrl,
    shard: [...input.shard],
    application: { id: input.bot.id, flags: applicationFlags, flags_new: String(applicationFlags) },
  };
}

/** GUILD_CREATE: the whole guild as the bot may see it, roles included so discord.js can compute permissions. */
export function guildCreatePayload(guild: LocalGuild, systemChannelId: string): GatewayGuildCreateDispatchData {
  const members = guild.allMembers();
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.owner.id,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    mfa_level: GuildMFALevel.None,
    nsfw_level: GuildNSFWLevel.Default,
    premium_tier: GuildPremiumTier.None,
    premium_progress_bar_enabled: false,
    preferred_locale: Locale.EnglishUS,
    application_id: null,
    system_channel_id: systemChannelId,
    system_channel_flags: flagBits<GuildSystemChannelFlags>(0),
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    hub_type: null,
    incidents_data: null,
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: members.length,
    roles: guild.roles(),
    emojis: [],
    stickers: [],
    features: [],
    channels: guild.guildChannels(),
    threads: guild.threads().filter((thread) => thread.thread_metadata?.archived !== true),
    members: members.map(memberPayload),
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** GUILD_MEMBERS_CHUNK answering a Request Guild Members (op 8), by user ids or by name prefix. */
export function membersChunk(
  guild: LocalGuild,
  request: Readonly<Record<string, unknown>>,
): GatewayGuildMembersChunkDispatchData {
  const ids = Array.isArray(request.user_ids)
    ? request.user_ids
    : typeof request.user_ids === "string"
      ? [request.user_ids]
      : undefined;
  const query = typeof request.query === "string" ? request.query.toLowerCase() : "";
  const limit = typeof request.limit === "number" && request.limit > 0 ? request.limit : Infinity;
  const members = guild
    .allMembers()
    .filter((m) => (ids === undefined ? m.user.username.toLowerCase().startsWith(query) : ids.includes(m.user.id)))
    .slice(0, limit);
  return {
    guild_id: guild.id,
    members: members.map(memberPayload),
    chunk_index: 0,
    chunk_count: 1,
    ...(ids === undefined ? {} : { not_found: ids.filter((id) => guild.member(String(id)) === undefined) }),
    ...(typeof request.nonce === "string" ? { nonce: request.nonce } : {}),
  };
}
