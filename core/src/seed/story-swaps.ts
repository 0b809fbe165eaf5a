import type { Prisma } from "../infra/prisma/generated/sqlite/client.js";
import { reviewEditWindowMs } from "../domain/reviews/rules.js";
import { skillIdFor } from "../domain/skills/catalog.js";
import { requestLifetimeMs, type SwapKind, type SwapStatus } from "../domain/swaps/types.js";
import { day, hour, type StoryRows, type Surface, type Who } from "./story-rows.js";

/** A line of a swap's conversation, written on the dashboard unless a platform is named. */
export type Said = readonly [who: Who, text: string, surface?: Surface];
/** A review of the swap and, when given, the reviewed person's public reply. */
export type Reviewed = readonly [author: Who, rating: number, text: string, reply?: string];
/** A session: who teaches, and when (days before seeding; negative for one still to come). */
export type Met = readonly [teacher: Who, daysAgo: number];

/** One swap of the story: who asked whom for what, and how far it went. Times count back from seeding. */
export interface StorySwap {
  readonly kind: SwapKind;
  readonly requester: Who;
  readonly recipient: Who;
  /** The requester teaches it; null for a one-way request. */
  readonly offer: string | null;
  /** The recipient teaches it (in a cycle: the third person teaches it to the requester). */
  readonly want: string;
  /** A cycle's third person, and what the recipient teaches them. */
  readonly cycle?: { readonly after: Who; readonly nextTeaches: string };
  readonly message: string;
  readonly status: SwapStatus;
  readonly askedDaysAgo: number;
  /** When it was accepted, declined or withdrawn. */
  readonly answeredDaysAgo?: number;
  /** Without sessions: when both said it was done. With sessions, the last one completes it. */
  readonly completedDaysAgo?: number;
  readonly cancelledBy?: Who;
  readonly declineReason?: string;
  readonly chat?: readonly Said[];
  readonly sessions?: readonly Met[];
  readonly reviews?: readonly Reviewed[];
}

interface Seat {
  readonly who: Who;
  readonly role: "requester" | "recipient";
  readonly teaches: string | null;
  readonly learns: string | null;
}

const skillOf = (slug: string | null) => (slug === null ? null : skillIdFor(slug));
const sessionMinutes = 60;

/** Who sits in the swap and who teaches whom: two people, or three around a cycle. */
function seatsOf(swap: StorySwap): Seat[] {
  if (swap.cycle === undefined)
    return [
      { who: swap.requester, role: "requester", teaches: swap.offer, learns: swap.want },
      { who: swap.recipient, role: "recipient", teaches: swap.want, learns: swap.offer },
    ];
  const { after, nextTeaches } = swap.cycle;
  return [
    { who: swap.requester, role: "requester", teaches: swap.offer, learns: swap.want },
    { who: swap.recipient, role: "recipient", teaches: nextTeaches, learns: swap.offer },
    { who: after, role: "recipient", teaches: swap.want, learns: nextTeaches },
  ];
}

/** When each step of a swap happened; null for the steps it never took. */
interface Moments {
  readonly asked: Date;
  readonly expires: Date;
  readonly answered: Date | null;
  readonly accepted: Date | null;
  readonly cancelled: Date | null;
}

function momentsOf(rows: StoryRows, swap: StorySwap): Moments {
  const asked = rows.at(swap.askedDaysAgo);
  const answered = swap.answeredDaysAgo === undefined ? null : rows.at(swap.answeredDaysAgo);
  const accepted = swap.status === "accepted" || swap.status === "completed";
  return {
    asked,
    expires: new Date(asked.getTime() + requestLifetimeMs),
    answered,
    accepted: accepted ? answered : null,
    cancelled: swap.status === "cancelled" ? answered : null,
  };
}

/** How the request ended when nobody accepted it: declined, left to expire, or withdrawn by its sender. */
function recordUnanswered(rows: StoryRows, swap: StorySwap, swapId: string, when: Moments, by: string): void {
  if (swap.status === "declined" && when.answered !== null)
    rows.record(when.answered, {
      type: "swap.declined",
      aggregateId: swapId,
      payload: { swapId, by, reason: swap.declineReason ?? "" },
    });
  if (swap.status === "expired")
    rows.record(when.expires, { type: "swap.expired", aggregateId: swapId, payload: { swapId } });
  if (when.cancelled !== null)
    rows.record(when.cancelled, {
      type: "swap.cancelled",
      aggregateId: swapId,
      payload: { swapId, by: swap.cancelledBy === undefined ? null : rows.idOf(swap.cancelledBy), why: "cancelled" },
    });
}

