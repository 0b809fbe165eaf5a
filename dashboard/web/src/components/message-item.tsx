import type { Message } from "../api/conversations.js";

const surfaces: Record<Message["source"], string> = {
  dashboard: "on the web",
  discord: "from Discord",
  slack: "from Slack",
};

/** One message: who wrote it, from which surface (Discord, Slack, the web), when, whether they edited it since, and what. */
export function MessageItem({ message }: { message: Message }) {
  const mine = message.author?.isViewer === true;
  const at = new Date(message.createdAt);
  return (
    <li class={`message${mine ? " mine" : ""}`} data-source={message.source}>
      <p class="message-meta">
        <span class="message-author">{mine ? "You" : message.authorName}</span>{" "}
        <span class={`surface surface-${message.source}`}>{surfaces[message.source]}</span>{" "}
        <time dateTime={message.createdAt} class="muted">
          {at.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}
        </time>
        {message.editedAt !== null && (
          <>
            {" "}
            <span class="muted message-edited" title={`Edited ${new Date(message.editedAt).toLocaleString("en-GB")}`}>
              (edited)
            </span>
          </>
        )}
      </p>
      <p class="message-text">{message.text}</p>
    </li>
  );
}
