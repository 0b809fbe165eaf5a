import type { WeeklySlot } from "./types.js";

export const weekdayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

/** "18", "18:30", "6pm", "6:30pm" → minutes after midnight; "24" is the end of the day. */
export function parseClock(text: string): number | null {
  const match = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$/i.exec(text.trim());
  if (match === null) return null;
  let hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  const meridiem = match[3]?.toLowerCase();
  if (meridiem !== undefined) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (meridiem === "pm" ? 12 : 0);
  }
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
}

export function parseWeekday(text: string): number | null {
  const index = weekdayNames.indexOf(text.trim().toLowerCase().slice(0, 3) as (typeof weekdayNames)[number]);
  return index === -1 ? null : index;
}

/** Parses what people type in a bot: "Tue 18-20", "sat 9:30am-12", "Wed 18:00–21:30". */
export function parseSlot(text: string): WeeklySlot | null {
  const match = /^\s*([a-z]+)\.?\s+([0-9:apm\s]+?)\s*[-–—]\s*([0-9:apm\s]+?)\s*$/i.exec(text);
  if (match === null) return null;
  const weekday = parseWeekday(match[1] ?? "");
  const startMinute = parseClock(match[2] ?? "");
  const endMinute = parseClock(match[3] ?? "");
  if (weekday === null || startMinute === null || endMinute === null || startMinute >= endMinute) return null;
  return { weekday, startMinute, endMinute };
}

const clock = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

export function formatSlot(slot: WeeklySlot): string {
  const day = weekdayNames[slot.weekday] ?? "?";
  return `${day[0]?.toUpperCase()}${day.slice(1)} ${clock(slot.startMinute)}–${clock(slot.endMinute)}`;
}

/** A slot as input parses it (day, start, end) as it is stored. */
export function weeklySlotOf(slot: { readonly day: number; readonly start: number; readonly end: number }): WeeklySlot {
  return { weekday: slot.day, startMinute: slot.start, endMinute: slot.end };
}

/** Sorts slots and merges those that touch or overlap, so storage and overlap maths see one slot per stretch. */
export function mergeSlots(slots: readonly WeeklySlot[]): WeeklySlot[] {
  const sorted = [...slots].sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute);
  const merged: WeeklySlot[] = [];
  for (const slot of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && last.weekday === slot.weekday && slot.startMinute <= last.endMinute) {
      merged[merged.length - 1] = { ...last, endMinute: Math.max(last.endMinute, slot.endMinute) };
    } else {
      merged.push(slot);
    }
  }
  return merged;
}
