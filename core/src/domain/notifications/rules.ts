import type { Tx } from "../../infra/prisma/database.js";
import { effectiveNotificationSettings } from "../profiles/rules.js";
import {
  notificationChannels,
  notificationKinds,
  type NotificationChannel,
  type NotificationKind,
  type NotificationSetting,
} from "../profiles/types.js";

/** A NotificationPreference row as the database hands it back: kind and channel are plain strings. */
export interface StoredNotificationPreference {
  readonly kind: string;
  readonly channel: string;
  readonly enabled: boolean;
}

const isKind = (value: string): value is NotificationKind => (notificationKinds as readonly string[]).includes(value);
const isChannel = (value: string): value is NotificationChannel =>
  (notificationChannels as readonly string[]).includes(value);

/**
 * A person's switches with the defaults filled in. Rows naming a kind or channel this release does not know
 * (one retired, or written by a newer release) are ignored rather than failing a notification handler.
 */
export function notificationSettingsOf(stored: readonly StoredNotificationPreference[]): NotificationSetting[] {
  const known = stored.flatMap((row) => {
    const { kind, channel } = row;
    return isKind(kind) && isChannel(channel) ? [{ kind, channel, enabled: row.enabled }] : [];
  });
  return effectiveNotificationSettings(known);
}

/**
 * Whether a notification of `kind` goes to `channel` for the person whose rows these are: their own switch
 * when they set one, otherwise the product default (platform and dashboard on, email opt-in).
 */
export function deliversTo(
  stored: readonly StoredNotificationPreference[],
  kind: NotificationKind,
  channel: NotificationChannel,
): boolean {
  return notificationSettingsOf(stored).some((s) => s.kind === kind && s.channel === channel && s.enabled);
}

/** Every channel a notification of `kind` goes to, in the order platform, email, dashboard. */
export function channelsFor(
  stored: readonly StoredNotificationPreference[],
  kind: NotificationKind,
): NotificationChannel[] {
  return notificationSettingsOf(stored)
    .filter((s) => s.kind === kind && s.enabled)
    .map((s) => s.channel);
}

/**
 * The stored preferences of the given people, for a notification handler deciding where to deliver. Takes a
 * transaction because core reads and writes through one (see infra/prisma/database.ts on SQLite).
 */
export async function notificationPreferencesOf(
  tx: Tx,
  userIds: readonly string[],
): Promise<Map<string, StoredNotificationPreference[]>> {
  const byUser = new Map<string, StoredNotificationPreference[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await tx.notificationPreference.findMany({
    where: { userId: { in: [...userIds] } },
    select: { userId: true, kind: true, channel: true, enabled: true },
  });
  for (const { userId, ...preference } of rows) byUser.get(userId)?.push(preference);
  return byUser;
}

/** A platform channel carrying a conversation: one participant's own (a DM), or shared by all (a thread). */
export interface ConversationChannelRef {
  readonly userId: string | null;
  readonly platform: string;
}

/**
 * Who among a conversation's participants already sees its messages in a platform channel, so a chat-bot
 * notification of a new message would say it twice: a channel bound to one person reaches them; a shared
 * one (a private thread) reaches every participant with an account on that platform. The dashboard still
 * counts the message as unread; only the chat notification is spared.
 */
export function seenInConversationChannels(
  channels: readonly ConversationChannelRef[],
  platformsOf: ReadonlyMap<string, readonly string[]>,
): Set<string> {
  const seen = new Set<string>();
  for (const channel of channels) {
    if (channel.userId !== null) seen.add(channel.userId);
    else for (const [userId, platforms] of platformsOf) if (platforms.includes(channel.platform)) seen.add(userId);
  }
  return seen;
}
