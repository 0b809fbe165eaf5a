import { describe, expect, it } from "vitest";
import {
  cellsFromSlots,
  clockOf,
  emptyCells,
  rowsPerDay,
  slotsFromCells,
  slotsOutsideGrid,
  withCell,
} from "./weekly-slots.js";

const tuesday = 2;
const row = (clock: string) => {
  const [hours = 0, minutes = 0] = clock.split(":").map(Number);
  return (hours * 60 + minutes - 360) / 30;
};

describe("the availability grid's cells and the API's weekly slots", () => {
  it("shows 06:00 to 23:00 in half hours: 34 rows a day, seven days", () => {
    expect(rowsPerDay).toBe(34);
    expect(emptyCells()).toHaveLength(7);
    expect(clockOf(row("18:30") * 30 + 360)).toBe("18:30");
  });

  it("marks the cells a slot covers as free, and a cell it only partly covers too", () => {
    const cells = cellsFromSlots([{ weekday: tuesday, startMinute: 18 * 60 + 15, endMinute: 19 * 60 }]);
    expect(cells[tuesday]?.[row("18:00")]).toBe(true);
    expect(cells[tuesday]?.[row("18:30")]).toBe(true);
    expect(cells[tuesday]?.[row("19:00")]).toBe(false);
    expect(cells[tuesday - 1]?.[row("18:00")]).toBe(false);
  });

  it("turns each run of free cells into one slot", () => {
    let cells = emptyCells();
    for (const clock of ["18:00", "18:30", "19:00", "21:00"]) cells = withCell(cells, tuesday, row(clock), true);
    cells = withCell(cells, 0, row("06:00"), true);
    expect(slotsFromCells(cells)).toEqual([
      { weekday: 0, startMinute: 360, endMinute: 390 },
      { weekday: tuesday, startMinute: 1080, endMinute: 1170 },
      { weekday: tuesday, startMinute: 1260, endMinute: 1290 },
    ]);
  });

  it("gives back the slots it was given when nothing is changed (half-hour slots inside the grid)", () => {
    const slots = [
      { weekday: 1, startMinute: 7 * 60, endMinute: 9 * 60 + 30 },
      { weekday: 6, startMinute: 10 * 60, endMinute: 23 * 60 },
    ];
    expect(slotsFromCells(cellsFromSlots(slots), slotsOutsideGrid(slots))).toEqual(slots);
  });

  it("keeps the parts of slots the grid does not show, joined to the cells they touch", () => {
    const slots = [
      { weekday: 5, startMinute: 22 * 60, endMinute: 24 * 60 },
      { weekday: 3, startMinute: 5 * 60, endMinute: 6 * 60 },
    ];
    expect(slotsOutsideGrid(slots)).toEqual([
      { weekday: 5, startMinute: 23 * 60, endMinute: 24 * 60 },
      { weekday: 3, startMinute: 5 * 60, endMinute: 6 * 60 },
    ]);
    expect(slotsFromCells(cellsFromSlots(slots), slotsOutsideGrid(slots))).toEqual([
      { weekday: 3, startMinute: 5 * 60, endMinute: 6 * 60 },
      { weekday: 5, startMinute: 22 * 60, endMinute: 24 * 60 },
    ]);
  });

  it("frees and clears one cell without touching the others", () => {
    const cells = withCell(emptyCells(), tuesday, 3, true);
    expect(cells[tuesday]?.[3]).toBe(true);
    expect(withCell(cells, tuesday, 3, true)).toBe(cells);
    expect(withCell(cells, tuesday, 3, false).flat().some(Boolean)).toBe(false);
  });
});
