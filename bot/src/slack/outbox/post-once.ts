import type { SlackMessage } from "../renderers/block-kit.js";
import type { SlackPoster } from "./slack-relay-context.js";

/** The key core's record of sends keeps a posted message under: its `ts`, for whoever changes it later. */
export const postedMessageKey = (channelId: string, key: string): string => `message/${channelId}/${key}`;

/**
 * Posts a message once, however many times and however late the outbox delivers its event. Slack has no
 * nonce and does not deduplicate bot posts at all, so core's record of sends is the only memory: it is looked
 * up before posting (by a key made from the channel and what is relayed), and written with the message's `ts`
 * as soon as Slack answers, before the handler goes on to anything that may fail.
 *
 * The window left is a worker stopping (or the database failing) between Slack's answer and the record: the
 * retry then posts again and the person reads it twice. Reading the channel back would need the history
 * scopes (`mpim:history`, `im:history`) only to settle that rare case, and a retry comes as soon as a worker
 * runs, so it is accepted, as the same window is for Discord (post-once.ts there). Returns the message's ts.
 * The message is mrkdwn text, or Block Kit with its text as what notifications and old clients show.
 * With `threadTs`, it is a reply in the thread of that top-level message.
 */
export async function postOnce(
  { core, client }: SlackPoster,
  channelId: string,
  key: string,
  message: string | SlackMessage,
  threadTs?: string,
): Promise<string> {
  const sendKey = postedMessageKey(channelId, key);
  const earlier = await core.services.sends.lookup("slack", sendKey);
  if (earlier?.status === "sent") return earlier.externalId;
  const posted = await client.chat.postMessage({
    channel: channelId,
    ...(typeof message === "string" ? { text: message } : message),
    ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
    // The text carries people's own words and links (escaped by its renderer): nobody is pinged by name and
    // nothing they pasted unfolds into a preview in someone else's conversation.
    link_names: false,
    unfurl_links: false,
    unfurl_media: false,
  });
  if (posted.ts === undefined) throw new Error(`Slack answered chat.postMessage in ${channelId} without a ts.`);
  await core.services.sends.record("slack", sendKey, posted.ts);
  return posted.ts;
}
