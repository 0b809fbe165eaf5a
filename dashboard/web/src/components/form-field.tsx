import type { ComponentChildren } from "preact";
import type { ApiForm } from "./api-form.js";

/** What ties an input to its label, hint and error: spread on the input. */
export interface DescribedBy {
  readonly id: string;
  readonly "aria-invalid"?: "true";
  readonly "aria-describedby"?: string;
}

function describedBy(id: string, hint: string | undefined, error: string | undefined): DescribedBy {
  const parts = [hint === undefined ? "" : `${id}-hint`, error === undefined ? "" : `${id}-error`];
  const described = parts.filter((part) => part !== "").join(" ");
  return {
    id,
    ...(error === undefined ? {} : { "aria-invalid": "true" as const }),
    ...(described === "" ? {} : { "aria-describedby": described }),
  };
}

function Hint({ id, hint }: { id: string; hint: string | undefined }) {
  return hint === undefined ? null : (
    <p class="hint" id={`${id}-hint`}>
      {hint}
    </p>
  );
}

export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error === undefined ? null : (
    <p class="field-error" id={`${id}-error`}>
      {error}
    </p>
  );
}

export interface FormFieldProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  /** Draws the input (text, textarea, select…) with the attributes that tie it to its label, hint and error. */
  readonly children: (input: DescribedBy) => ComponentChildren;
}

/** A labelled input of any kind, with its hint and the API's sentence about it next to it. */
export function FormField({ id, label, hint, error, children }: FormFieldProps) {
  return (
    <div class="field">
      <label htmlFor={id}>{label}</label>
      <Hint id={id} hint={hint} />
      {children(describedBy(id, hint, error))}
      <FieldError id={id} error={error} />
    </div>
  );
}

export interface ChoicesProps<T extends string> {
  readonly id: string;
  readonly name: string;
  readonly legend: string;
  readonly choices: readonly (readonly [value: T, label: string])[];
  readonly value: T;
  readonly error?: string | undefined;
}

/** One of a few choices as radio buttons in a fieldset: the arrow keys move between them. */
export function Choices<T extends string>({ id, name, legend, choices, value, error }: ChoicesProps<T>) {
  return (
    <fieldset class="field choices" id={id}>
      <legend>{legend}</legend>
      {choices.map(([choice, label]) => (
        <label key={choice} class="choice">
          <input
            type="radio"
            name={name}
            value={choice}
            defaultChecked={choice === value}
            aria-invalid={error === undefined ? undefined : "true"}
            aria-describedby={error === undefined ? undefined : `${id}-error`}
          />{" "}
          {label}
        </label>
      ))}
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

/** The API's sentence about the whole form (not one field), focused by the form when it arrives. */
export function FormMessage({ form }: { form: ApiForm }) {
  if (form.formMessage === null) return null;
  return (
    <p class="form-message" role="alert" tabIndex={-1}>
      {form.formMessage}
    </p>
  );
}
