import type { IncomingMessage } from "node:http";
import { DiscordHttpError } from "./discord-errors.js";

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text === "") return null;
  if (!(request.headers["content-type"] ?? "").includes("application/json")) return text;
  return JSON.parse(text) as unknown;
}

/**
 * A request body read as the REST type discord.js sends. Like Discord, the harness trusts field types and
 * checks only what Discord would reject (limits, missing fields); a body that is not a JSON object (a
 * multipart upload) is refused outright rather than misread.
 */
export function jsonBody<T extends object>(body: unknown): Partial<T> {
  if (!isRecord(body)) throw new DiscordHttpError(400, 50109, "The request body contains invalid JSON.");
  return body as Partial<T>;
}
