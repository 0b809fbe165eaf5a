import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * How far a signed request's X-Slack-Request-Timestamp may be from our clock, either way. The signature proves
 * Slack sent these bytes, not when: without a window, bytes captured once could be replayed for ever. Bolt's own
 * check only refuses the past; a timestamp in the future is refused here too, as Discord's endpoint does. Inside
 * the window core's inbox remembers each delivery (INBOX_RETENTION_MS, far longer), so a replay runs nothing.
 */
export const SLACK_REQUEST_WINDOW_MS = 5 * 60 * 1000;

// Slack sends whole Unix seconds; anything else (a date, a float, a negative number) is refused.
const UNIX_SECONDS = /^[0-9]{1,12}$/;
const SIGNATURE = /^v0=([0-9a-f]{64})$/;

export interface SignedRequest {
  readonly signingSecret: string;
  /** The body exactly as it arrived: the signature covers these bytes, not a re-serialisation of them. */
  readonly rawBody: Buffer;
  /** X-Slack-Signature: "v0=" and the hex HMAC-SHA256. */
  readonly signature: string | undefined;
  /** X-Slack-Request-Timestamp: Unix seconds. */
  readonly timestamp: string | undefined;
}

/** v0 = hex(HMAC-SHA256(signing secret, "v0:<timestamp>:<raw body>")), as Slack computes it. */
export function slackSignatureOf(signingSecret: string, timestamp: string, rawBody: Buffer | string): string {
  const hmac = createHmac("sha256", signingSecret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(rawBody);
  return `v0=${hmac.digest("hex")}`;
}

/** True when Slack signed these bytes with this secret at a time within SLACK_REQUEST_WINDOW_MS of `now`. */
export function isSignedBySlack(request: SignedRequest, now: Date): boolean {
  const { timestamp, signature } = request;
  if (timestamp === undefined || !UNIX_SECONDS.test(timestamp)) return false;
  if (Math.abs(now.getTime() - Number(timestamp) * 1000) > SLACK_REQUEST_WINDOW_MS) return false;
  const given = SIGNATURE.exec(signature ?? "")?.[1];
  if (given === undefined) return false;
  const expected = slackSignatureOf(request.signingSecret, timestamp, request.rawBody).slice("v0=".length);
  // Compared in constant time, so how much of a forged signature matches cannot be learned from timings.
  return timingSafeEqual(Buffer.from(given, "hex"), Buffer.from(expected, "hex"));
}
