import { levelNames } from "../skill-levels.js";
import { FieldError } from "./form-field.js";

/** The ids of a field's hint and error, for aria-describedby; undefined when it has neither. */
export function describedBy(id: string, hasHint: boolean, error: string | undefined): string | undefined {
  const parts = [hasHint ? `${id}-hint` : "", error === undefined ? "" : `${id}-error`].filter((p) => p !== "");
  return parts.length === 0 ? undefined : parts.join(" ");
}

/** Level, 1 to 5, with its name: a teacher's own level, or the level a learner wants to reach. */
interface ControlledField<T> {
  readonly id: string;
  readonly value: T;
  readonly onChange: (value: T) => void;
  readonly error: string | undefined;
}

export function LevelField({ id, value, onChange, error, hint }: ControlledField<number> & { hint: string }) {
  return (
    <div class="field">
      <label htmlFor={id}>Level</label>
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <select
        id={id}
        name="level"
        value={String(value)}
        onChange={(event) => onChange(Number(event.currentTarget.value))}
        aria-describedby={describedBy(id, true, error)}
        aria-invalid={error === undefined ? undefined : "true"}
      >
        {levelNames.map((name, index) => (
          <option key={name} value={String(index + 1)}>
            {index + 1} · {name}
          </option>
        ))}
      </select>
      <FieldError id={id} error={error} />
    </div>
  );
}

export function NotesField({ id, value, onChange, error }: ControlledField<string>) {
  return (
    <div class="field">
      <label htmlFor={id}>Notes</label>
      <p class="hint" id={`${id}-hint`}>
        Optional: what you cover or look for, materials, anything a partner should know.
      </p>
      <textarea
        id={id}
        name="notes"
        rows={2}
        maxLength={500}
        value={value}
        onInput={(event) => onChange(event.currentTarget.value)}
        aria-describedby={describedBy(id, true, error)}
        aria-invalid={error === undefined ? undefined : "true"}
      />
      <FieldError id={id} error={error} />
    </div>
  );
}
