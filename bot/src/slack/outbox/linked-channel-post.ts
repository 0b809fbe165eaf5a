import { ErrorCode } from "@slack/web-api";
import { postOnce } from "./post-once.js";
import type { SlackPoster } from "./slack-relay-context.js";

/** What Slack answered a call it refused (`{ ok: false, error }`); undefined for faults (network, 5xx). */
function slackAnswerOf(error: unknown): unknown {
  if (!(error instanceof Error) || !("code" in error) || error.code !== ErrorCode.PlatformError) return undefined;
  const answer = "data" in error && typeof error.data === "object" && error.data !== null ? error.data : {};
  return "error" in answer ? answer.error : undefined;
}

/**
 * Posts once (see postOnce) in a channel an admin linked to a group. Linking a channel does not add the app to
 * it, and Slack answers not_in_channel until it is there: a public channel is joined on the first post, which
 * needs no one's invitation. A private channel cannot be joined by the app; Slack's refusal is then thrown as
 * it came, for the handler to log and skip until someone invites the app.
 */
export async function postInLinkedChannel(
  context: SlackPoster,
  channelId: string,
  key: string,
  text: string,
  threadTs?: string,
): Promise<string> {
  try {
    return await postOnce(context, channelId, key, text, threadTs);
  } catch (error) {
    if (slackAnswerOf(error) !== "not_in_channel") throw error;
    try {
      await context.client.conversations.join({ channel: channelId });
    } catch (joinError) {
      // Slack saying no (a private or archived channel) is the same refusal as before; a fault is retried.
      throw slackAnswerOf(joinError) === undefined ? joinError : error;
    }
  }
  return postOnce(context, channelId, key, text, threadTs);
}
