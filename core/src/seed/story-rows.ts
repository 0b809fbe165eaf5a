import type { Prisma } from "../infra/prisma/generated/sqlite/client.js";
import type { DomainEvent } from "../domain/outbox/events.js";
import type { TryKey } from "./people-to-try.js";

/** Generated demo people the story gives a part, chosen from the crowd when the story is written. */
export type CrowdKey = "heckler" | "guitarist" | "coder";
/** Anyone the story names: a person to try, or one of the crowd it casts. */
export type Who = TryKey | CrowdKey;
/** Where something was said: the dashboard, or a chat platform whose bot stored it. */
export type Surface = "dashboard" | "discord" | "slack";

export const hour = 3_600_000;
export const day = 24 * hour;
// Discord's snowflakes count milliseconds from the first second of 2015.
const discordEpoch = 1_420_070_400_000n;

export interface StoryEvent {
  readonly id: string;
  readonly at: Date;
  readonly event: DomainEvent;
}

/** The rows the use cases would have left, and the events they would have recorded, gathered for one write. */
export class StoryRows {
  readonly swaps: Prisma.SwapCreateManyInput[] = [];
  readonly participants: Prisma.SwapParticipantCreateManyInput[] = [];
  readonly sessions: Prisma.SwapSessionCreateManyInput[] = [];
  readonly confirmations: Prisma.SessionConfirmationCreateManyInput[] = [];
  readonly conversations: Prisma.ConversationCreateManyInput[] = [];
  readonly members: Prisma.ConversationParticipantCreateManyInput[] = [];
  readonly messages: Prisma.MessageCreateManyInput[] = [];
  readonly reviews: Prisma.ReviewCreateManyInput[] = [];
  readonly threads: Prisma.ForumThreadCreateManyInput[] = [];
  readonly posts: Prisma.ForumPostCreateManyInput[] = [];
  readonly reports: Prisma.ReportCreateManyInput[] = [];
  readonly follows: Prisma.FollowCreateManyInput[] = [];
  readonly groupMembers: Prisma.GroupMemberCreateManyInput[] = [];
  readonly events: StoryEvent[] = [];
  private counter = 0;

  constructor(
    readonly now: number,
    private readonly cast: ReadonlyMap<Who, string>,
  ) {}

  /** A moment counted back from seeding (negative: still to come), on the hour so the story reads tidily. */
  at(daysAgo: number): Date {
    return new Date(Math.floor((this.now - daysAgo * day) / hour) * hour);
  }

  idOf(who: Who): string {
    const id = this.cast.get(who);
    if (id === undefined) throw new Error(`The demo story has nobody to play ${who}.`);
    return id;
  }

  /**
   * Ids shaped like the real ones (the time in base 36, then 12 characters), so that lists ordered by id, such
   * as a person's swaps, place the story where its dates say; "demo" and a counter keep them deterministic.
   */
  idAt(at: Date): string {
    return `${at.getTime().toString(36).padStart(9, "0")}demo${(++this.counter).toString(36).padStart(8, "0")}`;
  }

  /** What a platform calls a message it carried: a snowflake on Discord, a timestamp on Slack, our id otherwise. */
  externalIdOf(surface: Surface, id: string, at: Date): string {
    const n = ++this.counter;
    if (surface === "discord") return (((BigInt(at.getTime()) - discordEpoch) << 22n) + BigInt(n)).toString();
    if (surface === "slack") return `${Math.floor(at.getTime() / 1000)}.${String(n).padStart(6, "0")}`;
    return id;
  }

  record(at: Date, event: DomainEvent): string {
    const id = this.idAt(at);
    this.events.push({ id, at, event });
    return id;
  }

  /** The events in the order they happened: SQLite's readers of the outbox follow insertion order. */
  eventsInOrder(): StoryEvent[] {
    return [...this.events].sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id));
  }
}
