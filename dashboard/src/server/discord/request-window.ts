/**
 * How far a signed request's X-Signature-Timestamp may be from our clock, either way: 5 minutes, as Slack
 * does. The signature proves Discord sent these bytes, not when; without a window, bytes captured once (a
 * proxy's log, a leaked capture) could be replayed for ever. Inside it, the inbox remembers each interaction id
 * (INBOX_RETENTION_MS, far longer than the window), so a replay there runs nothing either.
 */
export const DISCORD_REQUEST_WINDOW_MS = 5 * 60 * 1000;

// Discord sends whole Unix seconds; anything else (a date, a float, a negative number, "NaN") is refused.
const UNIX_SECONDS = /^[0-9]{1,12}$/;

/** True when `timestamp` is whole Unix seconds within DISCORD_REQUEST_WINDOW_MS of `now`. */
export function isWithinRequestWindow(timestamp: string | undefined, now: Date): boolean {
  if (timestamp === undefined || !UNIX_SECONDS.test(timestamp)) return false;
  return Math.abs(now.getTime() - Number(timestamp) * 1000) <= DISCORD_REQUEST_WINDOW_MS;
}
