import { parseSlot, type WeeklySlot } from "@skillswap/core";

export type SlotList =
  { readonly ok: true; readonly slots: readonly WeeklySlot[] } | { readonly ok: false; readonly unreadable: string };

// Words people use to say "no fixed times": they clear the list rather than fail to parse.
const clearing = new Set(["", "-", "none", "clear"]);

/** "Tue 18-20, Sat 10-12" (commas or semicolons) → weekly slots, or the first piece that is not one. */
export function parseSlotList(text: string): SlotList {
  if (clearing.has(text.trim().toLowerCase())) return { ok: true, slots: [] };
  const slots: WeeklySlot[] = [];
  for (const piece of text.split(/[,;]/)) {
    if (piece.trim() === "") continue;
    const slot = parseSlot(piece);
    if (slot === null) return { ok: false, unreadable: piece.trim() };
    slots.push(slot);
  }
  return { ok: true, slots };
}
