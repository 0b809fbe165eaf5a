import type { SlackBody } from "./request-body.js";

// Slack's ids are short (`Ev…`, `13345224609.738474920.8088930838d88f008e0`); the bound keeps a hostile id out of
// core's inbox, whose key takes 200 characters.
const MAX_ID_LENGTH = 150;

const INVALID = Symbol("not an id");

/** The field as an id: absent → undefined; present but not a short non-empty string → INVALID. */
function idField(holder: unknown, key: string): string | undefined | typeof INVALID {
  if (typeof holder !== "object" || holder === null) return undefined;
  const value: unknown = (holder as Record<string, unknown>)[key];
  if (value === undefined) return undefined;
  return typeof value === "string" && value.length > 0 && value.length <= MAX_ID_LENGTH ? value : INVALID;
}

/**
 * The id under which a delivery is claimed in core's inbox, so that a retry or a replayed request runs once;
 * `null` when the delivery is never claimed; undefined when the body carries an id that cannot be one.
 *
 * - Events: their `event_id`. Slack retries an event it thinks we missed (X-Slack-Retry-Num) with the same id,
 *   and Bolt never deduplicates.
 * - Commands, button clicks, form submissions and shortcuts: their `trigger_id`. Slack mints one for every
 *   action a person takes, so it names that action, and a replayed request carries the same one. Action
 *   timestamps are not unique across people, and a view's id stays the same across its submissions.
 * - A closed form (`view_closed`) has no trigger: its view's id and hash, which change with every update.
 * - Options requests (`block_suggestion`) are never claimed: they only read, and a person typing the same
 *   letters twice must get the options twice.
 */
export function deliveryIdOf(body: SlackBody): string | null | undefined {
  if (body.type === "block_suggestion") return null;
  const eventId = idField(body, "event_id");
  const triggerId = idField(body, "trigger_id");
  const viewId = idField(body.view, "id");
  const viewHash = idField(body.view, "hash");
  if (eventId === INVALID || triggerId === INVALID || viewId === INVALID || viewHash === INVALID) return undefined;
  if (body.type === "event_callback") return eventId === undefined ? undefined : `event:${eventId}`;
  if (triggerId !== undefined) return `trigger:${triggerId}`;
  if (viewId !== undefined && viewHash !== undefined) return `view:${viewId}:${viewHash}`;
  return null;
}
