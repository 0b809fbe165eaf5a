/**
 * Slack names a message by its channel and `ts` together (a ts alone repeats across channels), so core keeps
 * a Slack message, and the Slack thread hanging off it, under `<channel>:<ts>`: forum threads and replies
 * written there (their externalId) and the top-level messages the relay posted for threads (their binding).
 */
export function slackMessageRef(channelId: string, ts: string): string {
  return `${channelId}:${ts}`;
}

/** The channel and ts of a message stored by slackMessageRef; null for anything else. */
export function parseSlackMessageRef(ref: string): { channelId: string; ts: string } | null {
  const at = ref.indexOf(":");
  if (at <= 0 || at === ref.length - 1) return null;
  return { channelId: ref.slice(0, at), ts: ref.slice(at + 1) };
}
