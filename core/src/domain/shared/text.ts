// Helpers the domain shares for stored strings; the pure text primitives (normalizeText, wordsOf) live in core/src/text/.

/** Parses a JSON array of strings stored in a text column; a damaged value reads as empty rather than failing a page. */
export function parseStringArray(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
}

/** A handle as people type it ("@Ana_B ") in the form it is stored: no "@", trimmed, lower case. */
export function normalizeHandle(handle: string): string {
  return handle.trim().replace(/^@/, "").toLowerCase();
}

/** Drops keys whose value is undefined: zod's partial() output → a Prisma update under exactOptionalPropertyTypes. */
export function definedOnly<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
