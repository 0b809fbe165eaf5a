import { z } from "zod";
import type { Database } from "../../infra/prisma/database.js";
import type { Clock } from "../../ports/clock.js";
import { OutboxTail, type OutboxPosition } from "../outbox/outbox-tail.js";
import { messageSelect, type MessageRow } from "./message-view.js";

/** How often the outbox is read while anyone follows a conversation: other processes' messages arrive within it. */
const lookEveryMs = 250;

/** New messages of one conversation, or "lost": the feed could not tell what it missed (read the list again). */
export type FeedNews = readonly MessageRow[] | "lost";
export type FeedListener = (news: FeedNews) => void;

const postedPayload = z.object({ messageId: z.string() });

/**
 * Tells the followers of a conversation (a live thread on the dashboard) about each message committed to it,
 * whichever process posted it (the bot, another web process): it tails the outbox, where every post commits its
 * `message.posted` event, as the search and match feeds do. Polling the messages table by id instead would skip
 * a message whose transaction took its id before another's yet committed after it (see OutboxTail); and
 * one reader per process, not one per open stream, keeps the cost flat however many threads are open.
 *
 * The outbox is only read while someone listens, a pass at a time; when the last one leaves, the position is
 * dropped, so a feed started again reads from then on rather than through everything posted meanwhile.
 */
export class MessageFeed {
  private readonly tail: OutboxTail;
  private readonly listeners = new Map<string, Set<FeedListener>>();
  private position: OutboxPosition | null = null;
  /** Settles once the running loop knows where "now" is; null while no loop runs. */
  private started: Promise<void> | null = null;

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {
    this.tail = new OutboxTail(database);
  }

  /**
   * Calls `listener` with the messages committed to the conversation from now on, in the order they committed
   * (one committed while this resolves may come too: a follower drops what it already has). Resolves once the
   * feed knows where "now" is; the returned function stops listening.
   */
  async listen(conversationId: string, listener: FeedListener): Promise<() => void> {
    const set = this.listeners.get(conversationId) ?? new Set<FeedListener>();
    set.add(listener);
    this.listeners.set(conversationId, set);
    const stop = () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(conversationId) === set) this.listeners.delete(conversationId);
    };
    this.started ??= this.loop();
    try {
      await this.started;
    } catch (error) {
      stop();
      throw error;
    }
    return stop;
  }

  /**
   * One loop per feed, so reads of the tail happen one after the other. Resolves once the position is taken
   * (rejects, and ends, when it cannot be); then reads the outbox until nobody listens.
   */
  private async loop(): Promise<void> {
    try {
      this.position = await this.tail.start(this.clock.now());
    } catch (error) {
      this.started = null;
      throw error;
    }
    void this.follow();
  }

  private async follow(): Promise<void> {
    while (this.listeners.size > 0) {
      await pause(lookEveryMs);
      if (this.listeners.size === 0) break;
      try {
        await this.pass();
      } catch {
        // A failed read (a dropped connection, the database closing) is tried again at the next look: the
        // position only moves past events that were read.
      }
    }
    // Checked and reset with no await in between: a listener arriving now finds no loop and starts one.
    this.started = null;
    this.position = null;
    this.tail.forget();
  }

  private async pass(): Promise<void> {
    const from = this.position;
    if (from === null) return;
    const now = this.clock.now();
    // Announced inside the pass: a page whose announcement failed is handed over again by the next one.
    const next = await this.tail.follow(from, now, async (entries) => {
      const posted = entries.filter((e) => e.type === "message.posted" && this.listeners.has(e.aggregateId));
      if (posted.length > 0) await this.announce(posted.map((e) => e.id));
    });
    if (next === null) {
      // The position cannot be read from any more (the outbox was rewritten): start again from now, and tell
      // every follower to look for itself.
      this.tail.forget();
      this.position = await this.tail.start(now);
      for (const set of this.listeners.values()) for (const listener of set) listener("lost");
      return;
    }
    this.position = next;
  }

  private async announce(eventIds: readonly string[]): Promise<void> {
    const events = await this.database.db.outboxEvent.findMany({
      where: { id: { in: [...eventIds] } },
      select: { payload: true },
    });
    const messageIds = events.flatMap((e) => {
      const payload = postedPayload.safeParse(JSON.parse(e.payload));
      return payload.success ? [payload.data.messageId] : [];
    });
    const rows = await this.database.db.message.findMany({
      where: { id: { in: messageIds } },
      select: messageSelect,
      orderBy: { id: "asc" },
    });
    const byConversation = new Map<string, MessageRow[]>();
    for (const row of rows)
      byConversation.set(row.conversationId, [...(byConversation.get(row.conversationId) ?? []), row]);
    for (const [conversationId, news] of byConversation)
      for (const listener of this.listeners.get(conversationId) ?? []) listener(news);
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
