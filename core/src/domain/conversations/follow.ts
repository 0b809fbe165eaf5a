import type { Db } from "../../infra/prisma/database.js";
import type { Actor } from "../shared/actor.js";
import type { MessageFeed } from "./message-feed.js";
import { messageSelect, messageView, type MessageRow, type MessageView } from "./message-view.js";

/** Read a page at a time when catching up, so a follower far behind does not load a whole thread at once. */
const catchUpPage = 100;
/** Enough ids to drop what the catch-up and the feed both hand over, without growing for as long as a stream lives. */
const rememberedIds = 1_000;

export interface FollowOptions {
  readonly db: Db;
  readonly feed: MessageFeed;
  readonly viewer: Actor;
  readonly conversationId: string;
  readonly after: string | undefined;
  readonly signal: AbortSignal;
}

/**
 * The messages of a conversation as they come: first those after `after` (what a reconnecting client missed),
 * then each new one, until `signal` aborts. It listens to the feed before it resolves, so whatever is committed
 * once the caller holds the stream reaches it (an HTTP answer opens after this, so a message posted as soon as
 * it opens is not lost); and before the catch-up reads, so nothing committed in between falls through. What both
 * hand over is sent once.
 *
 * The feed may also hand over messages committed a little before it was listened to: those up to the start
 * (`after`, or the newest message when following from now) are the caller's already, and are dropped by id.
 * Ids sort by creation, not commit, so a message whose transaction took its id before the start's yet committed
 * after it would be dropped too: a window of milliseconds, against repeating a message to every follower.
 */
export async function followMessages(options: FollowOptions): Promise<AsyncIterable<MessageView>> {
  const { db, feed, conversationId, signal } = options;
  const inbox: Inbox = { waiting: [], lost: false, wake: undefined };
  const stop = await feed.listen(conversationId, (news) => {
    if (news === "lost") inbox.lost = true;
    else inbox.waiting.push(...news);
    inbox.wake?.();
  });
  const end = () => {
    stop();
    inbox.wake?.();
  };
  signal.addEventListener("abort", end, { once: true });
  if (signal.aborted) end();
  try {
    const start =
      options.after ??
      (
        await db.message.findFirst({
          where: { conversationId },
          orderBy: { id: "desc" },
          select: { id: true },
        })
      )?.id;
    return follow(options, inbox, start, () => {
      signal.removeEventListener("abort", end);
      stop();
    });
  } catch (error) {
    end();
    throw error;
  }
}

interface Inbox {
  readonly waiting: MessageRow[];
  lost: boolean;
  wake: (() => void) | undefined;
}

async function* follow(
  options: FollowOptions,
  inbox: Inbox,
  start: string | undefined,
  stop: () => void,
): AsyncGenerator<MessageView, void, undefined> {
  const { db, viewer, conversationId, signal } = options;
  const sent = new RecentIds(rememberedIds);
  let last = start;
  const catchUp = async function* () {
    for (;;) {
      const rows = await db.message.findMany({
        where: { conversationId, ...(last === undefined ? {} : { id: { gt: last } }) },
        orderBy: { id: "asc" },
        take: catchUpPage,
        select: messageSelect,
      });
      yield* rows;
      if (rows.length < catchUpPage || signal.aborted) return;
    }
  };
  try {
    let catchingUp = true;
    while (!signal.aborted) {
      if (catchingUp || inbox.lost) {
        catchingUp = false;
        inbox.lost = false;
        for await (const row of catchUp()) {
          if (signal.aborted) return;
          if (sent.add(row.id)) yield messageView(row, viewer);
          last = row.id;
        }
        continue;
      }
      const row = inbox.waiting.shift();
      if (row === undefined) {
        await new Promise<void>((resolve) => (inbox.wake = resolve));
        inbox.wake = undefined;
        continue;
      }
      if ((start !== undefined && row.id <= start) || !sent.add(row.id)) continue;
      if (last === undefined || row.id > last) last = row.id;
      yield messageView(row, viewer);
    }
  } finally {
    stop();
  }
}

/** The last `capacity` ids seen, oldest forgotten first. */
class RecentIds {
  private readonly ids = new Set<string>();
  constructor(private readonly capacity: number) {}

  /** Remembers `id`; false when it was already there. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next();
      if (oldest.done !== true) this.ids.delete(oldest.value);
    }
    return true;
  }
}
