// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AvailabilityEditor } from "./availability-editor.js";
import { fakeAvailabilityApi } from "./testing/fake-availability-api.js";
import type { WeeklySlot } from "./weekly-slots.js";

// happy-dom lays nothing out, so the grid is given one: 40 × 20 px cells from (100, 100), Monday first.
const layout = { left: 100, top: 100, width: 40, height: 20 };

function pointOver(cell: HTMLElement) {
  return {
    clientX: layout.left + Number(cell.dataset.column) * layout.width + layout.width / 2,
    clientY: layout.top + Number(cell.dataset.row) * layout.height + layout.height / 2,
  };
}

function cellDrawnAt(x: number, y: number): Element | null {
  const column = Math.floor((x - layout.left) / layout.width);
  const row = Math.floor((y - layout.top) / layout.height);
  return document.querySelector(`[data-column="${column}"][data-row="${row}"]`);
}

/** A cell as a screen reader finds it: "Tuesday 18:00–18:30, free". */
const cell = (day: string, time: string) => screen.getByLabelText(new RegExp(`^${day} ${time}–`));

/** What a screen reader announces for every cell marked free (aria-selected), in the grid's order. */
const freeCells = () =>
  Array.from(screen.getByRole("grid").querySelectorAll('[role="gridcell"][aria-selected="true"]'), (free) =>
    free.getAttribute("aria-label"),
  );

const at = (weekday: number, from: string, to: string): WeeklySlot => {
  const minute = (clock: string) => {
    const [hours = 0, minutes = 0] = clock.split(":").map(Number);
    return hours * 60 + minutes;
  };
  return { weekday, startMinute: minute(from), endMinute: minute(to) };
};

async function openGrid(slots: WeeklySlot[] = []) {
  const api = fakeAvailabilityApi({ timeZone: "Europe/Paris", slots });
  render(<AvailabilityEditor />);
  await screen.findByRole("grid");
  return api;
}

/** Saves, and gives back the slots the server received. */
async function save(api: ReturnType<typeof fakeAvailabilityApi>) {
  fireEvent.click(screen.getByRole("button", { name: "Save availability" }));
  await screen.findByText(/^Saved:/);
  return api.savedSlots.at(-1);
}

