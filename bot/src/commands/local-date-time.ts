/**
 * "2026-12-01 18:30" as a person types it, or an ISO date-time ("2026-12-01T18:30", with or without seconds
 * and an offset). Without an offset it is a wall-clock time in the person's time zone. (A pattern rather
 * than zod: the bot package does not depend on zod, and the shape is all there is to check.)
 */
const typedDateTime = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

const pad = (n: number) => String(n).padStart(2, "0");

/** Minutes east of UTC that `timeZone` is at the instant `utcMs` (Paris in winter: 60). */
function offsetMinutesAt(timeZone: string, utcMs: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(utcMs));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wallAsUtc = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  return Math.round((wallAsUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
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
    const first = offsetMinutesAt(timeZone, wallAsUtc);
    offset = offsetMinutesAt(timeZone, wallAsUtc - first * 60_000);
  } catch {
    return null;
  }
  return `${wall}${formatOffset(offset)}`;
}

/** How an instant reads on a person's wall clock: "2026-12-01 18:30". */
export function formatLocalDateTime(instant: Date, timeZone: string): string {
  const shifted = new Date(instant.getTime() + offsetMinutesAt(timeZone, instant.getTime()) * 60_000);
  return shifted.toISOString().slice(0, 16).replace("T", " ");
}
