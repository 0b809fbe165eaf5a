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
  .transform(withoutBidiControls)
  .pipe(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9_-]{2,29}$/, "field.handle_format"),
  );

export const emailField = z.string().trim().toLowerCase().pipe(z.email("field.email")).pipe(z.string().max(254));

/**
 * Characters nobody types on purpose: the C0 controls (NUL among them, which PostgreSQL refuses and SQLite
 * stores), DEL and the C1 controls. Multi-line text keeps its line breaks and tabs.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is what these are for
const controls = /[\u0000-\u001F\u007F-\u009F]/u;
// eslint-disable-next-line no-control-regex -- likewise
const controlsButLineBreaks = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
/** Bidirectional embeddings, overrides and isolates: they make a name read differently from what it is. */
const bidiControls = /[\u202A-\u202E\u2066-\u2069]/gu;

/** Whether `text` holds a character no text field accepts (see `controls`); `lines` allows line breaks and tabs. */
export function hasControlCharacters(text: string, lines = false): boolean {
  return (lines ? controlsButLineBreaks : controls).test(text);
}

/** A name as it will be shown (to others, beside others'): bidirectional controls removed rather than refused. */
export function withoutBidiControls(text: string): string {
  return text.replace(bidiControls, "");
}

/** One line of text, trimmed, `min`–`max` characters, no control characters. */
export function lineField(min: number, max: number) {
  return z
    .string()
    .trim()
    .refine((text) => !hasControlCharacters(text), "field.control_characters")
    .pipe(z.string().min(min).max(max));
}

/** Text that may span lines (a bio, a message), trimmed, `min`–`max` characters, no other control characters. */
export function textField(min: number, max: number) {
  return z
    .string()
    .trim()
    .refine((text) => !hasControlCharacters(text, true), "field.control_characters")
    .pipe(z.string().min(min).max(max));
}

/** A name people see (a person's, a group's): one line, bidirectional controls stripped. */
export function nameField(min: number, max: number) {
  return z.string().transform(withoutBidiControls).pipe(lineField(min, max));
}

export const displayNameField = nameField(1, 80);

export const idField = lineField(1, 64);
