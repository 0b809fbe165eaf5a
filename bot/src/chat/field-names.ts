import { DomainError, isDomainError, type FieldError } from "@skillswap/core";
import type { CommandName } from "../commands/definitions.js";

/**
 * Core names the fields of its inputs ("startsAt"); a person knows the options they filled in ("when"). Per
 * command, core's field (the first part of its path) → the option's name in the command table. Fields named
 * alike on both sides need no entry; forms name their fields as core does.
 */
const optionNames: ReadonlyMap<string, Readonly<Record<string, string>>> = new Map<
  CommandName,
  Readonly<Record<string, string>>
>([
  ["session schedule", { startsAt: "when", durationMinutes: "minutes", place: "where" }],
  ["swap request", { to: "user" }],
  ["skills add", { availability: "times" }],
  ["availability", { timeZone: "timezone", meetingMode: "mode" }],
  ["follow", { handle: "user" }],
  ["unfollow", { handle: "user" }],
  ["skillswap admin link-group", { channelId: "channel" }],
  ["skillswap admin unlink", { channelId: "channel" }],
  ["skillswap admin swaps-channel", { channelId: "channel" }],
]);

// "availability.0.start" is one slot of the times, which the person wrote all in one option.
const renamed = (field: string, names: Readonly<Record<string, string>>): string =>
  names[field.split(".")[0] ?? ""] ?? field;

/**
 * The same failure with its fields named by the options of `command`, so the sentence ("Some of what you
 * entered needs fixing: when.") and each field's error point at what the person filled in, on every platform.
 * Anything else is returned as it is.
 */
export function inOptionTerms(error: unknown, command: string): unknown {
  const names = optionNames.get(command);
  if (names === undefined || !isDomainError(error) || error.fields.length === 0) return error;
  const fields: FieldError[] = error.fields.map((f) => ({ ...f, field: renamed(f.field, names) }));
  const params =
    "fields" in error.params
      ? { ...error.params, fields: [...new Set(fields.map((f) => f.field))].join(", ") }
      : error.params;
  return new DomainError(error.kind, error.code, error.messageKey, params, fields);
}
