import { textOf, useApiForm } from "./api-form.js";
import { FormField, FormMessage } from "./form-field.js";

/** What an author may rewrite: a thread's title (one line) and the text of a thread or a reply. */
export interface EditedField {
  readonly name: "title" | "body";
  readonly label: string;
  readonly value: string;
}

export interface ForumEdit {
  readonly title: string;
  readonly body: string;
}

/**
 * Rewriting what I wrote in a forum, in place: the API's sentences by field, and the saved version handed back
 * by `save`. Threads and replies share it, so both read and behave the same.
 */
export function ForumEditForm({
  id,
  fields,
  saveLabel,
  save,
  onCancel,
}: {
  /** Makes the fields' ids unique on a page of many replies. */
  id: string;
  fields: readonly EditedField[];
  saveLabel: string;
  save: (edit: ForumEdit) => Promise<void>;
  onCancel: () => void;
}) {
  const form = useApiForm(
    fields.map((field) => field.name),
    (data) => save({ title: textOf(data, "title"), body: textOf(data, "body") }),
  );
  return (
    <form class="inline-form" ref={form.formRef} onSubmit={form.onSubmit}>
      <FormMessage form={form} />
      {fields.map(({ name, label, value }) => (
        <FormField key={name} id={`edit-${name}-${id}`} label={label} error={form.fieldError(name)}>
          {(input) =>
            name === "title" ? (
              <input {...input} name="title" type="text" required maxLength={150} defaultValue={value} />
            ) : (
              <textarea {...input} name="body" rows={4} required defaultValue={value} />
            )
          }
        </FormField>
      ))}
      <div class="actions">
        <button type="submit" class="button primary" disabled={form.busy}>
          {saveLabel}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
