import { useState } from "preact/hooks";
import { editThread, reportThread, type Thread } from "../api/forums.js";
import { ForumEditForm } from "./forum-edit-form.js";
import { ForumReportForm } from "./forum-report-form.js";

/** A thread's title and opening post: its author's to rewrite, anyone else's to report. */
export function ThreadOpening({
  thread,
  onChanged,
  announce,
}: {
  thread: Thread;
  onChanged: (thread: Thread) => void;
  announce: (sentence: string, failed?: boolean) => void;
}) {
  const [editing, setEditing] = useState(false);
  return (
    <article aria-labelledby="thread-title">
      <h1 id="thread-title">{thread.title}</h1>
      <p class="muted">
        {thread.pinned && <span class="badge">Pinned</span>} {thread.locked && <span class="badge">Locked</span>} By{" "}
        {thread.authorName}
      </p>
      {editing ? (
        <ForumEditForm
          id={thread.id}
          fields={[
            { name: "title", label: "Title", value: thread.title },
            { name: "body", label: "Opening post", value: thread.body },
          ]}
          saveLabel="Save the thread"
          onCancel={() => setEditing(false)}
          save={async (edit) => {
            const saved = await editThread(thread.id, edit);
            setEditing(false);
            onChanged(saved);
            announce("Your thread is saved.");
          }}
        />
      ) : (
        <>
          <p class="thread-body">{thread.body}</p>
          <div class="actions">
            {thread.mine ? (
              <button type="button" class="button" onClick={() => setEditing(true)} aria-label="Edit your thread">
                Edit
              </button>
            ) : (
              <ForumReportForm
                id={thread.id}
                what={`the thread “${thread.title}”`}
                send={(reason) => reportThread(thread.id, reason)}
                announce={announce}
              />
            )}
          </div>
        </>
      )}
    </article>
  );
}
