import type { MessageKey } from "./messages/index.js";

/** The kinds of expected failure every door knows how to render (HTTP status, ephemeral reply, …). */
export type DomainErrorKind = "not_found" | "forbidden" | "conflict" | "invalid" | "rate_limited" | "unavailable";

/** A place an ambiguous city could be; answering with `{ geonameId }` picks it. */
export interface CityCandidate {
  readonly geonameId: number;
  readonly name: string;
  readonly region: string;
  readonly country: string;
}

/** One rejected input field: its path ("location", "slots.2.start") and the sentence to show beside it. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
  /** For an ambiguous city, the places it could be, most populous first: a door can offer them as choices. */
  readonly candidates?: readonly CityCandidate[];
}

/**
 * An expected failure of a use case. `code` is stable and namespaced (PROFILE.HANDLE_TAKEN) so adapters and
 * clients can branch on it; `messageKey` + `params` render the same sentence on every surface.
 * Infrastructure faults are never DomainErrors: they are thrown as-is and logged.
 */
export class DomainError extends Error {
  override readonly name = "DomainError";

  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    readonly messageKey: MessageKey,
    readonly params: Readonly<Record<string, string | number>> = {},
    readonly fields: readonly FieldError[] = [],
  ) {
    super(code);
  }
}

export const notFound = (code: string, messageKey: MessageKey, params?: Record<string, string | number>) =>
  new DomainError("not_found", code, messageKey, params);

export const forbidden = (code: string, messageKey: MessageKey, params?: Record<string, string | number>) =>
  new DomainError("forbidden", code, messageKey, params);

export const conflict = (code: string, messageKey: MessageKey, params?: Record<string, string | number>) =>
  new DomainError("conflict", code, messageKey, params);

export const invalid = (code: string, fields: readonly FieldError[], params?: Record<string, string | number>) =>
  new DomainError(
    "invalid",
    code,
    "error.invalid",
    { ...params, fields: fields.map((f) => f.field).join(", ") },
    fields,
  );

export const rateLimited = (code: string, messageKey: MessageKey, params?: Record<string, string | number>) =>
  new DomainError("rate_limited", code, messageKey, params);

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
