import type { IncomingMessage } from "node:http";
import { SlackApiError } from "./web-api-errors.js";

/** A Web API call's arguments as Slack reads them: form fields (all strings) or a JSON object. */
export type MethodArgs = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads a request body the way Slack does: @slack/web-api sends `application/x-www-form-urlencoded` (objects
 * such as `view` and `blocks` JSON-encoded inside a field), other clients send JSON with a Bearer token.
 * Query-string arguments count too, as on Slack.
 */
export async function readArgs(request: IncomingMessage, query: URLSearchParams): Promise<MethodArgs> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  const args: Record<string, unknown> = Object.fromEntries(query);
  if (text === "") return args;
  if ((request.headers["content-type"] ?? "").includes("application/json")) {
    const parsed = parseJson(text);
    if (!isRecord(parsed)) throw new SlackApiError("invalid_json");
    return { ...args, ...parsed };
  }
  return { ...args, ...Object.fromEntries(new URLSearchParams(text)) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A string argument, or undefined when absent or empty (Slack treats `channel=` as no channel). */
export function optionalString(args: MethodArgs, name: string): string | undefined {
  const value = args[name];
  if (typeof value === "number") return String(value);
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** A string argument Slack requires; its absence is refused with the code Slack uses for that method. */
export function requiredString(args: MethodArgs, name: string, missing = "invalid_arguments"): string {
  const value = optionalString(args, name);
  if (value === undefined) throw new SlackApiError(missing);
  return value;
}

/** A boolean flag, sent as `true`/`1` in a form or as a JSON boolean. */
export function flag(args: MethodArgs, name: string): boolean {
  const value = args[name];
  return value === true || value === "true" || value === "1" || value === 1;
}

export function optionalNumber(args: MethodArgs, name: string): number | undefined {
  const value = args[name];
  const n = typeof value === "number" ? value : typeof value === "string" && value !== "" ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** An object argument (`view`, `blocks`): a JSON value in a JSON body, a JSON-encoded string in a form. */
export function jsonArg(args: MethodArgs, name: string): unknown {
  const value = args[name];
  if (typeof value !== "string") return value;
  const parsed = parseJson(value);
  if (parsed === undefined)
    throw new SlackApiError("invalid_arguments", { response_metadata: { messages: [`[ERROR] invalid ${name}`] } });
  return parsed;
}
