import type { Tx } from "../infra/prisma/database.js";
import type { Prisma } from "../infra/prisma/generated/sqlite/client.js";
import type { DomainEvent } from "../domain/outbox/events.js";
import { reviewEditWindowMs } from "../domain/reviews/rules.js";
import { skillIdFor } from "../domain/skills/catalog.js";
import { requestLifetimeMs, type SwapKind, type SwapStatus } from "../domain/swaps/types.js";
import { peopleToTry, type TryKey } from "./people-to-try.js";

type Said = readonly [who: TryKey, text: string];
type Reviewed = readonly [author: TryKey, rating: number, text: string];

/** One swap of the story: who asked whom for what, and how far it went. Times count back from seeding. */
interface StorySwap {
  readonly kind: Exclude<SwapKind, "cycle">;
  readonly requester: TryKey;
  readonly recipient: TryKey;
  /** The requester teaches it; null for a one-way request. */
  readonly offer: string | null;
  /** The recipient teaches it. */
  readonly want: string;
  readonly message: string;
  readonly status: Exclude<SwapStatus, "cancelled" | "expired">;
  readonly askedDaysAgo: number;
  readonly answeredDaysAgo?: number;
  readonly completedDaysAgo?: number;
  readonly declineReason?: string;
  readonly chat?: readonly Said[];
  readonly reviews?: readonly Reviewed[];
}

/** What the people to try have been through together: a swap in each state README shows. */
const story: readonly StorySwap[] = [
  {
    kind: "one_way",
    requester: "sam",
    recipient: "maria",
    offer: null,
    want: "spanish",
    message: "Hola María! I start a job in Madrid next spring. Could you get my Spanish going?",
    status: "completed",
    askedDaysAgo: 75,
    answeredDaysAgo: 74,
    completedDaysAgo: 40,
    chat: [
      ["maria", "¡Claro que sí! Thursday evenings, online, to start?"],
      ["sam", "Perfect. See you Thursday at 18:30."],
    ],
    reviews: [
      ["sam", 5, "María explains the subjunctive with flamenco lyrics. I finally get it."],
      ["maria", 5, "Came to every session with questions and a smile. ¡Suerte en Madrid!"],
    ],
  },
  {
    kind: "pair",
    requester: "theo",
    recipient: "sam",
    offer: "cooking",
    want: "javascript",
    message: "Salut Sam! I'd like to build a website for my photos. JavaScript for cooking lessons?",
    status: "declined",
    askedDaysAgo: 25,
    answeredDaysAgo: 24,
    declineReason: "Fully booked until the summer, sorry! Ask me again then.",
  },
  {
    kind: "pair",
    requester: "theo",
    recipient: "maria",
    offer: "photography",
    want: "guitar",
    message: "Bonjour María! Photography for guitar? Saturday mornings suit me.",
    status: "accepted",
    askedDaysAgo: 10,
    answeredDaysAgo: 9,
    chat: [
      ["maria", "With pleasure! Online first, and in person when I'm in Marseille?"],
      ["theo", "Deal. Bring your camera questions, I'll bring my terrible barre chords."],
      ["maria", "Saturday 10:00 then. I'll send a link on Friday."],
    ],
  },
  {
    kind: "pair",
    requester: "sam",
    recipient: "maria",
    offer: "python",
    want: "guitar",
    message: "Python for guitar? Wednesday evenings work for me.",
    status: "pending",
    askedDaysAgo: 2,
  },
];

/** Who follows whom among the people to try (the crowd's follows are drawn at random). */
const follows: ReadonlyArray<readonly [TryKey, TryKey]> = [
  ["sam", "maria"],
  ["theo", "maria"],
  ["maria", "theo"],
];

const day = 86_400_000;
const hour = 3_600_000;
const userIds = new Map(peopleToTry.map((person) => [person.key, person.id]));
const idOf = (key: TryKey) => userIds.get(key) ?? key;

