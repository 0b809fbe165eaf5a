/**
 * Wall-clock time in a named time zone, both ways, with the browser's Intl only: a session is picked and shown
 * on the person's own clock (their profile's time zone), which need not be the browser's.
 */

const partsFormat = new Map<string, Intl.DateTimeFormat>();
function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormat.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormat.set(timeZone, format);
  }
  return format;
}

/** The date ("2026-11-26") and time ("18:30") a clock in `timeZone` shows at `instant`. */
export function wallClockOf(instant: Date, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    formatFor(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const get = (type: string) => parts[type] ?? "00";
  return { date: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` };
}

/** How far `timeZone`'s clock is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: Date, timeZone: string): number {
  const { date, time } = wallClockOf(instant, timeZone);
  const seconds = instant.getUTCSeconds() * 1000 + instant.getUTCMilliseconds();
  return Date.parse(`${date}T${time}:00Z`) + seconds - instant.getTime();
}

/**
 * The instant a clock in `timeZone` shows `date` `time`, or null for text that is no date and time. Twice around
 * the offset, so a date across a daylight-saving change from today still lands on the hour the person picked.
 */
export function instantOf(date: string, time: string, timeZone: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(asUtc)) return null;
  const first = asUtc - offsetAt(new Date(asUtc), timeZone);
  return new Date(asUtc - offsetAt(new Date(first), timeZone));
}

/** "Thu 26 Nov 2026, 18:30" on the clock of `timeZone`. */
export function formatOnClock(instant: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(typeof instant === "string" ? new Date(instant) : instant);
}