beforeEach(() => {
  vi.spyOn(document, "elementFromPoint").mockImplementation(cellDrawnAt);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe("painting the week with a mouse", () => {
  const mouse = { pointerId: 1, pointerType: "mouse", button: 0 };

  it("marks every half hour dragged over free, from the press to the release", async () => {
    const api = await openGrid();
    const start = cell("Tuesday", "18:00");
    fireEvent.pointerDown(start, { ...mouse, ...pointOver(start) });
    for (const time of ["18:30", "19:00", "19:30"]) {
      const over = cell("Tuesday", time);
      fireEvent.pointerMove(over, { ...mouse, ...pointOver(over) });
    }
    fireEvent.pointerUp(cell("Tuesday", "19:30"), mouse);
    const after = cell("Tuesday", "20:00");
    fireEvent.pointerMove(after, { ...mouse, ...pointOver(after) });

    expect(freeCells()).toEqual([
      "Tuesday 18:00–18:30, free",
      "Tuesday 18:30–19:00, free",
      "Tuesday 19:00–19:30, free",
      "Tuesday 19:30–20:00, free",
    ]);
    expect(screen.getByRole("status").textContent).toBe("You have unsaved changes.");
    expect(await save(api)).toEqual([at(2, "18:00", "20:00")]);
  });

  it("clears the cells dragged over when the drag starts on a free one", async () => {
    const api = await openGrid([at(2, "18:00", "20:00")]);
    const start = cell("Tuesday", "18:00");
    fireEvent.pointerDown(start, { ...mouse, ...pointOver(start) });
    const over = cell("Tuesday", "18:30");
    fireEvent.pointerMove(over, { ...mouse, ...pointOver(over) });
    fireEvent.pointerUp(over, mouse);

    expect(freeCells()).toEqual(["Tuesday 19:00–19:30, free", "Tuesday 19:30–20:00, free"]);
    expect(await save(api)).toEqual([at(2, "19:00", "20:00")]);
  });

  it("leaves the week as it was on a right click", async () => {
    await openGrid();
    const target = cell("Friday", "09:00");
    fireEvent.pointerDown(target, { ...mouse, button: 2, ...pointOver(target) });
    fireEvent.pointerUp(target, { ...mouse, button: 2 });

    expect(freeCells()).toEqual([]);
    expect(screen.getByRole("button", { name: "Save availability" }).hasAttribute("disabled")).toBe(true);
  });

  it("hands the keyboard on from the cell last pressed", async () => {
    await openGrid();
    const target = cell("Thursday", "07:00");
    fireEvent.pointerDown(target, { ...mouse, ...pointOver(target) });
    fireEvent.pointerUp(target, mouse);

    const tabStops = screen.getByRole("grid").querySelectorAll('[tabindex="0"]');
    expect(Array.from(tabStops, (stop) => stop.getAttribute("aria-label"))).toEqual(["Thursday 07:00–07:30, free"]);
  });
});

describe("painting the week with a finger", () => {
  const finger = { pointerId: 7, pointerType: "touch", isPrimary: true };
  // While a browser holds a touch's implicit capture, its moves go to the cell it started on; the grid paints the
  // cell under the finger all the same, so here every move is sent to the first cell.
  const slide = (from: HTMLElement, over: HTMLElement) =>
    fireEvent.pointerMove(from, { ...finger, ...pointOver(over) });

  it("marks the cells the finger slides over, across days too", async () => {
    const api = await openGrid();
    const start = cell("Wednesday", "09:00");
    fireEvent.pointerDown(start, { ...finger, ...pointOver(start) });
    slide(start, cell("Wednesday", "09:30"));
    slide(start, cell("Thursday", "09:30"));
    fireEvent.pointerUp(start, finger);

    expect(freeCells()).toEqual([
      "Wednesday 09:00–09:30, free",
      "Wednesday 09:30–10:00, free",
      "Thursday 09:30–10:00, free",
    ]);
    expect(await save(api)).toEqual([at(3, "09:00", "10:00"), at(4, "09:30", "10:00")]);
  });

  it("stops painting when the browser takes the touch over to scroll", async () => {
    await openGrid();
    const start = cell("Saturday", "10:00");
    fireEvent.pointerDown(start, { ...finger, ...pointOver(start) });
    fireEvent.pointerCancel(start, finger);
    slide(start, cell("Saturday", "10:30"));

    expect(freeCells()).toEqual(["Saturday 10:00–10:30, free"]);
  });
});

describe("painting the week with the keyboard", () => {
  const press = (key: string, modifiers: { shiftKey?: boolean; ctrlKey?: boolean } = {}) => {
    const focused = document.activeElement;
    if (!(focused instanceof HTMLElement)) throw new Error("nothing has the focus");
    fireEvent.keyDown(focused, { key, ...modifiers });
  };
  const focusedName = () => document.activeElement?.getAttribute("aria-label");

  it("is one Tab stop, named and explained, that starts on Monday at noon", async () => {
    await openGrid();
    const grid = screen.getByRole("grid", { name: "When you are free, every week" });
    const tabStops = grid.querySelectorAll('[tabindex="0"]');

    expect(Array.from(tabStops, (stop) => stop.getAttribute("aria-label"))).toEqual(["Monday 12:00–12:30, not free"]);
    expect(grid.getAttribute("aria-describedby")).toBe("availability-hint");
    expect(screen.getByText(/move with the arrow keys and press Space/).id).toBe("availability-hint");
  });

  it("moves the focus with the arrows, Page Up and Down, Home and End, and stops at the edges", async () => {
    await openGrid();
    cell("Monday", "12:00").focus();
    const moves: [string, { ctrlKey?: boolean }, string][] = [
      ["ArrowRight", {}, "Tuesday 12:00"],
      ["ArrowDown", {}, "Tuesday 12:30"],
      ["PageDown", {}, "Tuesday 14:30"],
      ["ArrowUp", {}, "Tuesday 14:00"],
      ["PageUp", {}, "Tuesday 12:00"],
      ["End", {}, "Sunday 12:00"],
      ["ArrowRight", {}, "Sunday 12:00"],
      ["Home", {}, "Monday 12:00"],
      ["ArrowLeft", {}, "Monday 12:00"],
      ["End", { ctrlKey: true }, "Sunday 22:30"],
      ["ArrowDown", {}, "Sunday 22:30"],
      ["Home", { ctrlKey: true }, "Monday 06:00"],
      ["PageUp", {}, "Monday 06:00"],
    ];
    for (const [key, modifiers, expected] of moves) {
      press(key, modifiers);
      expect(focusedName(), `after ${key}`).toMatch(new RegExp(`^${expected}–`));
      expect(document.activeElement?.getAttribute("tabindex")).toBe("0");
    }
    expect(screen.getByRole("grid").querySelectorAll('[tabindex="0"]')).toHaveLength(1);
  });

  it("frees the focused half hour with Space and clears it with Enter", async () => {
    const api = await openGrid();
    cell("Monday", "12:00").focus();
    press("ArrowDown");
    press(" ");
    expect(focusedName()).toBe("Monday 12:30–13:00, free");
    press("ArrowDown");
    press("Enter");
    press("Enter");
    expect(focusedName()).toBe("Monday 13:00–13:30, not free");

    expect(freeCells()).toEqual(["Monday 12:30–13:00, free"]);
    expect(await save(api)).toEqual([at(1, "12:30", "13:00")]);
  });

  it("carries a cell's state along with Shift and an arrow, to free a range at once", async () => {
    const api = await openGrid();
    cell("Friday", "18:00").focus();
    press(" ");
    press("ArrowDown", { shiftKey: true });
    press("ArrowDown", { shiftKey: true });
    press("ArrowRight", { shiftKey: true });

    expect(focusedName()).toBe("Saturday 19:00–19:30, free");
    expect(await save(api)).toEqual([at(5, "18:00", "19:30"), at(6, "19:00", "19:30")]);
  });
});
