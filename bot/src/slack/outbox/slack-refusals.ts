import { ErrorCode } from "@slack/web-api";
import { unlessRefusedBy } from "../../chat/refusals.js";

/**
 * Slack's answers meaning the bot cannot reach that place or person (a conversation gone or archived, a person
 * deactivated or with DMs from apps turned off). Retrying will not change them, so relays move on; anything
 * else (5xx, network, a revoked token) is thrown for the outbox to retry.
 */
const refusals: ReadonlySet<string> = new Set([
  "channel_not_found",
  "is_archived",
  "not_in_channel",
  "user_not_found",
  "user_disabled",
  "cannot_dm_bot",
  "messages_tab_disabled",
  "restricted_action",
]);

export function isRefusal(error: unknown): boolean {
  if (!(error instanceof Error) || !("code" in error) || error.code !== ErrorCode.PlatformError) return false;
  const answer = "data" in error && typeof error.data === "object" && error.data !== null ? error.data : {};
  return "error" in answer && typeof answer.error === "string" && refusals.has(answer.error);
}

export const unlessRefused = unlessRefusedBy(isRefusal);
