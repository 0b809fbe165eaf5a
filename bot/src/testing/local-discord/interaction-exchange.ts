import {
  InteractionResponseType,
  type APIApplicationCommandOptionChoice,
  type APIInteraction,
  type APIMessage,
  type APIModalInteractionResponseCallbackData,
} from "discord.js";
import {
  isDeferral,
  type CallbackAttempt,
  type InteractionRecord,
  type InteractionReply,
} from "./interaction-record.js";

/**
 * One delivery of an interaction and what the bot did about it. `first` is the bot's first callback after
 * this delivery; `settled()` is the message the person finally sees.
 */
export interface InteractionExchange {
  readonly id: string;
  readonly token: string;
  /** The exact payload delivered, to redeliver it or POST it to an HTTP endpoint. */
  readonly payload: APIInteraction;
  readonly first: Promise<InteractionReply>;
  /**
   * The visible message once the bot is done: the reply itself, or for a deferral (type 5 or 6) the message
   * after the bot's first edit of `@original` (or a follow-up, which Discord turns into that edit).
   * Rejects for callbacks that are not messages (autocomplete, modal): use `choices()` / `modal()`.
   */
  settled(): Promise<APIMessage>;
  /** The autocomplete choices the bot offered (callback type 8). */
  choices(): Promise<APIApplicationCommandOptionChoice[]>;
  /** The modal the bot opened (callback type 9). */
  modal(): Promise<APIModalInteractionResponseCallbackData>;
  /** The original response as it reads now, after every edit so far. */
  original(): APIMessage | undefined;
  /** Follow-up messages sent so far on the interaction's token. */
  followUps(): readonly APIMessage[];
  /** Waits until the bot has sent at least `count` follow-ups. */
  untilFollowUps(count: number): Promise<readonly APIMessage[]>;
  /** Every callback the bot sent for this interaction, including ones Discord refused (40060). */
  attempts(): readonly CallbackAttempt[];
}

/** An exchange that watches the record from now on: `first` is the next callback the bot sends. */
export function openExchange(record: InteractionRecord, timeoutMs: number): InteractionExchange {
  const from = record.attempts.length;
  const attempt = record.until(() => record.attempts[from], timeoutMs, "the bot's callback");
  const first = attempt.then((a) => a.reply);
  // A test that only checks side effects never awaits `first`; its timeout must not become an unhandled rejection.
  first.catch(() => undefined);

  return {
    id: record.payload.id,
    token: record.payload.token,
    payload: record.payload,
    first,
    settled: async () => settle(record, await attempt, timeoutMs),
    choices: async () => {
      const { response } = await attempt;
      if (response.type === InteractionResponseType.ApplicationCommandAutocompleteResult) {
        return response.data.choices ?? [];
      }
      throw unexpected(response.type, "autocomplete choices (8)");
    },
    modal: async () => {
      const { response } = await attempt;
      if (response.type === InteractionResponseType.Modal) return response.data;
      throw unexpected(response.type, "a modal (9)");
    },
    original: () => record.original,
    followUps: () => [...record.followUps],
    untilFollowUps: (count) =>
      record.until(
        () => (record.followUps.length >= count ? [...record.followUps] : undefined),
        timeoutMs,
        `${count} follow-up(s)`,
      ),
    attempts: () => [...record.attempts],
  };
}

const notMessages = new Set([
  InteractionResponseType.ApplicationCommandAutocompleteResult,
  InteractionResponseType.Modal,
]);

async function settle(record: InteractionRecord, attempt: CallbackAttempt, timeoutMs: number): Promise<APIMessage> {
  const { reply } = attempt;
  if (notMessages.has(reply.type)) throw unexpected(reply.type, "a message; use choices() or modal()");
  if (!isDeferral(reply)) {
    if (record.original === undefined) throw unexpected(reply.type, "a message");
    return record.original;
  }
  return record.until(
    () => (record.originalEdits > attempt.editsBefore ? record.original : undefined),
    timeoutMs,
    "the edit that ends the deferral",
  );
}

function unexpected(type: InteractionResponseType, wanted: string): Error {
  return new Error(`the bot answered with callback type ${type}, not ${wanted}`);
}
