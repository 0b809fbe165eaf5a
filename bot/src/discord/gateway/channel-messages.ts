import { ChannelType, GatewayDispatchEvents, type Client, type GatewayMessageCreateDispatchData } from "discord.js";
import { registerDiscordUser } from "../interactions/interaction-actor.js";
import type { GatewayContext } from "./gateway-context.js";
import { guardedBy } from "./guarded.js";

type IncomingMessage = GatewayMessageCreateDispatchData;

/** Messages SkillSwap stores: a person's words, not a bot's (ours included), a webhook's or a system notice. */
function isPersonSpeaking(message: IncomingMessage): boolean {
  return message.author.bot !== true && message.webhook_id === undefined && message.content.trim() !== "";
}

/** The forum channel a thread belongs to, if it is a thread of one (THREAD_CREATE put it in the cache). */
async function forumOf(client: Client, channelId: string): Promise<{ forumId: string; title: string } | null> {
  const channel = await client.channels.fetch(channelId);
  if (channel === null || !channel.isThread() || channel.parent?.type !== ChannelType.GuildForum) return null;
  return { forumId: channel.parent.id, title: channel.name };
}

/**
 * What people write on Discord where SkillSwap listens: in a swap's private thread or DM it becomes a message
 * of that conversation; in a forum channel linked to a group, a new post becomes a thread of the group's
 * forum and a message in it a reply. Each is stored under the Discord message id, so a replayed
 * MESSAGE_CREATE is stored once. Read from the raw payload: a thread or DM the bot has not cached yet
 * (one it just opened over REST) is still recognised.
 */
export function listenToChannelMessages(client: Client, { core, logger }: GatewayContext): void {
  const guarded = guardedBy(logger);
  const { conversations, forums, relays } = core.services;

  async function toConversation(message: IncomingMessage, conversationId: string) {
    const actor = await registerDiscordUser(core, message.author);
    await conversations.post(actor, conversationId, {
      text: message.content,
      source: "discord",
      externalId: message.id,
    });
  }

  /**
   * The author of a forum message, if they use SkillSwap. Someone who never did is not signed up by writing
   * in a server's forum (nor could they take part: only a group's members post in its forum).
   */
  async function forumAuthor(message: IncomingMessage) {
    const account = await core.services.accounts.findByIdentity("discord", "", message.author.id);
    return account === null ? null : { userId: account.userId };
  }

  async function toForum(message: IncomingMessage): Promise<void> {
    const known = await relays.forumThreadForChannel("discord", message.channel_id);
    if (known !== null) {
      const actor = await forumAuthor(message);
      if (actor === null) return;
      await forums.reply(actor, known.threadId, { body: message.content, source: "discord", externalId: message.id });
      return;
    }
    // A forum post's first message shares the post's id; any other message of an unknown thread is not ours.
    if (message.id !== message.channel_id || message.guild_id === undefined) return;
    const forum = await forumOf(client, message.channel_id);
    if (forum === null) return;
    const link = await relays.linkedChannel("discord", forum.forumId);
    if (link?.kind !== "forum") return;
    const actor = await forumAuthor(message);
    if (actor === null) return;
    await forums.startThread(actor, link.groupId, {
      title: forum.title,
      body: message.content,
      source: "discord",
      externalId: message.channel_id,
    });
  }

  client.ws.on(
    GatewayDispatchEvents.MessageCreate,
    guarded("storing a Discord message", async (message: IncomingMessage) => {
      if (!isPersonSpeaking(message)) return;
      const conversationId = await conversations.forChannel("discord", message.channel_id);
      if (conversationId !== null) await toConversation(message, conversationId);
      else if (message.guild_id !== undefined) await toForum(message);
    }),
  );
}
