import { useEffect } from "preact/hooks";
import * as z from "zod/mini";
import { message, messageEventsUrl, type Message } from "../api/conversations.js";

/** Whether new messages arrive by themselves. */
export type LiveState = "connecting" | "live" | "stopped";

/**
 * Follows a conversation's new messages over Server-Sent Events. Starting after the newest message the page
 * already shows, so nothing written between the first read and the stream's opening is missed; on a dropped
 * connection EventSource reconnects with Last-Event-ID by itself, and the server replays what came after it.
 */
export function useLiveMessages(
  conversationId: string,
  after: string | null | undefined,
  onMessage: (message: Message) => void,
  onState: (state: LiveState) => void,
): void {
  useEffect(() => {
    // undefined: the first page is not read yet, so where to start is not known.
    if (after === undefined) return;
    const url = messageEventsUrl(conversationId) + (after === null ? "" : `?lastEventId=${encodeURIComponent(after)}`);
    const source = new EventSource(url);
    source.addEventListener("open", () => onState("live"));
    // CONNECTING: EventSource retries by itself. CLOSED: the server refused (signed out meanwhile): it will not.
    source.addEventListener("error", () =>
      onState(source.readyState === EventSource.CLOSED ? "stopped" : "connecting"),
    );
    source.addEventListener("message", (event: MessageEvent<string>) => {
      const parsed = z.safeParse(message, JSON.parse(event.data) as unknown);
      if (parsed.success) onMessage(parsed.data);
    });
    return () => source.close();
    // The handlers only call the page's state setters: the conversation and the start point are what matter.
  }, [conversationId, after]);
}
