import type { RefObject } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "../api/client.js";

export interface ApiForm {
  readonly busy: boolean;
  readonly error: ApiError | null;
  /** The sentence the API said about this field, if any. */
  readonly fieldError: (name: string) => string | undefined;
  /** What the API said that belongs to no field shown: the form's own message. */
  readonly formMessage: string | null;
  readonly formRef: RefObject<HTMLFormElement | null>;
  readonly onSubmit: (event: SubmitEvent) => void;
}

/**
 * A form whose submission calls the API: one request at a time, the API's field errors by field, and focus
 * moved to the first field in error (or to the form's message) so the person hears what to fix.
 */
export function useApiForm(fields: readonly string[], submit: (data: FormData) => Promise<void>): ApiForm {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (error === null) return;
    const target = formRef.current?.querySelector<HTMLElement>("[aria-invalid='true'], .form-message");
    target?.focus();
  }, [error]);

  const known = (name: string) => (fields.includes(name) ? error?.fields[name] : undefined);
  const unplaced = error === null ? [] : Object.keys(error.fields).filter((name) => !fields.includes(name));
  const hasPlaced = error !== null && Object.keys(error.fields).some((name) => fields.includes(name));
  const formMessage =
    error === null
      ? null
      : hasPlaced && unplaced.length === 0
        ? null
        : [error.message, ...unplaced.map((name) => error.fields[name])].join(" ");

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (busy || !(event.currentTarget instanceof HTMLFormElement)) return;
    const data = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    submit(data)
      .catch((failure: unknown) => {
        setError(failure instanceof ApiError ? failure : new ApiError(0, "UNEXPECTED", "Something went wrong."));
      })
      .finally(() => setBusy(false));
  };

  return { busy, error, fieldError: known, formMessage, formRef, onSubmit };
}

/** A text entry of a submitted form ("" when absent). */
export const textOf = (data: FormData, name: string): string => {
  const value = data.get(name);
  return typeof value === "string" ? value : "";
};
