import { isDomainError, translate } from "@skillswap/core";

/** What a person is told when something fails, before a platform lays it out. */
export interface ChatFailure {
  readonly sentence: string;
  /** What to fix, by the name of the option or form field the person filled in. */
  readonly fieldErrors: readonly { readonly name: string; readonly message: string }[];
}

/**
 * The domain's own sentence and what to fix. Anything else is an infrastructure fault: the caller logs it and
 * the person gets a plain sentence, no stack or internals.
 */
export function failureOf(error: unknown): ChatFailure {
  if (!isDomainError(error)) return { sentence: translate("error.unavailable"), fieldErrors: [] };
  return {
    sentence: translate(error.messageKey, error.params),
    fieldErrors: error.fields.map((f) => ({ name: f.field, message: f.message })),
  };
}
