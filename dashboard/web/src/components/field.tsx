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
  const id = `${form}-${name}`;
  const described = [hint === undefined ? "" : `${id}-hint`, error === undefined ? "" : `${id}-error`]
    .filter((part) => part !== "")
    .join(" ");
  const input = {
    id,
    name,
    autoComplete,
    required: true,
    "aria-invalid": error === undefined ? undefined : ("true" as const),
    "aria-describedby": described === "" ? undefined : described,
  };
  // One element per kind of input: Preact's types tell each kind's allowed attributes (list, role) apart.
  return (
    <div class="field">
      <label htmlFor={id}>{label}</label>
      {hint !== undefined && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {type === "password" ? (
        <input type="password" {...input} />
      ) : type === "email" ? (
        <input type="email" {...input} />
      ) : (
        <input type="text" {...input} />
      )}
      {error !== undefined && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
