import { z } from "zod";
import { conflict, forbidden, invalid, notFound } from "../../errors.js";
import type { Db, Tx } from "../../infra/prisma/database.js";
import type { Prisma } from "../../infra/prisma/generated/sqlite/client.js";
import { translate } from "../../messages/index.js";
import { recordEvent } from "../outbox/record-event.js";
import { viewerMaySee } from "../profiles/visibility.js";
import type { Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";
import { idField, lineField, textField } from "../shared/fields.js";
import { decodeCursor, encodeCursor, pageInput, pageOf, type Page } from "../shared/pages.js";
import { normalizeHandle } from "../shared/text.js";
import { parseInput } from "../shared/validate.js";
import { canEdit, reviewEditWindowMs, reviewRefusal, type ReviewRefusal } from "./rules.js";

const ratingField = z.number().int().min(1, "field.rating").max(5, "field.rating");
export const submitInput = z
  .object({
    rating: ratingField,
    text: textField(0, 2000).default(""),
    /** Whom the review is about; needed only in a three-person swap. */
    about: lineField(1, 40).optional(),
  })
  .strict();
export const editInput = z.object({ rating: ratingField.optional(), text: textField(0, 2000).optional() }).strict();
export const replyInput = z.object({ text: textField(1, 2000) }).strict();
export const reportInput = z.object({ reason: textField(3, 1000) }).strict();
const listInput = pageInput(20);
const listCursor = z.tuple([idField]);

export interface ReviewView {
  readonly id: string;
  readonly swapId: string;
  readonly author: { readonly handle: string; readonly displayName: string } | null;
  /** "a deleted user" once the author's account is gone: the review stays on the other person's profile. */
  readonly authorName: string;
  readonly subject: string;
  readonly rating: number;
  readonly text: string;
  readonly reply: string | null;
  readonly createdAt: Date;
  readonly editableUntil: Date;
}

const reviewSelect = {
  id: true,
  swapId: true,
  rating: true,
  body: true,
  reply: true,
  createdAt: true,
  editableUntil: true,
  authorId: true,
  subjectId: true,
  author: { select: { handle: true, displayName: true } },
  subject: { select: { handle: true, visibility: true, status: true } },
} satisfies Prisma.ReviewSelect;

type ReviewRow = Prisma.ReviewGetPayload<{ select: typeof reviewSelect }>;

function toView(row: ReviewRow): ReviewView {
  return {
    id: row.id,
    swapId: row.swapId,
    author: row.author,
    authorName: row.author?.displayName ?? translate("user.deleted_name"),
    subject: row.subject.handle,
    rating: row.rating,
    text: row.body,
    reply: row.reply,
    createdAt: row.createdAt,
    editableUntil: row.editableUntil,
  };
}

function refused(reason: ReviewRefusal) {
  switch (reason) {
    case "not_participant":
      return notFound("SWAP.NOT_FOUND", "swap.not_found");
    case "self":
      return invalid("REVIEW.SELF", [{ field: "about", message: translate("review.self") }]);
    case "nothing_completed":
      return conflict("REVIEW.TOO_EARLY", "review.too_early");
    case "already_reviewed":
      return conflict("REVIEW.ALREADY", "review.already");
  }
}

export function createReviewsService(deps: ServiceDeps) {
  const { db, ids, clock } = deps;

  async function load(tx: Tx | Db, reviewId: string): Promise<ReviewRow> {
    const row = await tx.review.findUnique({ where: { id: reviewId }, select: reviewSelect });
    if (row === null) throw notFound("REVIEW.NOT_FOUND", "review.not_found");
    return row;
  }

  /**
   * A review the actor may see: their own, one about them, or one on a profile they may see (reviews are shown
   * on the subject's profile). Any other answers "not found", as if it did not exist.
   */
  async function visibleReview(tx: Tx | Db, actor: Actor, reviewId: string): Promise<ReviewRow> {
    const row = await load(tx, reviewId);
    if (row.authorId === actor.userId || row.subjectId === actor.userId) return row;
    if (!(await viewerMaySee(tx, actor.userId, { id: row.subjectId, ...row.subject })))
      throw notFound("REVIEW.NOT_FOUND", "review.not_found");
    return row;
  }

  return {
    /** Reviews the other participant of a swap once something in it was completed: 1–5 and a few words. */
    async submit(actor: Actor, swapId: string, input: z.input<typeof submitInput>): Promise<ReviewView> {
      const data = parseInput(submitInput, input, "REVIEW.INVALID");
      const reviewId = ids.next();
      await db.$transaction(async (tx) => {
        const swap = await tx.swap.findUnique({
          where: { id: swapId },
          select: {
            status: true,
            participants: { select: { userId: true, user: { select: { handle: true } } } },
            sessions: { where: { status: "completed" }, select: { id: true }, take: 1 },
          },
        });
        const participants = swap?.participants ?? [];
        const others = participants.filter((p) => p.userId !== actor.userId);
        const about =
          data.about === undefined
            ? others.length === 1
              ? others[0]
              : undefined
            : participants.find((p) => p.user.handle === normalizeHandle(data.about ?? ""));
        if (!participants.some((p) => p.userId === actor.userId)) throw refused("not_participant");
        if (others.length > 1 && data.about === undefined)
          throw invalid("REVIEW.INVALID", [{ field: "about", message: translate("review.which_person") }]);
        const existing =
          about === undefined
            ? null
            : await tx.review.findFirst({
                where: { swapId, authorId: actor.userId, subjectId: about.userId },
                select: { id: true },
              });
        const refusal = reviewRefusal({
          authorTakesPart: participants.some((p) => p.userId === actor.userId),
          subjectTakesPart: about !== undefined,
          aboutSelf: about?.userId === actor.userId,
          somethingHappened: swap?.status === "completed" || (swap?.sessions.length ?? 0) > 0,
          alreadyReviewed: existing !== null,
        });
        if (refusal !== null || about === undefined) throw refused(refusal ?? "not_participant");
        const now = clock.now();
        await tx.review.create({
          data: {
            id: reviewId,
            swapId,
            authorId: actor.userId,
            subjectId: about.userId,
            rating: data.rating,
            body: data.text,
            createdAt: now,
            editableUntil: new Date(now.getTime() + reviewEditWindowMs),
          },
        });
        await recordEvent(tx, deps, {
          type: "review.received",
          aggregateId: about.userId,
          payload: { reviewId, swapId, authorId: actor.userId, subjectId: about.userId, rating: data.rating },
        });
      });
      return toView(await load(db, reviewId));
    },

    /** The author changes rating or text, within 14 days. */
    async edit(actor: Actor, reviewId: string, input: z.input<typeof editInput>): Promise<ReviewView> {
      const data = parseInput(editInput, input, "REVIEW.INVALID");
      await db.$transaction(async (tx) => {
        const row = await visibleReview(tx, actor, reviewId);
        if (row.authorId !== actor.userId) throw forbidden("REVIEW.NOT_YOURS", "review.not_yours");
        if (!canEdit(row, clock.now())) throw conflict("REVIEW.LOCKED", "review.locked");
        await tx.review.update({
          where: { id: reviewId },
          data: {
            ...(data.rating === undefined ? {} : { rating: data.rating }),
            ...(data.text === undefined ? {} : { body: data.text }),
          },
        });
        // The subject's rating changed: their search document and match score follow.
        await recordEvent(tx, deps, {
          type: "review.received",
          aggregateId: row.subjectId,
          payload: {
            reviewId,
            swapId: row.swapId,
            authorId: actor.userId,
            subjectId: row.subjectId,
            rating: data.rating ?? row.rating,
          },
        });
      });
      return toView(await load(db, reviewId));
    },

    /** The reviewed person answers, once. */
    async reply(actor: Actor, reviewId: string, input: z.input<typeof replyInput>): Promise<ReviewView> {
      const data = parseInput(replyInput, input, "REVIEW.INVALID");
      await db.$transaction(async (tx) => {
        const row = await visibleReview(tx, actor, reviewId);
        if (row.subjectId !== actor.userId) throw forbidden("REVIEW.NOT_ABOUT_YOU", "review.not_about_you");
        if (row.reply !== null) throw conflict("REVIEW.ALREADY_REPLIED", "review.already_replied");
        await tx.review.update({ where: { id: reviewId }, data: { reply: data.text, repliedAt: clock.now() } });
      });
      return toView(await load(db, reviewId));
    },

    /** Flags a review for the admins (and SkillSwap's operators). */
    async report(actor: Actor, reviewId: string, input: z.input<typeof reportInput>): Promise<{ reportId: string }> {
      const data = parseInput(reportInput, input, "REVIEW.INVALID");
      return db.$transaction(async (tx) => {
        const row = await visibleReview(tx, actor, reviewId);
        const reportId = ids.next();
        await tx.report.create({
          data: {
            id: reportId,
            reporterId: actor.userId,
            reviewId,
            subjectUserId: row.authorId,
            reason: data.reason,
            createdAt: clock.now(),
          },
        });
        await recordEvent(tx, deps, {
          type: "review.reported",
          aggregateId: reviewId,
          payload: { reportId, reviewId, reporterId: actor.userId },
        });
        return { reportId };
      });
    },

    /** The reviews on someone's profile, newest first, for whoever may see that profile. */
    async listFor(
      viewer: Actor | null,
      handle: string,
      options: z.input<typeof listInput> = {},
    ): Promise<Page<ReviewView>> {
      const { limit, cursor } = parseInput(listInput, options, "REVIEW.INVALID");
      const owner = await db.user.findUnique({
        where: { handle: normalizeHandle(handle) },
        select: { id: true, visibility: true, status: true },
      });
      if (owner === null || !(await viewerMaySee(db, viewer?.userId ?? null, owner)))
        throw notFound("USER.NOT_FOUND", "user.not_found", { handle });
      const before = cursor === undefined ? null : decodeCursor("reviews", cursor, listCursor, "REVIEW.INVALID")[0];
      const rows = await db.review.findMany({
        where: { subjectId: owner.id, ...(before === null ? {} : { id: { lt: before } }) },
        orderBy: { id: "desc" },
        take: limit + 1,
        select: reviewSelect,
      });
      return pageOf(rows, limit, toView, (r) => encodeCursor("reviews", [r.id]));
    },
  };
}

export type ReviewsService = ReturnType<typeof createReviewsService>;
