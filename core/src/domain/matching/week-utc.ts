import type { WeeklySlot } from "../skills/types.js";
import { offsetMinutesAt } from "../shared/local-time.js";
import type { UtcInterval } from "./types.js";

const week = 7 * 24 * 60;

// Offsets change at most hourly (on the hour, in zones with whole-hour offsets), so they are cached by hour.
const offsets = new Map<string, number>();

/** Minutes the zone is ahead of UTC at `at` (Paris in winter: 60), as matching compares whole weeks. */
export function utcOffsetMinutes(timeZone: string, at: Date): number {
  const key = `${timeZone}|${Math.floor(at.getTime() / 3_600_000)}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  const offset = offsetMinutesAt(timeZone, at);
  if (offsets.size > 10_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

/**
 * Local weekly slots → minute-of-week intervals in UTC, split where they wrap past Saturday midnight, sorted
 * and merged. The offset is taken at `at` (today): a schedule is compared as it stands this week.
 */
export function weekInUtc(slots: readonly WeeklySlot[], timeZone: string, at: Date): UtcInterval[] {
  // Many people give no times: nothing to convert (and an index build makes no arrays for them).
  if (slots.length === 0) return [];
  const offset = utcOffsetMinutes(timeZone, at);
  const pieces: UtcInterval[] = [];
  for (const slot of slots) {
    const start = (((slot.weekday * 1440 + slot.startMinute - offset) % week) + week) % week;
    const end = start + (slot.endMinute - slot.startMinute);
    if (end <= week) pieces.push({ start, end });
    else pieces.push({ start, end: week }, { start: 0, end: end - week });
  }
  pieces.sort((a, b) => a.start - b.start);
  const merged: UtcInterval[] = [];
  for (const piece of pieces) {
    const last = merged.at(-1);
    if (last !== undefined && piece.start <= last.end)
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, piece.end) };
    else merged.push(piece);
  }
  return merged;
}

const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

/** "Tue 18:00–20:00 UTC" */
export function formatUtcInterval(interval: UtcInterval): string {
  const day = Math.floor(interval.start / 1440);
  const endMinute = interval.end - day * 1440;
  return `${days[day] ?? "?"} ${hhmm(interval.start % 1440)}–${hhmm(Math.min(endMinute, 1440))} UTC`;
}