/** The rows the use cases would have left, and the events they would have recorded, gathered for one write. */
class StoryRows {
  readonly swaps: Prisma.SwapCreateManyInput[] = [];
  readonly participants: Prisma.SwapParticipantCreateManyInput[] = [];
  readonly conversations: Prisma.ConversationCreateManyInput[] = [];
  readonly members: Prisma.ConversationParticipantCreateManyInput[] = [];
  readonly messages: Prisma.MessageCreateManyInput[] = [];
  readonly reviews: Prisma.ReviewCreateManyInput[] = [];
  readonly events: Array<{ readonly at: Date; readonly event: DomainEvent }> = [];
  private counter = 0;

  constructor(private readonly now: number) {}

  at(daysAgo: number): Date {
    return new Date(this.now - daysAgo * day);
  }

  /**
   * Ids shaped like the real ones (the time in base 36, then 12 characters), so that lists ordered by id, such
   * as a person's swaps, place the story where its dates say; "demo" and a counter keep them deterministic.
   */
  idAt(at: Date): string {
    return `${at.getTime().toString(36).padStart(9, "0")}demo${(++this.counter).toString(36).padStart(8, "0")}`;
  }

  record(at: Date, event: DomainEvent): void {
    this.events.push({ at, event });
  }
}

/** When each step of a swap of the story happened; null for the steps it never took. */
interface Moments {
  readonly asked: Date;
  readonly answered: Date | null;
  readonly accepted: Date | null;
  readonly completed: Date | null;
}

function momentsOf(rows: StoryRows, swap: StorySwap): Moments {
  const answered = swap.answeredDaysAgo === undefined ? null : rows.at(swap.answeredDaysAgo);
  return {
    asked: rows.at(swap.askedDaysAgo),
    answered,
    accepted: swap.status === "accepted" || swap.status === "completed" ? answered : null,
    completed: swap.completedDaysAgo === undefined ? null : rows.at(swap.completedDaysAgo),
  };
}

const skillOf = (slug: string | null) => (slug === null ? null : skillIdFor(slug));

function swapRow(swap: StorySwap, id: string, when: Moments): Prisma.SwapCreateManyInput {
  return {
    id,
    kind: swap.kind,
    status: swap.status,
    requesterId: idOf(swap.requester),
    offeredSkillId: skillOf(swap.offer),
    wantedSkillId: skillOf(swap.want),
    message: swap.message,
    declineReason: swap.declineReason ?? "",
    createdAt: when.asked,
    updatedAt: when.completed ?? when.answered ?? when.asked,
    expiresAt: new Date(when.asked.getTime() + requestLifetimeMs),
    respondedAt: when.answered,
    completedAt: when.completed,
  };
}

/** The requester teaches what they offer and learns what they want; the recipient the other way round. */
function participantRows(swap: StorySwap, swapId: string, when: Moments): Prisma.SwapParticipantCreateManyInput[] {
  const [offered, wanted] = [skillOf(swap.offer), skillOf(swap.want)];
  // A completed swap without sessions is one both people said was done.
  const completedAt = when.completed;
  return [
    { swapId, userId: idOf(swap.requester), role: "requester", teachesSkillId: offered, learnsSkillId: wanted },
    { swapId, userId: idOf(swap.recipient), role: "recipient", teachesSkillId: wanted, learnsSkillId: offered },
  ].map((row) => ({ ...row, acceptedAt: row.role === "requester" ? when.asked : when.accepted, completedAt }));
}

/** A swap of the story, from the request to where it stands now. */
function addSwap(rows: StoryRows, swap: StorySwap): void {
  const when = momentsOf(rows, swap);
  const swapId = rows.idAt(when.asked);
  const [requesterId, recipientId] = [idOf(swap.requester), idOf(swap.recipient)];
  rows.swaps.push(swapRow(swap, swapId, when));
  rows.participants.push(...participantRows(swap, swapId, when));
  rows.record(when.asked, {
    type: "swap.requested",
    aggregateId: swapId,
    payload: { swapId, requesterId, recipientIds: [recipientId] },
  });
  if (swap.status === "declined" && when.answered !== null)
    rows.record(when.answered, {
      type: "swap.declined",
      aggregateId: swapId,
      payload: { swapId, by: recipientId, reason: swap.declineReason ?? "" },
    });
  if (when.accepted !== null) addConversation(rows, swap, swapId, when.accepted);
  if (when.completed !== null) {
    rows.record(when.completed, { type: "swap.completed", aggregateId: swapId, payload: { swapId } });
    addReviews(rows, swap, swapId, new Date(when.completed.getTime() + day));
  }
}

