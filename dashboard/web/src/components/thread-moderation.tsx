import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { announceOn } from "./flash-notice.js";
import { lockThread, pinThread, removeThread, type Thread } from "../api/forums.js";
import { failureText } from "./signed-in-only.js";

/** A moderator's moves on a thread: pin or unpin, lock or unlock, and take it out of the forum. */
export function ThreadModeration({
  thread,
  groupPath,
  onChanged,
  announce,
}: {
  thread: Thread;
  groupPath: string;
  onChanged: (thread: Thread) => void;
  announce: (sentence: string, failed?: boolean) => void;
}) {
  const { route } = useLocation();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const act = (action: () => Promise<Thread>, sentence: string) => {
    setBusy(true);
    action()
      .then((changed) => {
        onChanged(changed);
        announce(sentence);
      })
      .catch((error: unknown) => announce(failureText(error, "That did not work."), true))
      .finally(() => setBusy(false));
  };
  const remove = () => {
    setBusy(true);
    removeThread(thread.id)
      .then(() => {
        announceOn(groupPath, `The thread “${thread.title}” is removed from the forum.`);
        route(groupPath);
      })
      .catch((error: unknown) => {
        announce(failureText(error, "The thread could not be removed."), true);
        setBusy(false);
      });
  };
  return (
    <section aria-labelledby="moderation-title">
      <h2 id="moderation-title">Moderation</h2>
      <div class="actions">
        <button
          type="button"
          class="button"
          disabled={busy}
          onClick={() =>
            act(
              () => pinThread(thread.id, !thread.pinned),
              thread.pinned ? "The thread is unpinned." : "The thread is pinned.",
            )
          }
        >
          {thread.pinned ? "Unpin the thread" : "Pin the thread"}
        </button>
        <button
          type="button"
          class="button"
          disabled={busy}
          onClick={() =>
            act(
              () => lockThread(thread.id, !thread.locked),
              thread.locked ? "The thread is open to replies again." : "The thread is locked: no more replies.",
            )
          }
        >
          {thread.locked ? "Unlock the thread" : "Lock the thread"}
        </button>
        {confirming ? (
          <>
            <button type="button" class="button danger" disabled={busy} onClick={remove}>
              Yes, remove the thread and its replies
            </button>
            <button type="button" class="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" class="button" disabled={busy} onClick={() => setConfirming(true)}>
            Remove the thread…
          </button>
        )}
      </div>
    </section>
  );
}
