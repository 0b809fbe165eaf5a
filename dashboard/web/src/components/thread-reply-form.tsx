import { replyToThread, type Post } from "../api/forums.js";
import { textOf, useApiForm } from "./api-form.js";
import { FormField, FormMessage } from "./form-field.js";

/** Replying in a thread; the form empties once the API took the reply. */
export function ThreadReplyForm({ threadId, onPosted }: { threadId: string; onPosted: (post: Post) => void }) {
  const form = useApiForm(["body"], async (data) => {
    onPosted(await replyToThread(threadId, textOf(data, "body")));
    form.formRef.current?.reset();
  });
  return (
    <form class="forms" ref={form.formRef} onSubmit={form.onSubmit} aria-labelledby="reply-title">
      <h2 id="reply-title">Reply</h2>
      <FormMessage form={form} />
      <FormField id="reply-body" label="Write a reply" error={form.fieldError("body")}>
        {(input) => <textarea {...input} name="body" rows={4} required />}
      </FormField>
      <button type="submit" class="button primary" disabled={form.busy}>
        {form.busy ? "Posting…" : "Post the reply"}
      </button>
    </form>
  );
}