function swapRow(rows: StoryRows, swap: StorySwap, swapId: string, when: Moments, completedAt: Date | null) {
  return {
    id: swapId,
    kind: swap.kind,
    status: swap.status,
    requesterId: rows.idOf(swap.requester),
    offeredSkillId: skillOf(swap.offer),
    wantedSkillId: skillOf(swap.want),
    message: swap.message,
    declineReason: swap.declineReason ?? "",
    createdAt: when.asked,
    updatedAt: completedAt ?? when.answered ?? (swap.status === "expired" ? when.expires : when.asked),
    expiresAt: when.expires,
    respondedAt: when.accepted ?? (swap.status === "declined" ? when.answered : null),
    completedAt,
    cancelledAt: when.cancelled,
    cancelledById: when.cancelled === null || swap.cancelledBy === undefined ? null : rows.idOf(swap.cancelledBy),
  } satisfies Prisma.SwapCreateManyInput;
}

/** A swap of the story, from the request to where it stands now. */
export function addSwap(rows: StoryRows, swap: StorySwap): void {
  const when = momentsOf(rows, swap);
  const swapId = rows.idAt(when.asked);
  const seats = seatsOf(swap);
  const [requesterId = "", ...recipientIds] = seats.map((s) => rows.idOf(s.who));
  rows.record(when.asked, {
    type: "swap.requested",
    aggregateId: swapId,
    payload: { swapId, requesterId, recipientIds },
  });
  recordUnanswered(rows, swap, swapId, when, recipientIds[0] ?? "");
  if (when.accepted !== null) addConversation(rows, swap, seats, swapId, when.accepted);
  const lastSession = addSessions(rows, swap, seats, swapId, when.accepted);
  const completedAt =
    swap.status !== "completed" ? null : (lastSession ?? rows.at(swap.completedDaysAgo ?? swap.askedDaysAgo));
  rows.swaps.push(swapRow(rows, swap, swapId, when, completedAt));
  // A completed swap without sessions is one everyone said was done; with sessions, the last one completed it.
  const saidDone = completedAt !== null && lastSession === null ? completedAt : null;
  for (const seat of seats)
    rows.participants.push({
      swapId,
      userId: rows.idOf(seat.who),
      role: seat.role,
      teachesSkillId: skillOf(seat.teaches),
      learnsSkillId: skillOf(seat.learns),
      acceptedAt: seat.role === "requester" ? when.asked : when.accepted,
      completedAt: saidDone,
    });
  if (completedAt !== null) {
    rows.record(completedAt, { type: "swap.completed", aggregateId: swapId, payload: { swapId } });
    addReviews(rows, swap, seats, swapId, new Date(completedAt.getTime() + day));
  }
}

/**
 * The conversation the last acceptance opens for everyone in the swap, and what they said there. A cycle
 * records the first acceptance without a conversation: it is on only once both others said yes.
 */
function addConversation(rows: StoryRows, swap: StorySwap, seats: readonly Seat[], swapId: string, at: Date): void {
  const conversationId = rows.idAt(at);
  const acceptors = seats.filter((s) => s.role === "recipient").map((s) => rows.idOf(s.who));
  acceptors.forEach((by, i) => {
    const last = i === acceptors.length - 1;
    rows.record(new Date(at.getTime() - (acceptors.length - 1 - i) * hour), {
      type: "swap.accepted",
      aggregateId: swapId,
      payload: { swapId, by, conversationId: last ? conversationId : null },
    });
  });
  rows.conversations.push({ id: conversationId, swapId, createdAt: at });
  const said = (swap.chat ?? []).map(([who, body, surface = "dashboard"], i) => ({
    who,
    body,
    surface,
    at: new Date(at.getTime() + (i + 1) * 3 * hour),
  }));
  // Each has read up to their own last line: what the others said after it waits for them, unread.
  for (const seat of seats) {
    const lastOwn = said.filter((s) => s.who === seat.who).at(-1)?.at ?? at;
    rows.members.push({ conversationId, userId: rows.idOf(seat.who), lastReadAt: lastOwn });
  }
  // No platform channel rows: the demo's guild and workspace do not exist, and a relay to them could only fail.
  for (const { who, body, surface, at: written } of said) {
    const messageId = rows.idAt(written);
    const authorId = rows.idOf(who);
    rows.messages.push({
      id: messageId,
      conversationId,
      authorId,
      body,
      source: surface,
      externalId: rows.externalIdOf(surface, messageId, written),
      createdAt: written,
    });
    rows.record(written, {
      type: "message.posted",
      aggregateId: conversationId,
      payload: { conversationId, messageId, authorId, source: surface },
    });
  }
}

