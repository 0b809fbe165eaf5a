import { useState } from "preact/hooks";
import { deletePost, editPost, reportPost, type Post } from "../api/forums.js";
import { textOf, useApiForm } from "./api-form.js";
import { FormField, FormMessage } from "./form-field.js";
import { ForumReportForm } from "./forum-report-form.js";
import { failureText } from "./signed-in-only.js";

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

const surfaces: Readonly<Record<string, string>> = { discord: "Discord", slack: "Slack", dashboard: "the web" };

function PostEditForm({
  post,
  onSaved,
  onCancel,
}: {
  post: Post;
  onSaved: (post: Post) => void;
  onCancel: () => void;
}) {
  const form = useApiForm(["body"], async (data) => onSaved(await editPost(post.id, textOf(data, "body"))));
  return (
    <form class="inline-form" ref={form.formRef} onSubmit={form.onSubmit}>
      <FormMessage form={form} />
      <FormField id={`edit-${post.id}`} label="Your reply" error={form.fieldError("body")}>
        {(input) => <textarea {...input} name="body" rows={4} required defaultValue={post.body} />}
      </FormField>
      <div class="actions">
        <button type="submit" class="button primary" disabled={form.busy}>
          Save the reply
        </button>
        <button type="button" class="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** One reply of a thread: mine to edit or delete, anyone else's to report. */
export function ForumPostItem({
  post,
  onChanged,
  onDeleted,
  announce,
}: {
  post: Post;
  onChanged: (post: Post) => void;
  onDeleted: () => void;
  announce: (sentence: string, failed?: boolean) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const remove = () => {
    setBusy(true);
    deletePost(post.id)
      .then(() => {
        onDeleted();
        announce("Your reply is deleted.");
      })
      .catch((error: unknown) => announce(failureText(error, "The reply could not be deleted."), true))
      .finally(() => setBusy(false));
  };
  return (
    <li class="post-item">
      <p class="muted">
        <strong>{post.authorName}</strong> · <time dateTime={post.createdAt}>{when(post.createdAt)}</time> · from{" "}
        {surfaces[post.source] ?? post.source}
        {post.edited && " · edited"}
      </p>
      {editing ? (
        <PostEditForm
          post={post}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            onChanged(saved);
            announce("Your reply is saved.");
          }}
        />
      ) : (
        <p class="post-body">{post.body}</p>
      )}
      {!editing && (
        <div class="actions">
          {post.mine ? (
            <>
              <button type="button" class="button" onClick={() => setEditing(true)} aria-label="Edit your reply">
                Edit
              </button>
              <button type="button" class="button" onClick={remove} disabled={busy} aria-label="Delete your reply">
                Delete
              </button>
            </>
          ) : (
            <ForumReportForm
              id={post.id}
              what={`the reply by ${post.authorName}`}
              send={(reason) => reportPost(post.id, reason)}
              announce={announce}
            />
          )}
        </div>
      )}
    </li>
  );
}
