import type { ApiResponse } from "./api-harness.js";

interface ErrorShape {
  readonly error?: { readonly code?: string; readonly fields?: ReadonlyArray<{ readonly field: string }> };
}

/** The fields a refusal names, in order: what a form would mark. */
export function rejectedFields(response: ApiResponse): string[] {
  return ((response.body as ErrorShape | undefined)?.error?.fields ?? []).map((f) => f.field);
}

/** The status and code of a refusal, together, so a failing test shows both. */
export function refusalOf(response: ApiResponse): { status: number; code: string | undefined } {
  return { status: response.status, code: (response.body as ErrorShape | undefined)?.error?.code };
}
