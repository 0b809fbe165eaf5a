import { FormField } from "./form-field.js";

export interface FieldProps {
  /** The form's id: field ids are unique across the page's forms. */
  readonly form: string;
  /** The name the API gives the field, so its field errors land here. */
  readonly name: string;
  readonly label: string;
  readonly type: "email" | "password" | "text";
  readonly autoComplete: string;
  readonly hint?: string;
  readonly error?: string | undefined;
}

/**
 * A labelled input with its hint and the API's sentence about it. The sentence is tied to the input
 * (aria-describedby, aria-invalid), so a screen reader reads it when the field gets focus.
 */
export function Field({ form, name, label, type, autoComplete, hint, error }: FieldProps) {
  return (
    <FormField id={`${form}-${name}`} label={label} hint={hint} error={error}>
      {(described) => {
        const input = { ...described, name, autoComplete, required: true };
        // One element per kind of input: Preact's types tell each kind's allowed attributes (list, role) apart.
        return type === "password" ? (
          <input type="password" {...input} />
        ) : type === "email" ? (
          <input type="email" {...input} />
        ) : (
          <input type="text" {...input} />
        );
      }}
    </FormField>
  );
}
