import type { APIMessage } from "discord.js";

/** How long Discord remembers a nonce sent with enforce_nonce, on a clock a test can move. */
export interface NonceMemory {
  readonly windowMs: number;
  readonly now: () => number;
}

/** The message a nonce was first sent with: where it went, and when. */
export interface RememberedNonce {
  readonly channelId: string;
  readonly messageId: string;
  readonly at: number;
}

/** Every message in every channel, oldest first, and the nonces Discord would remember for deduplication. */
export class MessageStore {
  private readonly byChannel = new Map<string, APIMessage[]>();
  private readonly nonces = new Map<string, RememberedNonce>();

  constructor(private readonly nonceMemory: NonceMemory) {}

  list(channelId: string): APIMessage[] {
    return [...(this.byChannel.get(channelId) ?? [])];
  }

  find(channelId: string, messageId: string): APIMessage | undefined {
    return this.byChannel.get(channelId)?.find((message) => message.id === messageId);
  }

  /** Stores a message once: a second add with the same id (a replayed event) keeps the first. */
  add(message: APIMessage): void {
    const messages = this.byChannel.get(message.channel_id) ?? [];
    this.byChannel.set(message.channel_id, messages);
    if (messages.some((m) => m.id === message.id)) return;
    messages.push(message);
    if (message.nonce === undefined) return;
    const remembered = { channelId: message.channel_id, messageId: message.id, at: this.nonceMemory.now() };
    this.nonces.set(nonceKey(message.author.id, message.nonce), remembered);
  }

  replace(message: APIMessage): void {
    const messages = this.byChannel.get(message.channel_id) ?? [];
    const index = messages.findIndex((m) => m.id === message.id);
    if (index >= 0) messages[index] = message;
  }

  remove(channelId: string, messageId: string): boolean {
    const messages = this.byChannel.get(channelId) ?? [];
    const index = messages.findIndex((m) => m.id === messageId);
    if (index < 0) return false;
    messages.splice(index, 1);
    return true;
  }

  /**
   * The message this sender created with this nonce in the past few minutes, wherever they sent it: Discord
   * dedupes enforce_nonce by sender, not by channel, and forgets a nonce `windowMs` after its message.
   */
  recentNonce(authorId: string, nonce: string | number): RememberedNonce | undefined {
    const remembered = this.nonces.get(nonceKey(authorId, nonce));
    if (remembered === undefined || this.nonceMemory.now() - remembered.at >= this.nonceMemory.windowMs)
      return undefined;
    return remembered;
  }
}

function nonceKey(authorId: string, nonce: string | number): string {
  return `${authorId}:${String(nonce)}`;
}
