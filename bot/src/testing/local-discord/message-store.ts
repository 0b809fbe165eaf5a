import type { APIMessage } from "discord.js";

/** Every message in every channel, oldest first, and the nonces Discord would remember for deduplication. */
export class MessageStore {
  private readonly byChannel = new Map<string, APIMessage[]>();
  private readonly nonces = new Map<string, APIMessage>();

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
    if (message.nonce !== undefined) this.nonces.set(nonceKey(message.channel_id, message.nonce), message);
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

  /** The message already sent in this channel with this nonce, if any. */
  withNonce(channelId: string, nonce: string | number): APIMessage | undefined {
    const message = this.nonces.get(nonceKey(channelId, nonce));
    return message === undefined ? undefined : this.find(channelId, message.id);
  }
}

function nonceKey(channelId: string, nonce: string | number): string {
  return `${channelId}:${String(nonce)}`;
}
