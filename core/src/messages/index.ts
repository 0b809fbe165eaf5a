import { en } from "./en.js";

export type MessageKey = keyof typeof en;
export type Locale = "en";

const catalogs: Record<Locale, Record<MessageKey, string>> = { en };

/** Renders a message key for a person; unknown placeholders are left visible so a missing param is noticed. */
export function translate(
  key: MessageKey,
  params: Readonly<Record<string, string | number>> = {},
  locale: Locale = "en",
): string {
  return catalogs[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
