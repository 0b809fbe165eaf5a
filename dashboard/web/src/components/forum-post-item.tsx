import { useState } from "preact/hooks";
import { deletePost, editPost, reportPost, type Post } from "../api/forums.js";
import { ForumEditForm } from "./forum-edit-form.js";
import { ForumReportForm } from "./forum-report-form.js";
import { failureText } from "./signed-in-only.js";

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

const surfaces: Readonly<Record<string, string>> = { discord: "Discord", slack: "Slack", dashboard: "the web" };

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
        <ForumEditForm
          id={post.id}
          fields={[{ name: "body", label: "Your reply", value: post.body }]}
          saveLabel="Save the reply"
          onCancel={() => setEditing(false)}
          save={async ({ body }) => {
            const saved = await editPost(post.id, body);
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
