import { GatewayDispatchEvents, GatewayIntentBits } from "discord.js";
import { isRecord } from "./json.js";

const guildEvents = new Set<string>([
  GatewayDispatchEvents.GuildCreate,
  GatewayDispatchEvents.ChannelCreate,
  GatewayDispatchEvents.ChannelUpdate,
  GatewayDispatchEvents.ChannelDelete,
  GatewayDispatchEvents.ThreadCreate,
  GatewayDispatchEvents.ThreadUpdate,
  GatewayDispatchEvents.ThreadDelete,
  GatewayDispatchEvents.ThreadListSync,
  GatewayDispatchEvents.ThreadMemberUpdate,
  GatewayDispatchEvents.ThreadMembersUpdate,
  GatewayDispatchEvents.GuildRoleCreate,
  GatewayDispatchEvents.GuildRoleUpdate,
  GatewayDispatchEvents.GuildRoleDelete,
]);
const memberEvents = new Set<string>([
  GatewayDispatchEvents.GuildMemberAdd,
  GatewayDispatchEvents.GuildMemberUpdate,
  GatewayDispatchEvents.GuildMemberRemove,
]);
const messageEvents = new Set<string>([
  GatewayDispatchEvents.MessageCreate,
  GatewayDispatchEvents.MessageUpdate,
  GatewayDispatchEvents.MessageDelete,
]);

const contentEvents = new Set<string>([GatewayDispatchEvents.MessageCreate, GatewayDispatchEvents.MessageUpdate]);

/** The intent Discord requires before it sends this event, or undefined when every session gets it. */
export function intentRequiredFor(t: string, d: unknown): GatewayIntentBits | undefined {
  if (guildEvents.has(t)) return GatewayIntentBits.Guilds;
  if (memberEvents.has(t)) return GatewayIntentBits.GuildMembers;
  if (messageEvents.has(t)) {
    return isRecord(d) && typeof d.guild_id === "string"
      ? GatewayIntentBits.GuildMessages
      : GatewayIntentBits.DirectMessages;
  }
  return undefined;
}

/**
 * The event as a session with these intents receives it. Without Message Content, Discord blanks the
 * content, embeds, attachments and components of guild messages, except the bot's own and those that
 * mention it.
 */
export function shapeForIntents(t: string, d: unknown, intents: number, botUserId: string): unknown {
  if (!contentEvents.has(t) || !isRecord(d) || (intents & GatewayIntentBits.MessageContent) !== 0) return d;
  if (typeof d.guild_id !== "string") return d;
  const author = isRecord(d.author) ? d.author.id : undefined;
  const mentions = Array.isArray(d.mentions) ? d.mentions : [];
  const mentionsBot = mentions.some((user: unknown) => isRecord(user) && user.id === botUserId);
  if (author === botUserId || mentionsBot) return d;
  return { ...d, content: "", embeds: [], attachments: [], components: [] };
}
