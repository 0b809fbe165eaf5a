import {
  ChannelType,
  Routes,
  type APIChannel,
  type APIThreadChannel,
  type APIUser,
  type RESTGetAPIGuildThreadsResult,
} from "discord.js";
import type { RelayContext } from "./relay-context.js";

export interface ThreadToOpen {
  /** What the thread is for, as core records it: "thread/<parent channel>/<what it carries>". */
  readonly key: string;
  readonly parentId: string;
  /** The parent channel's guild, when the handler knows it; else it is read from the channel if needed. */
  readonly guildId?: string;
  /** The name it is created with, by which a retry recognises it among the guild's active threads. */
  readonly name: string;
  /** Whether a thread already carries something else (bound in core): such a thread is never taken over. */
  readonly isBound: (threadId: string) => Promise<boolean>;
  readonly create: () => Promise<APIThreadChannel>;
}

const threadTypes: readonly ChannelType[] = [
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.AnnouncementThread,
];
const isThread = (channel: APIChannel): channel is APIThreadChannel => threadTypes.includes(channel.type);

/** The guild of the thread's parent channel: known to the handler, or else read from the channel. */
async function guildOf({ rest }: Pick<RelayContext, "rest">, thread: ThreadToOpen): Promise<string | null> {
  if (thread.guildId !== undefined) return thread.guildId;
  const parent = (await rest.get(Routes.channel(thread.parentId))) as APIChannel;
  return "guild_id" in parent && parent.guild_id !== undefined ? parent.guild_id : null;
}

/**
 * A thread the bot opened under this name in this channel, bound to nothing: what an attempt that stopped
 * before its record left behind. Discord lists the guild's active threads newest first, so the newest wins.
 */
async function threadLeftBehind(context: Pick<RelayContext, "rest">, thread: ThreadToOpen): Promise<string | null> {
  const guildId = await guildOf(context, thread);
  if (guildId === null) return null;
  const [me, active] = await Promise.all([
    context.rest.get(Routes.user()) as Promise<APIUser>,
    context.rest.get(Routes.guildActiveThreads(guildId)) as Promise<RESTGetAPIGuildThreadsResult>,
  ]);
  for (const candidate of active.threads.filter(isThread)) {
    const ours = candidate.parent_id === thread.parentId && candidate.owner_id === me.id;
    if (ours && candidate.name === thread.name && !(await thread.isBound(candidate.id))) return candidate.id;
  }
  return null;
}

/**
 * Opens a thread once, however many times and however late the outbox delivers its event. Thread creation has
 * no nonce, so core notes the attempt before Discord is asked and records the thread as soon as it answers.
 * A retry that finds the record reuses that thread. One that finds only the note does not know whether Discord
 * made the thread (the worker stopped, or the database failed, between the answer and the record), so it
 * looks among the guild's active threads for one the bot made there under that name and bound to nothing, and
 * takes it; only when there is none is a thread created again. Returns the thread's id.
 */
export async function openThreadOnce(
  context: Pick<RelayContext, "core" | "rest">,
  thread: ThreadToOpen,
): Promise<string> {
  const { sends } = context.core.services;
  const earlier = await sends.lookup("discord", thread.key);
  if (earlier?.status === "sent") return earlier.externalId;
  const leftBehind = earlier === null ? null : await threadLeftBehind(context, thread);
  if (earlier === null) await sends.begin("discord", thread.key);
  const id = leftBehind ?? (await thread.create()).id;
  await sends.record("discord", thread.key, id);
  return id;
}
