import type {
  APIAllowedMentions,
  APIInteractionResponseCallbackData,
  APIModalInteractionResponseCallbackData,
} from "discord.js";

/** What a handler answers with; the router turns it into the right Discord response for the moment. */
export type Reply =
  /** A new message: the reply to a command, or a new message under a clicked button. */
  | { readonly kind: "message"; readonly data: APIInteractionResponseCallbackData }
  /** Rewrites the message whose button was clicked (paging, "Accepted ✓"). */
  | { readonly kind: "update"; readonly data: APIInteractionResponseCallbackData }
  /** A form to fill in; only possible as the first response, so form-opening handlers never defer. */
  | { readonly kind: "modal"; readonly data: APIModalInteractionResponseCallbackData };

// Sentences can quote what people typed; nobody should be pinged by a bot's echo of it.
const noPings = (): APIAllowedMentions => ({ parse: [] });

export type MessageReply = Extract<Reply, { kind: "message" }>;

export const message = (data: APIInteractionResponseCallbackData): MessageReply => ({
  kind: "message",
  data: { allowed_mentions: noPings(), ...data },
});

export const say = (content: string): MessageReply => message({ content });

export const update = (data: APIInteractionResponseCallbackData): Reply => ({
  kind: "update",
  data: { allowed_mentions: noPings(), ...data },
});

export const modal = (data: APIModalInteractionResponseCallbackData): Reply => ({ kind: "modal", data });
