/**
 * What a signed request to `/slack/events` asks for, read from its raw bytes:
 * - `ssl_check`: Slack checking the certificate of a slash command's URL; answered 200, nothing else done.
 * - `url_verification`: Slack checking the Events API URL; answered with its challenge.
 * - `dispatch`: a command, an interaction, an options request or an event, for the Bolt app.
 */
export type SlackRequestBody =
  | { readonly kind: "ssl_check" }
  | { readonly kind: "url_verification"; readonly challenge: string }
  | { readonly kind: "dispatch"; readonly body: SlackBody };

/** A request body as Bolt takes it: any JSON object; Bolt and its listeners read the fields they know. */
export type SlackBody = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is SlackBody {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// bot does not depend on zod: the two shapes read here are checked by hand, the rest is Bolt's to read.
function challengeOf(body: SlackBody): string | undefined {
  const { type, challenge } = body;
  const fits = type === "url_verification" && typeof challenge === "string" && challenge.length <= 200;
  return fits ? challenge : undefined;
}

/**
 * Slash commands come as form fields; interactivity and options requests as one form field, `payload`, holding
 * JSON; events as a JSON body. Undefined for anything else (malformed JSON, a body that is not an object).
 */
export function readSlackBody(rawBody: Buffer, contentType: string | undefined): SlackRequestBody | undefined {
  const text = rawBody.toString("utf8");
  let parsed: unknown;
  if (contentType?.startsWith("application/x-www-form-urlencoded") === true) {
    const fields = new URLSearchParams(text);
    if (fields.get("ssl_check") === "1") return { kind: "ssl_check" };
    const payload = fields.get("payload");
    parsed = payload === null ? Object.fromEntries(fields) : parseJson(payload);
  } else if (contentType?.startsWith("application/json") === true) {
    parsed = parseJson(text);
  }
  if (!isObject(parsed)) return undefined;
  const challenge = challengeOf(parsed);
  return challenge === undefined ? { kind: "dispatch", body: parsed } : { kind: "url_verification", challenge };
}
