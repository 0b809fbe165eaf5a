import { z } from "zod";
import { idField, lineField, textField } from "../shared/fields.js";
import { invalid, notFound } from "../../errors.js";
import type { Tx } from "../../infra/prisma/database.js";
import { translate } from "../../messages/index.js";
import { recordEvent } from "../outbox/record-event.js";
import { requireActiveUser } from "../profiles/service.js";
import type { Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";
import { cursorDate, decodeCursor, encodeCursor, pageInput, pageOf, type Page } from "../shared/pages.js";
import { normalizeHandle } from "../shared/text.js";
import { parseInput } from "../shared/validate.js";
import { cancelSwapsBetween } from "../swaps/service.js";
import { communityReports } from "./reports.js";

export const handleInput = z.object({ handle: lineField(1, 40) }).strict();
const blocksInput = pageInput(50);
const blocksCursor = z.tuple([cursorDate, idField]);
export const reportInput = z
  .object({
    handle: lineField(1, 40),
    reason: textField(3, 1000),
  })
  .strict();

/** Someone the actor blocked. Only the handle they typed to block them: a block says nothing of a hidden profile. */
export interface BlockView {
  readonly handle: string;
  readonly blockedAt: Date;
}

export function createModerationService(deps: ServiceDeps) {
  const { db, ids, clock } = deps;

  /**
   * The person named by a handle. Blocking and reporting work on anyone who exists, visible or not — the one
   * exception to "what you may not see is not found": someone harassed from a private profile (or by someone who
   * already blocked them) must be able to block and report them, and the answer does not say which it was.
   */
  async function personOf(tx: Tx, actor: Actor, typed: string) {
    const handle = normalizeHandle(typed);
    const user = await tx.user.findUnique({ where: { handle }, select: { id: true, status: true } });
    if (user === null || user.status !== "active")
      throw notFound("USER.NOT_FOUND", "user.not_found", { handle: typed });
    if (user.id === actor.userId)
      throw invalid("MODERATION.SELF", [{ field: "handle", message: translate("moderation.self") }]);
    return user;
  }

  return {
    ...communityReports(deps),

    /** The people the actor blocked, most recent first, a page at a time. */
    async blocks(actor: Actor, options: z.input<typeof blocksInput> = {}): Promise<Page<BlockView>> {
      const { limit, cursor } = parseInput(blocksInput, options, "MODERATION.INVALID");
      const at = cursor === undefined ? null : decodeCursor("blocks", cursor, blocksCursor, "MODERATION.INVALID");
      const rows = await db.block.findMany({
        where: {
          blockerId: actor.userId,
          ...(at === null
            ? {}
            : { OR: [{ createdAt: { lt: at[0] } }, { createdAt: at[0], blockedId: { lt: at[1] } }] }),
        },
        orderBy: [{ createdAt: "desc" }, { blockedId: "desc" }],
        take: limit + 1,
        select: { blockedId: true, createdAt: true, blocked: { select: { handle: true } } },
      });
      return pageOf(
        rows,
        limit,
        (r) => ({ handle: r.blocked.handle, blockedAt: r.createdAt }),
        (r) => encodeCursor("blocks", [r.createdAt.getTime(), r.blockedId]),
      );
    },

    /**
     * Blocks a person: from now on neither sees the other in search, matches or profiles, their pending
     * requests are withdrawn, and they cannot message each other. Blocking twice is harmless.
     */
    async block(actor: Actor, input: z.input<typeof handleInput>): Promise<{ cancelledRequests: number }> {
      const { handle } = parseInput(handleInput, input, "MODERATION.INVALID");
      return db.$transaction(async (tx) => {
        await requireActiveUser(tx, actor.userId);
        const target = await personOf(tx, actor, handle);
        const existing = await tx.block.findUnique({
          where: { blockerId_blockedId: { blockerId: actor.userId, blockedId: target.id } },
        });
        if (existing !== null) return { cancelledRequests: 0 };
        await tx.block.create({ data: { blockerId: actor.userId, blockedId: target.id, createdAt: clock.now() } });
        const cancelledRequests = await cancelSwapsBetween(tx, deps, actor.userId, target.id);
        await recordEvent(tx, deps, {
          type: "user.blocked",
          aggregateId: actor.userId,
          payload: { blockerId: actor.userId, blockedId: target.id },
        });
        return { cancelledRequests };
      });
    },

    /** Lifts a block the actor made (a block made by the other person stays). */
    async unblock(actor: Actor, input: z.input<typeof handleInput>): Promise<void> {
      const { handle } = parseInput(handleInput, input, "MODERATION.INVALID");
      await db.$transaction(async (tx) => {
        const target = await personOf(tx, actor, handle);
        const removed = await tx.block.deleteMany({ where: { blockerId: actor.userId, blockedId: target.id } });
        if (removed.count > 0)
          await recordEvent(tx, deps, {
            type: "user.unblocked",
            aggregateId: actor.userId,
            payload: { blockerId: actor.userId, blockedId: target.id },
          });
      });
    },

    /** Reports a person to the admins of the communities the reporter shares with them. */
    async report(actor: Actor, input: z.input<typeof reportInput>): Promise<{ reportIds: string[] }> {
      const data = parseInput(reportInput, input, "MODERATION.INVALID");
      return db.$transaction(async (tx) => {
        await requireActiveUser(tx, actor.userId);
        const target = await personOf(tx, actor, data.handle);
        const shared = await tx.communityMember.findMany({
          where: { userId: actor.userId, community: { members: { some: { userId: target.id } } } },
          select: { communityId: true },
        });
        // Outside any shared community the report still lands, for SkillSwap's own operators (no community).
        const communities = shared.length === 0 ? [null] : shared.map((s) => s.communityId);
        const reportIds: string[] = [];
        for (const communityId of communities) {
          const id = ids.next();
          await tx.report.create({
            data: {
              id,
              reporterId: actor.userId,
              subjectUserId: target.id,
              communityId,
              reason: data.reason,
              createdAt: clock.now(),
            },
          });
          reportIds.push(id);
          await recordEvent(tx, deps, {
            type: "user.reported",
            aggregateId: target.id,
            payload: { reportId: id, reporterId: actor.userId, subjectId: target.id },
          });
        }
        return { reportIds };
      });
    },
  };
}

export type ModerationService = ReturnType<typeof createModerationService>;
