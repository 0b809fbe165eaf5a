/**
 * Date and time on a person's own clock: what they type in a chat ("2026-12-01 18:30"), and how an instant
 * reads for them. Every door reads and shows times this way, so it lives here once.
 *
 * "2026-12-01 18:30" as a person types it, or an ISO date-time ("2026-12-01T18:30", with or without seconds
 * and an offset). Without an offset it is a wall-clock time in the person's time zone.
 */
const typedDateTime = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

const pad = (n: number) => String(n).padStart(2, "0");

// Building an Intl formatter costs far more than using one.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Minutes `timeZone` is ahead of UTC at the instant `at` (Paris in winter: 60); a RangeError for no such zone. */
export function offsetMinutesAt(timeZone: string, at: Date): number {
  const parts = formatterFor(timeZone).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return Math.round((wall - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * The instant a person means by what they typed, as an ISO date-time with the offset of their time zone at
 * that moment ("2026-12-01T18:30:00+01:00"), or null when it is not a real date and time. A wall-clock time
 * skipped by a daylight-saving jump resolves to the offset in force just before it, like most calendars.
 */
export function parseLocalDateTime(typed: string, timeZone: string): string | null {
  const fields = typedDateTime.exec(typed.trim());
  if (fields === null) return null;
  const [year, month, day, hour, minute, second = 0] = fields.slice(1, 7).map((f) => (f === undefined ? 0 : Number(f)));
  if (year === undefined || month === undefined || day === undefined || hour === undefined || minute === undefined)
    return null;
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wallAsUtc);
  // Date.UTC rolls "02-30" over to March; a date that does not exist is a typo, not a day in another month.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59)
    return null;
  const wall = `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;

  const explicit = fields[7];
  if (explicit !== undefined) {
    if (explicit.toUpperCase() === "Z") return `${wall}Z`;
    const offset = explicit.includes(":") ? explicit : `${explicit.slice(0, 3)}:${explicit.slice(3)}`;
    return `${wall}${offset}`;
  }
  let offset: number;
  try {
    // The zone's offset near that wall time, then again at the instant it gives: they differ only across a
    // daylight-saving change, where the second reading is the one in force.
    const first = offsetMinutesAt(timeZone, new Date(wallAsUtc));
    offset = offsetMinutesAt(timeZone, new Date(wallAsUtc - first * 60_000));
  } catch {
    return null;
  }
  return `${wall}${formatOffset(offset)}`;
}

/** How an instant reads on a person's wall clock: "2026-12-01 18:30". */
export function formatLocalDateTime(instant: Date, timeZone: string): string {
  const shifted = new Date(instant.getTime() + offsetMinutesAt(timeZone, instant) * 60_000);
  return shifted.toISOString().slice(0, 16).replace("T", " ");
}
