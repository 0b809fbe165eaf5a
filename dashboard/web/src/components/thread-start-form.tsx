import { useLocation } from "preact-iso";
import { startThread } from "../api/forums.js";
import { textOf, useApiForm } from "./api-form.js";
import { FormField, FormMessage } from "./form-field.js";

/** Starting a thread in a group's forum; the new thread's page opens once the API took it. */
export function ThreadStartForm({ group }: { group: string }) {
  const { route } = useLocation();
  const form = useApiForm(["title", "body"], async (data) => {
    const thread = await startThread(group, textOf(data, "title"), textOf(data, "body"));
    route(`/groups/${group}/threads/${thread.id}`);
  });
  return (
    <form class="forms" ref={form.formRef} onSubmit={form.onSubmit} aria-labelledby="start-thread-title">
      <h3 id="start-thread-title">Start a thread</h3>
      <FormMessage form={form} />
      <FormField id="thread-title" label="Title" error={form.fieldError("title")}>
        {(input) => <input {...input} name="title" type="text" required maxLength={200} />}
      </FormField>
      <FormField id="thread-body" label="Opening post" error={form.fieldError("body")}>
        {(input) => <textarea {...input} name="body" rows={5} required />}
      </FormField>
      <button type="submit" class="button primary" disabled={form.busy}>
        {form.busy ? "Posting…" : "Post the thread"}
      </button>
    </form>
  );
}
