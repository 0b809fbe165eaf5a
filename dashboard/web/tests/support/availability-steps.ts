import type { Page } from "playwright-core";

const weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
/** The grid's first row: 06:00–06:30. Page Down moves four rows (two hours), an arrow one (half an hour). */
const firstHour = 6;

/**
 * On /skills: marks a run of half hours free with the keyboard alone (one Tab stop into the grid, Ctrl+Home,
 * arrows and Page Down, Space, then Shift+Down to stretch it), and waits until the last one says "free".
 */
export async function markFreeWithKeyboard(
  page: Page,
  day: (typeof weekdays)[number],
  fromHour: number,
  halfHours: number,
): Promise<void> {
  await page.getByRole("grid").locator("[tabindex='0']").focus();
  await page.keyboard.press("Control+Home");
  for (let step = 0; step < weekdays.indexOf(day); step++) await page.keyboard.press("ArrowRight");
  const rows = (fromHour - firstHour) * 2;
  for (let step = 0; step < Math.floor(rows / 4); step++) await page.keyboard.press("PageDown");
  for (let step = 0; step < rows % 4; step++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Space");
  for (let step = 1; step < halfHours; step++) await page.keyboard.press("Shift+ArrowDown");
  const end = fromHour * 60 + halfHours * 30;
  const time = (minutes: number) =>
    `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  await page.getByRole("gridcell", { name: `${day} ${time(end - 30)}–${time(end)}, free`, exact: true }).waitFor();
}
