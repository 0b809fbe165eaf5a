import { listThreads } from "../api/forums.js";
import { useCursorList } from "./cursor-list.js";
import { LoadMore } from "./load-more.js";
import { Failure, Loading } from "./load-state.js";

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/** A group's forum threads, pinned first then the most recently active, a page at a time. */
export function GroupThreads({ group }: { group: string }) {
  const list = useCursorList(`threads:${group}`, (cursor) => listThreads(group, cursor), "The threads");
  const { listing } = list;
  if (listing.state === "loading") return <Loading>Loading the threads…</Loading>;
  if (listing.state === "failed") return <Failure>{listing.message}</Failure>;
  if (listing.items.length === 0) return <p class="empty">No thread yet. Start the first one.</p>;
  return (
    <>
      <ul class="thread-list">
        {listing.items.map((thread) => (
          <li key={thread.id} class="thread-card">
            <h3>
              <a href={`/groups/${group}/threads/${thread.id}`}>{thread.title}</a>
            </h3>
            <p class="muted">
              {thread.pinned && <span class="badge">Pinned</span>} {thread.locked && <span class="badge">Locked</span>}{" "}
              By {thread.authorName} · last activity <time dateTime={thread.lastPostAt}>{when(thread.lastPostAt)}</time>
            </p>
          </li>
        ))}
      </ul>
      <LoadMore list={list} label="Load more threads" />
    </>
  );
}
