/** A weekly slot as the API shows it: day 0 = Sunday … 6 = Saturday, minutes after midnight in the profile's zone. */
export interface WeeklySlot {
  readonly weekday: number;
  readonly startMinute: number;
  readonly endMinute: number;
}

/** The hours the grid shows: 06:00 to 23:00, in half-hour cells. */
export const gridStartMinute = 6 * 60;
export const gridEndMinute = 23 * 60;
export const cellMinutes = 30;
export const rowsPerDay = (gridEndMinute - gridStartMinute) / cellMinutes;

/** Free cells by weekday (0 = Sunday), then by row (0 = 06:00–06:30). */
export type FreeCells = readonly (readonly boolean[])[];

const dayMinutes = 24 * 60;

export const emptyCells = (): FreeCells => Array.from({ length: 7 }, () => Array<boolean>(rowsPerDay).fill(false));

export const rowStartMinute = (row: number): number => gridStartMinute + row * cellMinutes;

/** "18:00", "06:30"; 1440 reads "24:00". */
export function clockOf(minute: number): string {
  const hours = Math.floor(minute / 60);
  return `${String(hours).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/**
 * The cells a person's slots make free. A cell a slot only partly covers counts as free: the grid's half hours
 * are the finest it can show, and a person who said "18:15" meant to be there around then.
 */
export function cellsFromSlots(slots: readonly WeeklySlot[]): FreeCells {
  const cells = emptyCells().map((day) => [...day]);
  for (const slot of slots) {
    const day = cells[slot.weekday];
    if (day === undefined) continue;
    for (let row = 0; row < rowsPerDay; row++) {
      const start = rowStartMinute(row);
      if (slot.startMinute < start + cellMinutes && slot.endMinute > start) day[row] = true;
    }
  }
  return cells;
}

/**
 * The parts of slots the grid cannot show (before 06:00, after 23:00): kept as they are when the grid is saved,
 * so a night owl's 23:30 does not vanish because the grid stops at 23:00.
 */
export function slotsOutsideGrid(slots: readonly WeeklySlot[]): WeeklySlot[] {
  return slots.flatMap((slot) => {
    const parts: WeeklySlot[] = [];
    if (slot.startMinute < gridStartMinute)
      parts.push({ ...slot, endMinute: Math.min(slot.endMinute, gridStartMinute) });
    if (slot.endMinute > gridEndMinute) parts.push({ ...slot, startMinute: Math.max(slot.startMinute, gridEndMinute) });
    return parts;
  });
}

/** Slots sorted by day and start, touching or overlapping ones merged into one. */
export function mergeSlots(slots: readonly WeeklySlot[]): WeeklySlot[] {
  const sorted = [...slots].sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute);
  const merged: WeeklySlot[] = [];
  for (const slot of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && last.weekday === slot.weekday && slot.startMinute <= last.endMinute)
      merged[merged.length - 1] = { ...last, endMinute: Math.max(last.endMinute, slot.endMinute) };
    else merged.push(slot);
  }
  return merged;
}

/** The weekly slots the free cells make, one per run of free cells, with `kept` (slots off the grid) merged in. */
export function slotsFromCells(cells: FreeCells, kept: readonly WeeklySlot[] = []): WeeklySlot[] {
  const fromCells = cells.flatMap((day, weekday) =>
    day.flatMap((free, row) =>
      free ? [{ weekday, startMinute: rowStartMinute(row), endMinute: rowStartMinute(row) + cellMinutes }] : [],
    ),
  );
  return mergeSlots([...fromCells, ...kept]).filter((slot) => slot.endMinute <= dayMinutes);
}

/** The cells with one of them set to `free`. */
export function withCell(cells: FreeCells, weekday: number, row: number, free: boolean): FreeCells {
  if (cells[weekday]?.[row] === free) return cells;
  return cells.map((day, index) => (index === weekday ? day.map((cell, r) => (r === row ? free : cell)) : day));
}
