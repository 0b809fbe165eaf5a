import { useEffect, useRef, useState } from "preact/hooks";
import { cellMinutes, clockOf, rowStartMinute, rowsPerDay, withCell, type FreeCells } from "./weekly-slots.js";

/** Columns Monday first; each holds its weekday as the API counts them (0 = Sunday). */
const columns = [
  { weekday: 1, name: "Monday", short: "Mon" },
  { weekday: 2, name: "Tuesday", short: "Tue" },
  { weekday: 3, name: "Wednesday", short: "Wed" },
  { weekday: 4, name: "Thursday", short: "Thu" },
  { weekday: 5, name: "Friday", short: "Fri" },
  { weekday: 6, name: "Saturday", short: "Sat" },
  { weekday: 0, name: "Sunday", short: "Sun" },
] as const;
const rows = Array.from({ length: rowsPerDay }, (_, row) => row);
const lastColumn = columns.length - 1;
const lastRow = rowsPerDay - 1;
/** Page Up / Page Down move by two hours. */
const pageRows = 4;

interface Position {
  readonly column: number;
  readonly row: number;
}

export interface AvailabilityGridProps {
  readonly cells: FreeCells;
  readonly onChange: (update: (cells: FreeCells) => FreeCells) => void;
  readonly labelledBy: string;
  readonly describedBy: string;
}

const clamp = (value: number, max: number) => Math.min(max, Math.max(0, value));

/** Where a key moves the focused cell, or null for a key the grid does not handle. */
function moveFor(event: KeyboardEvent, at: Position): Position | null {
  const { column, row } = at;
  switch (event.key) {
    case "ArrowLeft":
      return { column: clamp(column - 1, lastColumn), row };
    case "ArrowRight":
      return { column: clamp(column + 1, lastColumn), row };
    case "ArrowUp":
      return { column, row: clamp(row - 1, lastRow) };
    case "ArrowDown":
      return { column, row: clamp(row + 1, lastRow) };
    case "PageUp":
      return { column, row: clamp(row - pageRows, lastRow) };
    case "PageDown":
      return { column, row: clamp(row + pageRows, lastRow) };
    case "Home":
      return event.ctrlKey ? { column: 0, row: 0 } : { column: 0, row };
    case "End":
      return event.ctrlKey ? { column: lastColumn, row: lastRow } : { column: lastColumn, row };
    default:
      return null;
  }
}

function positionOf(target: EventTarget | null): Position | null {
  if (!(target instanceof Element)) return null;
  const cell = target.closest<HTMLElement>("[data-column]");
  if (cell === null) return null;
  return { column: Number(cell.dataset.column), row: Number(cell.dataset.row) };
}

const cellName = (column: number, row: number, free: boolean) =>
  `${columns[column]?.name ?? ""} ${clockOf(rowStartMinute(row))}–${clockOf(rowStartMinute(row) + cellMinutes)}, ${free ? "free" : "not free"}`;

/**
 * A week of half-hour cells to mark free (the WAI-ARIA grid pattern). Mouse and touch paint: pressing a cell
 * flips it, and dragging gives every cell passed over the same state. The keyboard reaches the grid with one Tab
 * (roving tabindex): arrows, Page Up/Down, Home/End (with Ctrl: the grid's corners) move, Space or Enter flips
 * the cell, and Shift with an arrow carries the cell's state along.
 */
export function AvailabilityGrid({ cells, onChange, labelledBy, describedBy }: AvailabilityGridProps) {
  const [focused, setFocused] = useState<Position>({ column: 0, row: 12 });
  const table = useRef<HTMLTableElement>(null);
  const painting = useRef<{ pointerId: number; free: boolean } | null>(null);

  const cellAt = (at: Position) =>
    table.current?.querySelector<HTMLElement>(`[data-column="${at.column}"][data-row="${at.row}"]`) ?? null;
  const isFree = (at: Position) => cells[columns[at.column]?.weekday ?? 0]?.[at.row] === true;
  const paint = (at: Position, free: boolean) =>
    onChange((current) => withCell(current, columns[at.column]?.weekday ?? 0, at.row, free));

  useEffect(() => {
    const stop = (event: PointerEvent) => {
      if (painting.current?.pointerId === event.pointerId) painting.current = null;
    };
    window.addEventListener("pointerup", stop);
    window.addEventListener("pointercancel", stop);
    return () => {
      window.removeEventListener("pointerup", stop);
      window.removeEventListener("pointercancel", stop);
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    const at = positionOf(event.target);
    if (at === null) return;
    if (event.key === " " || event.key === "Enter") {
      event.preventDefault();
      paint(at, !isFree(at));
      return;
    }
    const next = moveFor(event, at);
    if (next === null) return;
    event.preventDefault();
    if (event.shiftKey) paint(next, isFree(at));
    // Focus moves now, not after the next render: a quick second key press already starts from the new cell.
    setFocused(next);
    cellAt(next)?.focus();
  };

  const onPointerDown = (event: PointerEvent) => {
    const at = positionOf(event.target);
    if (at === null || (event.pointerType === "mouse" && event.button !== 0)) return;
    // A touch captures the pointer to the cell it started on: released, the cells under the finger get the moves.
    if (event.target instanceof Element && event.target.hasPointerCapture(event.pointerId))
      event.target.releasePointerCapture(event.pointerId);
    const free = !isFree(at);
    painting.current = { pointerId: event.pointerId, free };
    paint(at, free);
    setFocused(at);
  };

  const onPointerMove = (event: PointerEvent) => {
    const stroke = painting.current;
    if (stroke?.pointerId !== event.pointerId) return;
    const at = positionOf(document.elementFromPoint(event.clientX, event.clientY));
    if (at === null || isFree(at) === stroke.free) return;
    paint(at, stroke.free);
  };

  return (
    <table
      ref={table}
      role="grid"
      class="availability-grid"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      aria-multiselectable="true"
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
    >
      <thead>
        <tr>
          <th scope="col">
            <span class="visually-hidden">Time</span>
          </th>
          {columns.map((column) => (
            <th key={column.weekday} scope="col">
              <abbr title={column.name}>{column.short}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row} class={row % 2 === 0 ? "hour" : undefined}>
            <th scope="row">{clockOf(rowStartMinute(row))}</th>
            {columns.map((column, index) => {
              const free = cells[column.weekday]?.[row] === true;
              const isFocused = focused.column === index && focused.row === row;
              return (
                <td
                  key={column.weekday}
                  role="gridcell"
                  data-column={index}
                  data-row={row}
                  tabIndex={isFocused ? 0 : -1}
                  aria-selected={free}
                  aria-label={cellName(index, row, free)}
                  class={free ? "free" : undefined}
                  onFocus={() => {
                    if (!isFocused) setFocused({ column: index, row });
                  }}
                />
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
