import { createHmac, randomBytes } from "node:crypto";

/**
 * Requests as Slack sends them to `/slack/events`, signed with an app's signing secret, for tests that drive
 * the real Bolt app over HTTP. Built from Slack's documentation (docs.slack.dev, "Verifying requests from
 * Slack"), not from the bot's own code, so the receiver is checked against Slack and not against itself.
 */

/** A body as Slack sends it, with the headers that go with it (retries), before signing. */
export interface SlackDelivery {
  readonly contentType: "application/x-www-form-urlencoded" | "application/json";
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** Ready for `fetch(url, { method: "POST", ...request })` or Fastify's `inject({ payload: body, headers })`. */
export interface SignedSlackRequest {
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** Whole Unix seconds, as X-Slack-Request-Timestamp carries them. */
export const unixSeconds = (at: Date = new Date()) => Math.floor(at.getTime() / 1000);

/**
 * The signature headers Slack adds: X-Slack-Request-Timestamp, and X-Slack-Signature = "v0=" and the hex
 * HMAC-SHA256 of "v0:<timestamp>:<raw body>" keyed by the signing secret.
 */
export function signSlackBody(
  signingSecret: string,
  rawBody: string,
  timestampSeconds: number = unixSeconds(),
): Record<string, string> {
  const timestamp = String(timestampSeconds);
  const digest = createHmac("sha256", signingSecret).update(`v0:${timestamp}:${rawBody}`).digest("hex");
  return { "x-slack-request-timestamp": timestamp, "x-slack-signature": `v0=${digest}` };
}

/** A delivery signed as Slack signs it: at `timestampSeconds` (now by default) and with `signingSecret`. */
export function signedSlackRequest(
  signingSecret: string,
  delivery: SlackDelivery,
  timestampSeconds?: number,
): SignedSlackRequest {
  return {
    body: delivery.body,
    headers: {
      "content-type": delivery.contentType,
      ...delivery.headers,
      ...signSlackBody(signingSecret, delivery.body, timestampSeconds),
    },
  };
}

/** A trigger id shaped like Slack's ("<digits>.<digits>.<hex>"): new for every action a person takes. */
export function triggerId(): string {
  return `${Date.now()}.${randomBytes(4).readUInt32BE()}.${randomBytes(16).toString("hex")}`;
}

/** The fields of a slash command; what a test leaves out is filled as Slack would. */
export interface SlashCommandFields {
  readonly text: string;
  readonly userId: string;
  readonly teamId: string;
  readonly command?: string;
  readonly userName?: string;
  readonly teamDomain?: string;
  readonly channelId?: string;
  readonly channelName?: string;
  readonly apiAppId?: string;
  readonly triggerId?: string;
  readonly responseUrl?: string;
}

/** `/skillswap <text>` as Slack posts it: form fields, one per property of the command. */
export function slashCommand(fields: SlashCommandFields): SlackDelivery {
  const form = new URLSearchParams({
    token: "deprecated-verification-token",
    team_id: fields.teamId,
    team_domain: fields.teamDomain ?? "skillswap-friends",
    channel_id: fields.channelId ?? "C0SWAPS001",
    channel_name: fields.channelName ?? "general",
    user_id: fields.userId,
    user_name: fields.userName ?? "maya.k",
    command: fields.command ?? "/skillswap",
    text: fields.text,
    api_app_id: fields.apiAppId ?? "A0SKILLSWAP",
    is_enterprise_install: "false",
    response_url: fields.responseUrl ?? `https://hooks.slack.com/commands/${fields.teamId}/1/${randomHex()}`,
    trigger_id: fields.triggerId ?? triggerId(),
  });
  return { contentType: "application/x-www-form-urlencoded", body: form.toString(), headers: {} };
}

/**
 * Interactivity (buttons, forms, shortcuts) and options requests: one form field, `payload`, holding the JSON
 * (see `slack-payloads.ts` for their shapes).
 */
export function interaction(payload: object): SlackDelivery {
  const form = new URLSearchParams({ payload: JSON.stringify(payload) });
  return { contentType: "application/x-www-form-urlencoded", body: form.toString(), headers: {} };
}

export interface EventCallbackOptions {
  readonly eventId: string;
  readonly teamId: string;
  readonly apiAppId?: string;
  /** Unix seconds; now by default. */
  readonly eventTime?: number;
  /** Who installed the app: the bot user Slack delivers the event to. */
  readonly botUserId?: string;
  /** Set on Slack's retries of an event it thinks was missed: 1, 2, 3. */
  readonly retryNum?: number;
  readonly retryReason?: "http_timeout" | "http_error" | "too_many_redirects" | "connection_failed";
}

/** An Events API delivery: the event in its `event_callback` envelope, as JSON; a retry carries its headers. */
export function eventCallback(event: { readonly type: string }, options: EventCallbackOptions): SlackDelivery {
  const envelope = {
    token: "deprecated-verification-token",
    team_id: options.teamId,
    api_app_id: options.apiAppId ?? "A0SKILLSWAP",
    event,
    type: "event_callback",
    event_id: options.eventId,
    event_time: options.eventTime ?? unixSeconds(),
    authorizations: [
      {
        enterprise_id: null,
        team_id: options.teamId,
        user_id: options.botUserId ?? "U0SKILLBOT",
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${randomHex()}`,
  };
  const retry =
    options.retryNum === undefined
      ? {}
      : {
          "x-slack-retry-num": String(options.retryNum),
          "x-slack-retry-reason": options.retryReason ?? "http_timeout",
        };
  return { contentType: "application/json", body: JSON.stringify(envelope), headers: retry };
}

/** The Events API checking its request URL: it expects the challenge back. */
export function urlVerification(challenge: string): SlackDelivery {
  const body = JSON.stringify({ token: "deprecated-verification-token", challenge, type: "url_verification" });
  return { contentType: "application/json", body, headers: {} };
}

function randomHex(): string {
  return randomBytes(12).toString("hex");
}
