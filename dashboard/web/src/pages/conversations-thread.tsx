import { useEffect, useRef, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import {
  listMessages,
  markRead,
  myConversations,
  postMessage,
  type ConversationSummary,
  type Message,
} from "../api/conversations.js";
import { useApiForm, textOf } from "../components/api-form.js";
import { useLiveMessages, type LiveState } from "../components/live-messages.js";
import { MessageItem } from "../components/message-item.js";
import { SignedInOnly, failureText } from "../components/signed-in-only.js";
import { usePageTitle } from "../page-title.js";
import { Failure, Loading } from "../components/load-state.js";
import { FormMessage } from "../components/form-field.js";
import "../swap-pages.css";

type Loaded =
  | { readonly state: "loading" }
  | { readonly state: "failed"; readonly message: string }
  | {
      readonly state: "shown";
      /** Oldest first, as read. */
      readonly messages: readonly Message[];
      /** Where older messages continue (`before`), null when the first message is shown. */
      readonly older: string | null;
    };

/** Adds messages not shown yet (a live event repeats a post's own answer), keeping them oldest first. */
function merged(shown: readonly Message[], more: readonly Message[]): Message[] {
  const known = new Set(shown.map((m) => m.id));
  const fresh = more.filter((m) => !known.has(m.id));
  return [...shown, ...fresh].sort(
    (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

const liveSentences: Record<LiveState, string> = {
  connecting: "Connecting…",
  live: "Live: new messages appear as they are written.",
  stopped: "Live updates stopped. Reload the page to see new messages.",
};

function newKey(): string {
  return crypto.randomUUID();
}

function Thread({ id }: { id: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  const [summary, setSummary] = useState<ConversationSummary | null>(null);
  /** Where the live stream starts: fixed once the first page is read (undefined before). */
  const [streamAfter, setStreamAfter] = useState<string | null | undefined>(undefined);
  const [live, setLive] = useState<LiveState>("connecting");
  const [olderBusy, setOlderBusy] = useState(false);
  const [confirmation, setConfirmation] = useState("");

  useEffect(() => {
    let current = true;
    listMessages(id, null).then(
      (page) => {
        if (!current) return;
        const messages = [...page.items].reverse();
        setLoaded({ state: "shown", messages, older: page.nextCursor });
        setStreamAfter(messages.at(-1)?.id ?? null);
        void markRead(id).catch(() => undefined);
      },
      (error: unknown) =>
        current &&
        setLoaded({ state: "failed", message: failureText(error, "This conversation could not be loaded.") }),
    );
    myConversations().then(
      (page) => current && setSummary(page.items.find((c) => c.id === id) ?? null),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [id]);

  useLiveMessages(
    id,
    streamAfter,
    (message) => {
      setLoaded((now) => (now.state === "shown" ? { ...now, messages: merged(now.messages, [message]) } : now));
      if (message.author?.isViewer !== true) void markRead(id).catch(() => undefined);
    },
    setLive,
  );

  const others = summary?.others.map((o) => o.displayName).join(" and ") ?? "";
  const title = others === "" ? "Conversation" : `Conversation with ${others}`;
  usePageTitle(title);

  const loadOlder = () => {
    if (loaded.state !== "shown" || loaded.older === null) return;
    setOlderBusy(true);
    listMessages(id, loaded.older)
      .then((page) =>
        setLoaded((now) =>
          now.state === "shown"
            ? { ...now, messages: merged([...page.items].reverse(), now.messages), older: page.nextCursor }
            : now,
        ),
      )
      .catch((error: unknown) => setConfirmation(failureText(error, "Older messages could not be loaded.")))
      .finally(() => setOlderBusy(false));
  };

  return (
    <>
      <h1>{title}</h1>
      <p>
        {summary?.swap != null && <a href={`/swaps/${summary.swap.id}`}>The swap and its sessions</a>}
        <span class="muted live-state"> {liveSentences[live]}</span>
      </p>
      <p role="status" class="confirmation">
        {confirmation}
      </p>
      {loaded.state === "loading" && <Loading>Loading messages…</Loading>}
      {loaded.state === "failed" && <Failure>{loaded.message}</Failure>}
      {loaded.state === "shown" && (
        <>
          {loaded.older !== null && (
            <button type="button" class="button" onClick={loadOlder} disabled={olderBusy}>
              {olderBusy ? "Loading…" : "Show older messages"}
            </button>
          )}
          {loaded.messages.length === 0 && <p class="empty">No message yet. Say hello!</p>}
          <div role="log" aria-label="Messages">
            <ol class="messages">
              {loaded.messages.map((message) => (
                <MessageItem key={message.id} message={message} />
              ))}
            </ol>
          </div>
          <MessageForm
            id={id}
            onPosted={(message) => {
              setLoaded((now) => (now.state === "shown" ? { ...now, messages: merged(now.messages, [message]) } : now));
              setConfirmation("Message sent.");
            }}
          />
        </>
      )}
    </>
  );
}

function MessageForm({ id, onPosted }: { id: string; onPosted: (message: Message) => void }) {
  // One key per message written: a retried send (a second click, a flaky network) repeats it, and the API answers
  // with the message the first attempt stored instead of posting it twice. A sent message, or a changed text
  // (another message, which the API would refuse under the first one's key), gets a new key.
  const attempt = useRef({ key: newKey(), text: "" });
  const form = useApiForm(["text"], async (data) => {
    const text = textOf(data, "text");
    if (text !== attempt.current.text) attempt.current = { key: newKey(), text };
    const message = await postMessage(id, text, attempt.current.key);
    attempt.current = { key: newKey(), text: "" };
    form.formRef.current?.reset();
    onPosted(message);
  });
  const error = form.fieldError("text");
  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate class="message-form" aria-label="Write a message">
      <FormMessage form={form} />
      <div class="field">
        <label htmlFor="message-text">Your message</label>
        <textarea
          id="message-text"
          name="text"
          rows={3}
          required
          onKeyDown={(event) => {
            // Ctrl/⌘+Enter sends, as in most chat apps; Enter alone starts a new line.
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) event.currentTarget.form?.requestSubmit();
          }}
          aria-invalid={error === undefined ? undefined : "true"}
          aria-describedby={error === undefined ? "message-hint" : "message-hint message-text-error"}
        />
        <p class="hint" id="message-hint">
          Ctrl+Enter sends. Your partner sees it here, and in Discord or Slack if they use it.
        </p>
        {error !== undefined && (
          <p class="field-error" id="message-text-error">
            {error}
          </p>
        )}
      </div>
      <button type="submit" class="button primary" disabled={form.busy}>
        {form.busy ? "Sending…" : "Send"}
      </button>
    </form>
  );
}

/** /conversations/:id: a swap's private conversation, live, with where each message was written. */
export function ConversationThread() {
  const { params } = useRoute();
  const id = params["id"] ?? "";
  return <SignedInOnly title="Conversation">{() => <Thread key={id} id={id} />}</SignedInOnly>;
}
