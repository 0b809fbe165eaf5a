import { EventEmitter, once } from "node:events";
import {
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  MessageType,
  type APIInteraction,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  type APIMessage,
  type APIUser,
} from "discord.js";
import { editedMessage, messagePayload, type MessageDraft } from "./payloads.js";

/** The interaction callback the bot sent: `type` 4 is a reply, 5 a deferral, 8 autocomplete choices, 9 a modal. */
export interface InteractionReply {
  readonly type: InteractionResponseType;
  readonly data?: APIInteractionResponseCallbackData;
}

/** One callback the bot sent for an interaction; only the first is accepted, as on Discord. */
export interface CallbackAttempt {
  readonly reply: InteractionReply;
  /** The same callback, typed by its kind. */
  readonly response: APIInteractionResponse;
  readonly accepted: boolean;
  /** How many edits the original response had when this callback came, to tell later edits apart. */
  readonly editsBefore: number;
}

const deferrals = new Set<InteractionResponseType>([
  InteractionResponseType.DeferredChannelMessageWithSource,
  InteractionResponseType.DeferredMessageUpdate,
]);

export function isDeferral(reply: InteractionReply): boolean {
  return deferrals.has(reply.type);
}

/**
 * What Discord knows about one interaction: the callbacks the bot sent, the original response message as it
 * currently reads, and the follow-ups. Waiters are woken on every change.
 */
export class InteractionRecord {
  readonly attempts: CallbackAttempt[] = [];
  readonly followUps: APIMessage[] = [];
  original: APIMessage | undefined;
  originalEdits = 0;
  private readonly changes = new EventEmitter().setMaxListeners(0);

  constructor(
    readonly payload: APIInteraction,
    private readonly bot: APIUser,
    private readonly onComponentMessageEdited: (message: APIMessage) => void,
  ) {
    // A component's interaction responds by changing the message the component sits on.
    if ("message" in payload && payload.message !== undefined) this.original = payload.message;
  }

  get acknowledged(): boolean {
    return this.attempts.some((attempt) => attempt.accepted);
  }

  /** Records a callback; false when the interaction was already acknowledged (Discord's 40060). */
  acknowledge(reply: InteractionReply, response: APIInteractionResponse): boolean {
    const accepted = !this.acknowledged;
    this.attempts.push({ reply, response, accepted, editsBefore: this.originalEdits });
    if (accepted) this.original = this.originalAfter(reply);
    this.changed();
    return accepted;
  }

  editOriginal(draft: MessageDraft): APIMessage | undefined {
    if (this.original === undefined) return undefined;
    const loading = ((this.original.flags ?? 0) & MessageFlags.Loading) !== 0;
    // The deferral fixed whether the reply is ephemeral; the edit only ends the "thinking…" state.
    const flags = loading ? (this.original.flags ?? 0) & ~MessageFlags.Loading : draft.flags;
    this.original = editedMessage(this.original, { ...draft, ...(flags === undefined ? {} : { flags }) });
    this.originalEdits += 1;
    this.changed();
    return this.original;
  }

  deleteOriginal(): boolean {
    const existed = this.original !== undefined;
    this.original = undefined;
    this.changed();
    return existed;
  }

  followUp(draft: MessageDraft): APIMessage {
    // Discord documents this quirk: right after a type-5 deferral, a follow-up edits the loading message.
    const last = this.attempts.find((attempt) => attempt.accepted)?.reply;
    const stillLoading = ((this.original?.flags ?? 0) & MessageFlags.Loading) !== 0;
    if (last?.type === InteractionResponseType.DeferredChannelMessageWithSource && stillLoading) {
      const edited = this.editOriginal(draft);
      if (edited !== undefined) return edited;
    }
    const message = this.newMessage(draft);
    this.followUps.push(message);
    this.changed();
    return message;
  }

  editFollowUp(messageId: string, draft: MessageDraft): APIMessage | undefined {
    const index = this.followUps.findIndex((message) => message.id === messageId);
    const current = this.followUps[index];
    if (current === undefined) return undefined;
    const edited = editedMessage(current, draft);
    this.followUps[index] = edited;
    this.changed();
    return edited;
  }

  /** Resolves with the probe's first defined answer, re-asking after every change to this interaction. */
  async until<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const signal = AbortSignal.timeout(timeoutMs);
    for (;;) {
      const value = probe();
      if (value !== undefined) return value;
      try {
        await once(this.changes, "change", { signal });
      } catch {
        throw new Error(`waited ${timeoutMs}ms for ${what} of interaction ${this.payload.id}`);
      }
    }
  }

  private originalAfter(reply: InteractionReply): APIMessage | undefined {
    const data: MessageDraft = reply.data ?? {};
    switch (reply.type) {
      case InteractionResponseType.ChannelMessageWithSource:
        return this.newMessage(data);
      case InteractionResponseType.DeferredChannelMessageWithSource:
        return this.newMessage({ flags: ((data.flags ?? 0) & MessageFlags.Ephemeral) | MessageFlags.Loading });
      case InteractionResponseType.UpdateMessage:
        return this.original === undefined ? this.newMessage(data) : editedMessage(this.original, data);
      default:
        return this.original;
    }
  }

  private newMessage(draft: MessageDraft): APIMessage {
    const fromCommand = this.payload.type === InteractionType.ApplicationCommand;
    return messagePayload({
      channelId: this.payload.channel?.id ?? "",
      author: this.bot,
      draft,
      type: fromCommand ? MessageType.ChatInputCommand : MessageType.Default,
      webhookId: this.payload.application_id,
    });
  }

  private changed(): void {
    const componentMessage = "message" in this.payload ? this.payload.message : undefined;
    if (componentMessage !== undefined && this.original?.id === componentMessage.id) {
      this.onComponentMessageEdited(this.original);
    }
    this.changes.emit("change");
  }
}
