import { useEffect, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { getThread, listPosts, type Post, type Thread } from "../api/forums.js";
import { getGroup, type GroupDetail } from "../api/groups.js";
import { useCursorList } from "../components/cursor-list.js";
import { ForumPostItem } from "../components/forum-post-item.js";
import { LoadMore } from "../components/load-more.js";
import { Failure, Loading } from "../components/load-state.js";
import { SignedInOnly, failureText } from "../components/signed-in-only.js";
import { ThreadModeration } from "../components/thread-moderation.js";
import { ThreadOpening } from "../components/thread-opening.js";
import { ThreadReplyForm } from "../components/thread-reply-form.js";
import { usePageTitle } from "../page-title.js";
import "../groups.css";
import "../swap-pages.css";

type Loaded =
  | { readonly state: "loading" }
  | { readonly state: "failed"; readonly message: string }
  | { readonly state: "shown"; readonly thread: Thread; readonly group: GroupDetail };

function Replies({
  thread,
  canReply,
  announce,
}: {
  thread: Thread;
  canReply: boolean;
  announce: (sentence: string, failed?: boolean) => void;
}) {
  const list = useCursorList(`posts:${thread.id}`, (cursor) => listPosts(thread.id, cursor), "The replies");
  const { listing } = list;
  const replace = (post: Post) => list.update((items) => items.map((p) => (p.id === post.id ? post : p)));
  const posted = (post: Post) => {
    // A reply lands at the end; while more pages wait, it shows up when they are loaded.
    if (listing.state === "shown" && listing.next === null) list.update((items) => [...items, post]);
    announce("Your reply is posted.");
  };
  return (
    <>
      <section aria-labelledby="replies-title">
        <h2 id="replies-title">Replies</h2>
        {listing.state === "loading" && <Loading>Loading the replies…</Loading>}
        {listing.state === "failed" && <Failure>{listing.message}</Failure>}
        {listing.state === "shown" && listing.items.length === 0 && <p class="empty">No reply yet.</p>}
        {listing.state === "shown" && listing.items.length > 0 && (
          <ul class="post-list">
            {listing.items.map((post) => (
              <ForumPostItem
                key={post.id}
                post={post}
                onChanged={replace}
                onDeleted={() => list.update((items) => items.filter((p) => p.id !== post.id))}
                announce={announce}
              />
            ))}
          </ul>
        )}
        <LoadMore list={list} label="Load more replies" />
      </section>
      {thread.locked && <p class="muted">This thread is locked: nobody can reply any more.</p>}
      {!thread.locked && canReply && <ThreadReplyForm threadId={thread.id} onPosted={posted} />}
      {!thread.locked && !canReply && <p class="muted">Join the group to reply.</p>}
    </>
  );
}

function ThreadPage({ groupId, threadId }: { groupId: string; threadId: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  const [said, setSaid] = useState("");
  const [failed, setFailed] = useState<string | null>(null);
  usePageTitle(loaded.state === "shown" ? loaded.thread.title : "Thread");
  useEffect(() => {
    let current = true;
    Promise.all([getThread(threadId), getGroup(groupId)]).then(
      ([thread, group]) => current && setLoaded({ state: "shown", thread, group }),
      (error: unknown) =>
        current && setLoaded({ state: "failed", message: failureText(error, "This thread could not be loaded.") }),
    );
    return () => {
      current = false;
    };
  }, [groupId, threadId]);
  const announce = (sentence: string, failure = false) => {
    setSaid(failure ? "" : sentence);
    setFailed(failure ? sentence : null);
  };
  if (loaded.state === "loading")
    return (
      <>
        <h1>Thread</h1>
        <Loading>Loading the thread…</Loading>
      </>
    );
  if (loaded.state === "failed")
    return (
      <>
        <h1>Thread not available</h1>
        <Failure>{loaded.message}</Failure>
        <p>
          <a href={`/groups/${groupId}`}>Back to the group</a>
        </p>
      </>
    );
  const { thread, group } = loaded;
  const groupPath = `/groups/${group.slug}`;
  const moderates = group.myRole === "owner" || group.myRole === "moderator";
  const changed = (edited: Thread) => setLoaded({ ...loaded, thread: edited });
  return (
    <>
      <p>
        <a href={groupPath}>{group.name}</a>
      </p>
      <ThreadOpening thread={thread} announce={announce} onChanged={changed} />
      <p role="status" class="confirmation">
        {said}
      </p>
      {failed !== null && <Failure>{failed}</Failure>}
      {moderates && <ThreadModeration thread={thread} groupPath={groupPath} announce={announce} onChanged={changed} />}
      <Replies key={thread.id} thread={thread} canReply={group.myRole !== null} announce={announce} />
    </>
  );
}

/** /groups/:id/threads/:threadId: a thread, its replies a page at a time, replying, editing and moderating. */
export function GroupsThread() {
  const { params } = useRoute();
  const groupId = params["id"] ?? "";
  const threadId = params["threadId"] ?? "";
  return (
    <SignedInOnly title="Thread" what="read this thread">
      {() => <ThreadPage key={threadId} groupId={groupId} threadId={threadId} />}
    </SignedInOnly>
  );
}
