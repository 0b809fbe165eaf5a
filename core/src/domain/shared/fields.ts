import { z } from "zod";

/** IANA names only ("Europe/Paris"); the runtime's tz database decides what exists. */
export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneField = z.string().trim().refine(isTimeZone, "field.time_zone");

export const handleField = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_-]{2,29}$/, "field.handle_format");

export const emailField = z.string().trim().toLowerCase().pipe(z.email("field.email")).pipe(z.string().max(254));

export const displayNameField = z.string().trim().min(1).max(80);

export const idField = z.string().trim().min(1).max(64);
