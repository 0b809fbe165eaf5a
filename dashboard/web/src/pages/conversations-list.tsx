import { useEffect, useState } from "preact/hooks";
import { myConversations, type ConversationSummary } from "../api/conversations.js";
import { SignedInOnly, failureText } from "../components/signed-in-only.js";
import { usePageTitle } from "../page-title.js";
import { Failure, Loading } from "../components/load-state.js";
import "../swap-pages.css";

type Loaded =
  | { readonly state: "loading" }
  | { readonly state: "failed"; readonly message: string }
  | { readonly state: "shown"; readonly conversations: readonly ConversationSummary[] };

const namesOf = (c: ConversationSummary) => c.others.map((o) => o.displayName).join(" and ") || "Conversation";

function Conversations() {
  usePageTitle("Messages");
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  useEffect(() => {
    let current = true;
    myConversations().then(
      (page) => current && setLoaded({ state: "shown", conversations: page.items }),
      (error: unknown) =>
        current && setLoaded({ state: "failed", message: failureText(error, "Your messages could not be loaded.") }),
    );
    return () => {
      current = false;
    };
  }, []);
  return (
    <>
      <h1>Messages</h1>
      {loaded.state === "loading" && <Loading>Loading your conversations…</Loading>}
      {loaded.state === "failed" && <Failure>{loaded.message}</Failure>}
      {loaded.state === "shown" && loaded.conversations.length === 0 && (
        <p class="empty">No conversation yet: one opens with each swap accepted.</p>
      )}
      {loaded.state === "shown" && loaded.conversations.length > 0 && (
        <ul class="swap-list">
          {loaded.conversations.map((c) => (
            <li key={c.id} class="swap-card">
              <h2 class="conversation-title">
                <a href={`/conversations/${c.id}`}>{namesOf(c)}</a>
                {c.unreadCount > 0 && <span class="badge badge-accepted"> {c.unreadCount} unread</span>}
              </h2>
              {c.lastMessage !== null && (
                <p class="muted">
                  {c.lastMessage.author?.isViewer === true ? "You" : c.lastMessage.authorName}: {c.lastMessage.text}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** /conversations: my swaps' conversations, latest activity first, with what I have not read. */
export function ConversationsList() {
  return <SignedInOnly title="Messages">{() => <Conversations />}</SignedInOnly>;
}