/**
 * The swap's sessions: those past took place and both sides confirmed them, those to come are scheduled. Each
 * was scheduled a few days ahead (never before the swap was on) and reminded the day before. Answers when the
 * last past session completed, or null without any.
 */
function addSessions(
  rows: StoryRows,
  swap: StorySwap,
  seats: readonly Seat[],
  swapId: string,
  accepted: Date | null,
): Date | null {
  if (accepted === null) return null;
  let last: Date | null = null;
  for (const [teacher, daysAgo] of swap.sessions ?? []) {
    const startsAt = rows.at(daysAgo);
    const seat = seats.find((s) => s.who === teacher);
    const sessionId = rows.idAt(startsAt);
    const scheduled = new Date(Math.max(accepted.getTime() + hour, startsAt.getTime() - 4 * day));
    const past = startsAt.getTime() + sessionMinutes * 60_000 < rows.now;
    const done = past ? new Date(startsAt.getTime() + 3 * hour) : null;
    rows.sessions.push({
      id: sessionId,
      swapId,
      skillId: skillOf(seat?.teaches ?? null),
      createdById: rows.idOf(teacher),
      startsAt,
      durationMinutes: sessionMinutes,
      mode: "online",
      place: "https://meet.jit.si/skillswap-demo",
      status: done === null ? "scheduled" : "completed",
      createdAt: scheduled,
      updatedAt: done ?? scheduled,
      remindedAt: past ? new Date(startsAt.getTime() - day) : null,
      completedAt: done,
    });
    // Confirmed by the teacher right after it, by the others a couple of hours later: the last one completes it.
    for (const s of seats)
      rows.confirmations.push({
        sessionId,
        userId: rows.idOf(s.who),
        confirmedAt: done === null ? null : new Date(done.getTime() - (s.who === teacher ? 2 * hour : 0)),
      });
    const startsAtText = startsAt.toISOString();
    rows.record(scheduled, {
      type: "session.scheduled",
      aggregateId: swapId,
      payload: { swapId, sessionId, startsAt: startsAtText },
    });
    if (done === null) continue;
    rows.record(new Date(startsAt.getTime() - day), {
      type: "session.reminder",
      aggregateId: swapId,
      payload: { swapId, sessionId, startsAt: startsAtText },
    });
    rows.record(done, { type: "session.completed", aggregateId: swapId, payload: { swapId, sessionId } });
    last = done;
  }
  return last;
}

function addReviews(rows: StoryRows, swap: StorySwap, seats: readonly Seat[], swapId: string, written: Date): void {
  for (const [author, rating, body, reply] of swap.reviews ?? []) {
    const reviewId = rows.idAt(written);
    const authorId = rows.idOf(author);
    const subject = seats.find((s) => s.who !== author)?.who ?? author;
    const subjectId = rows.idOf(subject);
    const repliedAt = reply === undefined ? null : new Date(written.getTime() + day);
    const review: Prisma.ReviewCreateManyInput = {
      id: reviewId,
      swapId,
      authorId,
      subjectId,
      rating,
      body,
      reply: reply ?? null,
      repliedAt,
      createdAt: written,
      updatedAt: repliedAt ?? written,
      editableUntil: new Date(written.getTime() + reviewEditWindowMs),
    };
    rows.reviews.push(review);
    rows.record(written, {
      type: "review.received",
      aggregateId: subjectId,
      payload: { reviewId, swapId, authorId, subjectId, rating },
    });
  }
}