/** The conversation an acceptance opens for the two people, and what they said there. */
function addConversation(rows: StoryRows, swap: StorySwap, swapId: string, accepted: Date): void {
  const conversationId = rows.idAt(accepted);
  const by = idOf(swap.recipient);
  rows.record(accepted, { type: "swap.accepted", aggregateId: swapId, payload: { swapId, by, conversationId } });
  rows.conversations.push({ id: conversationId, swapId, createdAt: accepted });
  const said = (swap.chat ?? []).map(([who, body], i) => ({
    who,
    body,
    at: new Date(accepted.getTime() + (i + 1) * hour),
  }));
  const lastReadAt = said.at(-1)?.at ?? accepted;
  for (const key of [swap.requester, swap.recipient])
    rows.members.push({ conversationId, userId: idOf(key), lastReadAt });
  for (const { who, body, at } of said) {
    const messageId = rows.idAt(at);
    const authorId = idOf(who);
    // Written on the dashboard, where a message's external id is its own id.
    rows.messages.push({
      id: messageId,
      conversationId,
      authorId,
      body,
      source: "dashboard",
      externalId: messageId,
      createdAt: at,
    });
    rows.record(at, {
      type: "message.posted",
      aggregateId: conversationId,
      payload: { conversationId, messageId, authorId, source: "dashboard" },
    });
  }
}

function addReviews(rows: StoryRows, swap: StorySwap, swapId: string, written: Date): void {
  for (const [author, rating, body] of swap.reviews ?? []) {
    const reviewId = rows.idAt(written);
    const authorId = idOf(author);
    const subjectId = idOf(author === swap.requester ? swap.recipient : swap.requester);
    const editableUntil = new Date(written.getTime() + reviewEditWindowMs);
    rows.reviews.push({
      id: reviewId,
      swapId,
      authorId,
      subjectId,
      rating,
      body,
      createdAt: written,
      updatedAt: written,
      editableUntil,
    });
    rows.record(written, {
      type: "review.received",
      aggregateId: subjectId,
      payload: { reviewId, swapId, authorId, subjectId, rating },
    });
  }
}

/**
 * The people to try's groups, follows and swaps, with the conversations and reviews those left, and the outbox
 * events the use cases would have recorded. The events are written as delivered, in the order they happened:
 * they are the demo's history, so `skillswap outbox` and the feed of followers show it, while the dispatcher
 * has nothing to send and nobody is notified of the past.
 */
export async function writeDemoStory(tx: Tx, now: number): Promise<void> {
  await tx.groupMember.createMany({
    data: peopleToTry.flatMap((person) =>
      person.groups.map((slug) => ({ groupId: `demo-group-${slug}`, userId: person.id, role: "member" })),
    ),
  });
  await tx.follow.createMany({ data: follows.map(([a, b]) => ({ followerId: idOf(a), followeeId: idOf(b) })) });
  const rows = new StoryRows(now);
  for (const swap of story) addSwap(rows, swap);
  await tx.swap.createMany({ data: rows.swaps });
  await tx.swapParticipant.createMany({ data: rows.participants });
  await tx.conversation.createMany({ data: rows.conversations });
  await tx.conversationParticipant.createMany({ data: rows.members });
  await tx.message.createMany({ data: rows.messages });
  await tx.review.createMany({ data: rows.reviews });
  // In the order things happened: SQLite's readers of the outbox follow insertion order.
  const events = [...rows.events].sort((a, b) => a.at.getTime() - b.at.getTime());
  await tx.outboxEvent.createMany({
    data: events.map(({ at, event }) => ({
      id: rows.idAt(at),
      type: event.type,
      aggregateId: event.aggregateId,
      payload: JSON.stringify(event.payload),
      status: "delivered",
      createdAt: at,
      availableAt: at,
      deliveredAt: at,
    })),
  });
}
