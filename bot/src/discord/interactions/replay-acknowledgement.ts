import {
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  type APIInteraction,
  type APIInteractionResponse,
} from "discord.js";

/**
 * The answer to a request that replays an interaction already claimed, when the transport must answer
 * something (HTTP). Such a request is either someone resending bytes Discord signed a moment ago (the answer
 * goes back to them and must do and tell nothing) or a retry by a proxy between Discord and us, whose first
 * try never reached Discord: then Discord waits on this answer.
 *
 * A deferral fits both: it is a valid first response for every kind of interaction that is claimed, it shows
 * nothing in the channel (a button's message stays as it is; a command shows "thinking…" only to the person),
 * and the first delivery's handling, if still running, edits it into its real answer. An error would make
 * Discord say "interaction failed" about a command that did run, and a sentence ("already done") would be one
 * more message shown for something the person did once.
 */
export function replayAcknowledgement(interaction: APIInteraction): APIInteractionResponse {
  if (interaction.type === InteractionType.MessageComponent)
    return { type: InteractionResponseType.DeferredMessageUpdate };
  return { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } };
}
