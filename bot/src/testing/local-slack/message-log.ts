/** A message as conversations.history returns it (the fields the app sends, plus Slack's own). */
export interface SlackMessage {
  readonly type: "message";
  readonly ts: string;
  readonly channel: string;
  readonly user: string;
  readonly bot_id?: string;
  readonly app_id?: string;
  readonly team: string;
  readonly text: string;
  readonly blocks?: unknown;
  readonly attachments?: unknown;
  readonly metadata?: unknown;
  /** Set on a thread's parent (equal to its own ts) and on each reply. */
  readonly thread_ts?: string;
  readonly reply_count?: number;
  readonly reply_users?: readonly string[];
  readonly latest_reply?: string;
  readonly edited?: { readonly user: string; readonly ts: string };
}

/** What a person alone saw: chat.postEphemeral's messages are never stored in the channel. */
export interface EphemeralMessage {
  readonly channel: string;
  readonly user: string;
  readonly message_ts: string;
  readonly text: string;
  readonly blocks?: unknown;
  readonly thread_ts?: string;
}

/** Every channel's messages, oldest first, with thread replies kept apart from the channel's own messages. */
export class MessageLog {
  private readonly byChannel = new Map<string, SlackMessage[]>();
  readonly ephemerals: EphemeralMessage[] = [];

  /** The channel as people scroll it: top-level messages (thread parents show their reply count), oldest first. */
  channel(channelId: string): SlackMessage[] {
    return this.all(channelId).filter((m) => m.thread_ts === undefined || m.thread_ts === m.ts);
  }

  /** A thread's replies, oldest first, without the parent. */
  replies(channelId: string, threadTs: string): SlackMessage[] {
    return this.all(channelId).filter((m) => m.thread_ts === threadTs && m.ts !== threadTs);
  }

  find(channelId: string, ts: string): SlackMessage | undefined {
    return this.all(channelId).find((m) => m.ts === ts);
  }

  /** Stores a message; a reply also updates its parent's reply_count, reply_users and latest_reply. */
  add(message: SlackMessage): void {
    const messages = this.all(message.channel);
    messages.push(message);
    this.byChannel.set(message.channel, messages);
    const threadTs = message.thread_ts;
    if (threadTs === undefined || threadTs === message.ts) return;
    const parent = this.find(message.channel, threadTs);
    if (parent === undefined) return;
    const replyUsers = [...new Set([...(parent.reply_users ?? []), message.user])];
    this.replace({
      ...parent,
      thread_ts: parent.ts,
      reply_count: (parent.reply_count ?? 0) + 1,
      reply_users: replyUsers,
      latest_reply: message.ts,
    });
  }

  replace(message: SlackMessage): void {
    const messages = this.all(message.channel);
    const index = messages.findIndex((m) => m.ts === message.ts);
    if (index >= 0) messages[index] = message;
  }

  remove(channelId: string, ts: string): void {
    const messages = this.all(channelId);
    this.byChannel.set(
      channelId,
      messages.filter((m) => m.ts !== ts),
    );
  }

  private all(id: string): SlackMessage[] {
    return this.byChannel.get(id) ?? [];
  }
}
