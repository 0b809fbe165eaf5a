import { z } from "zod";
import { conflict, DomainError, forbidden, invalid, notFound, rateLimited } from "../../errors.js";
import type { Db, Tx } from "../../infra/prisma/database.js";
import { translate } from "../../messages/index.js";
import { recordEvent } from "../outbox/record-event.js";
import { requireActiveUser } from "../profiles/service.js";
import { viewerMaySee } from "../profiles/visibility.js";
import { choicesFor, type HeldSkill, type SwapChoices } from "./choices.js";
import { requireAcceptableCycle } from "./cycle-check.js";
import type { Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";
import { idField, lineField, textField } from "../shared/fields.js";
import { normalizeHandle } from "../shared/text.js";
import { parseInput } from "../shared/validate.js";
import { findSkillByName } from "../skills/catalog.js";
import { decide, type SwapAction, type SwapActor, type SwapRefusal } from "./rules.js";
import { swapSelect, swapViewFor, type SwapRow } from "./view.js";
import {
  maxPendingOutgoing,
  openStatuses,
  requestLifetimeMs,
  swapListFilters,
  swapRoles,
  type SwapKind,
  type SwapRole,
  type SwapStatus,
  type SwapView,
} from "./types.js";

export const requestInput = z
  .object({
    /** The handle of the person asked. */
    to: lineField(1, 40),
    /** What they teach you. */
    want: lineField(1, 80),
    /** What you teach them; absent for a one-way request (you learn, nothing asked back). */
    offer: lineField(1, 80).optional(),
    message: textField(0, 1000).default(""),
    proposedTimes: z
      .array(z.iso.datetime({ offset: true }))
      .max(5)
      .default([]),
  })
  .strict();

export const cycleInput = z
  .object({
    /** You teach `next` your `youTeach`; `next` teaches `after` their `nextTeaches`; `after` teaches you. */
    next: lineField(1, 40),
    after: lineField(1, 40),
    youTeach: lineField(1, 80),
    nextTeaches: lineField(1, 80),
    afterTeaches: lineField(1, 80),
    message: textField(0, 1000).default(""),
  })
  .strict();

export const declineInput = z.object({ reason: textField(0, 500).default("") }).strict();

const listInput = z
  .object({
    status: z.enum(swapListFilters).optional(),
    /** Only the swaps I asked for (requester) or was asked (recipient): an inbox's outgoing and incoming. */
    role: z.enum(swapRoles).optional(),
    limit: z.number().int().min(1).max(50).default(20),
    before: idField.optional(),
  })
  .strict();

export type SwapRequestInput = z.input<typeof requestInput>;

/** The one place a refused move becomes the error people see. Outsiders learn nothing: "not found". */
export function refusal(reason: SwapRefusal, status: string): DomainError {
  switch (reason) {
    case "not_participant":
      return notFound("SWAP.NOT_FOUND", "swap.not_found");
    case "not_yours_to_answer":
      return forbidden("SWAP.NOT_YOURS_TO_ANSWER", "swap.not_yours_to_answer");
    case "not_yours_to_cancel":
      return forbidden("SWAP.NOT_YOURS_TO_CANCEL", "swap.not_yours_to_cancel");
    case "already_answered":
      return conflict("SWAP.ALREADY_ANSWERED", "swap.already_answered");
    case "already_closed":
      return conflict("SWAP.CLOSED", "swap.closed", { status });
    case "not_accepted_yet":
      return conflict("SWAP.NOT_ACCEPTED", "swap.not_accepted_yet");
    case "lapsed":
      return conflict("SWAP.LAPSED", "swap.lapsed");
    case "not_due":
      return conflict("SWAP.NOT_DUE", "swap.closed", { status });
  }
}

export function createSwapsService(deps: ServiceDeps) {
  const { db, ids, clock } = deps;

  async function load(tx: Tx | Db, swapId: string): Promise<SwapRow> {
    const row = await tx.swap.findUnique({ where: { id: swapId }, select: swapSelect });
    if (row === null) throw notFound("SWAP.NOT_FOUND", "swap.not_found");
    return row;
  }

  /** Applies one move of the state machine inside a transaction; returns the swap before and the new status. */
  async function move(tx: Tx, swapId: string, action: SwapAction, actor: SwapActor | Actor) {
    const row = await load(tx, swapId);
    const now = clock.now();
    const me = typeof actor === "string" ? undefined : row.participants.find((p) => p.userId === actor.userId);
    const role: SwapActor = typeof actor === "string" ? actor : ((me?.role as SwapRole | undefined) ?? "outsider");
    const others = row.participants.filter((p) => p !== me);
    const outcome = decide(action, role, {
      kind: row.kind as SwapKind,
      status: row.status as SwapStatus,
      othersAccepted: others.filter((p) => p.acceptedAt !== null).length,
      participants: row.participants.length,
      othersCompleted: others.filter((p) => p.completedAt !== null).length,
      expired: row.expiresAt.getTime() <= now.getTime(),
      actorAccepted: me?.acceptedAt !== null && me?.acceptedAt !== undefined && me.role === "recipient",
      actorCompleted: me?.completedAt !== null && me?.completedAt !== undefined,
    });
    if (!outcome.ok) throw refusal(outcome.reason, row.status);
    return { row, me, now, status: outcome.status };
  }

  /** The swap as `actor`, one of its participants, sees it now. */
  async function view(actor: Actor, swapId: string): Promise<SwapView> {
    return swapViewFor(await load(db, swapId), actor.userId, clock.now());
  }

  /** Resolves the person asked: someone the actor may see, not the actor, not blocked either way. */
  async function recipientOf(tx: Tx, actor: Actor, typed: string) {
    const handle = normalizeHandle(typed);
    const target = await tx.user.findUnique({
      where: { handle },
      select: { id: true, handle: true, displayName: true, status: true, visibility: true },
    });
    if (target === null || !(await viewerMaySee(tx, actor.userId, target))) {
      const iBlocked =
        target !== null &&
        (await tx.block.findUnique({
          where: { blockerId_blockedId: { blockerId: actor.userId, blockedId: target.id } },
        })) !== null;
      if (iBlocked) throw forbidden("SWAP.YOU_BLOCKED", "swap.you_blocked", { handle });
      throw notFound("USER.NOT_FOUND", "user.not_found", { handle: typed });
    }
    if (target.id === actor.userId) throw invalid("SWAP.SELF", [{ field: "to", message: translate("swap.self") }]);
    return target;
  }

  /** A person may have at most 20 requests waiting for an answer, pairs and cycles alike. */
  async function requireRoomForRequest(tx: Tx, userId: string): Promise<void> {
    const waiting = await tx.swap.count({ where: { requesterId: userId, status: "pending" } });
    if (waiting >= maxPendingOutgoing)
      throw rateLimited("SWAP.TOO_MANY_PENDING", "swap.too_many_pending", { max: maxPendingOutgoing });
  }

  async function teaches(tx: Tx, userId: string, skillId: string): Promise<boolean> {
    const row = await tx.userSkill.findUnique({
      where: { userId_skillId_direction: { userId, skillId, direction: "teach" } },
      select: { id: true },
    });
    return row !== null;
  }

  return {
    /**
     * Asks someone for a swap: they teach you `want`, you teach them `offer` (or nothing, for a one-way
     * request). One open request per pair of people and skills; at most 20 waiting at once.
     */
    async request(actor: Actor, input: SwapRequestInput): Promise<SwapView> {
      const data = parseInput(requestInput, input, "SWAP.INVALID");
      const now = clock.now();
      data.proposedTimes.forEach((time, i) => {
        if (Date.parse(time) <= now.getTime())
          throw invalid("SWAP.INVALID", [{ field: `proposedTimes.${i}`, message: translate("swap.time_in_past") }]);
      });
      const [want, offer] = await Promise.all([
        findSkillByName(db, data.want, actor.userId),
        data.offer === undefined ? Promise.resolve(null) : findSkillByName(db, data.offer, actor.userId),
      ]);
      if (want === null)
        throw invalid("SWAP.UNKNOWN_SKILL", [
          { field: "want", message: translate("skill.not_found", { name: data.want }) },
        ]);
      if (data.offer !== undefined && offer === null)
        throw invalid("SWAP.UNKNOWN_SKILL", [
          { field: "offer", message: translate("skill.not_found", { name: data.offer }) },
        ]);
      const swapId = ids.next();
      await db.$transaction(async (tx) => {
        await requireActiveUser(tx, actor.userId);
        const target = await recipientOf(tx, actor, data.to);
        if (!(await teaches(tx, target.id, want.id)))
          throw invalid("SWAP.NOT_TAUGHT", [
            { field: "want", message: translate("swap.they_dont_teach", { handle: target.handle, skill: want.name }) },
          ]);
        if (offer !== null && !(await teaches(tx, actor.userId, offer.id)))
          throw invalid("SWAP.NOT_TAUGHT", [
            { field: "offer", message: translate("swap.you_dont_teach", { skill: offer.name }) },
          ]);
        // The same two people and skills, whoever asked first, in either direction.
        const open = await tx.swap.findFirst({
          where: {
            status: { in: [...openStatuses] },
            AND: [
              { participants: { some: { userId: actor.userId } } },
              { participants: { some: { userId: target.id } } },
            ],
            OR: [
              { offeredSkillId: offer?.id ?? null, wantedSkillId: want.id },
              ...(offer === null ? [] : [{ offeredSkillId: want.id, wantedSkillId: offer.id }]),
            ],
          },
          select: { id: true },
        });
        if (open !== null) throw conflict("SWAP.ALREADY_OPEN", "swap.already_open", { handle: target.handle });
        await requireRoomForRequest(tx, actor.userId);
        await tx.swap.create({
          data: {
            id: swapId,
            kind: offer === null ? "one_way" : "pair",
            status: "pending",
            requesterId: actor.userId,
            offeredSkillId: offer?.id ?? null,
            wantedSkillId: want.id,
            message: data.message,
            proposedTimes: JSON.stringify(data.proposedTimes),
            createdAt: now,
            expiresAt: new Date(now.getTime() + requestLifetimeMs),
            participants: {
              create: [
                {
                  userId: actor.userId,
                  role: "requester",
                  teachesSkillId: offer?.id ?? null,
                  learnsSkillId: want.id,
                  acceptedAt: now,
                },
                { userId: target.id, role: "recipient", teachesSkillId: want.id, learnsSkillId: offer?.id ?? null },
              ],
            },
          },
        });
        await recordEvent(tx, deps, {
          type: "swap.requested",
          aggregateId: swapId,
          payload: { swapId, requesterId: actor.userId, recipientIds: [target.id] },
        });
      });
      return view(actor, swapId);
    },

    /**
     * Proposes a three-person swap (you teach the next person, who teaches the one after, who teaches you), as
     * the matching cycles suggest. It becomes active only when both others accept; one refusal declines it.
     */
    async requestCycle(actor: Actor, input: z.input<typeof cycleInput>): Promise<SwapView> {
      const data = parseInput(cycleInput, input, "SWAP.INVALID");
      const named = await Promise.all(
        (["youTeach", "nextTeaches", "afterTeaches"] as const).map(async (field) => {
          const skill = await findSkillByName(db, data[field], actor.userId);
          if (skill === null)
            throw invalid("SWAP.UNKNOWN_SKILL", [
              { field, message: translate("skill.not_found", { name: data[field] }) },
            ]);
          return skill;
        }),
      );
      const [x, y, z] = named as [(typeof named)[number], (typeof named)[number], (typeof named)[number]];
      const now = clock.now();
      const swapId = ids.next();
      await db.$transaction(async (tx) => {
        await requireActiveUser(tx, actor.userId);
        const b = await recipientOf(tx, actor, data.next);
        const c = await recipientOf(tx, actor, data.after);
        if (b.id === c.id) throw invalid("SWAP.INVALID", [{ field: "after", message: translate("swap.cycle_three") }]);
        for (const [userId, skill, field, handle] of [
          [actor.userId, x, "youTeach", null],
          [b.id, y, "nextTeaches", b.handle],
          [c.id, z, "afterTeaches", c.handle],
        ] as const)
          if (!(await teaches(tx, userId, skill.id)))
            throw invalid("SWAP.NOT_TAUGHT", [
              {
                field,
                message:
                  handle === null
                    ? translate("swap.you_dont_teach", { skill: skill.name })
                    : translate("swap.they_dont_teach", { handle, skill: skill.name }),
              },
            ]);
        await requireAcceptableCycle(
          tx,
          deps.database.readRowsIn(tx),
          [{ id: actor.userId, handle: null }, b, c],
          [x, y, z],
          now,
        );
        const open = await tx.swap.findFirst({
          where: {
            kind: "cycle",
            status: { in: [...openStatuses] },
            AND: [actor.userId, b.id, c.id].map((userId) => ({ participants: { some: { userId } } })),
          },
          select: { id: true },
        });
        if (open !== null)
          throw conflict("SWAP.ALREADY_OPEN", "swap.already_open", { handle: `${b.handle}, ${c.handle}` });
        await requireRoomForRequest(tx, actor.userId);
        await tx.swap.create({
          data: {
            id: swapId,
            kind: "cycle",
            status: "pending",
            requesterId: actor.userId,
            offeredSkillId: x.id,
            wantedSkillId: z.id,
            message: data.message,
            createdAt: now,
            expiresAt: new Date(now.getTime() + requestLifetimeMs),
            participants: {
              create: [
                { userId: actor.userId, role: "requester", teachesSkillId: x.id, learnsSkillId: z.id, acceptedAt: now },
                { userId: b.id, role: "recipient", teachesSkillId: y.id, learnsSkillId: x.id },
                { userId: c.id, role: "recipient", teachesSkillId: z.id, learnsSkillId: y.id },
              ],
            },
          },
        });
        await recordEvent(tx, deps, {
          type: "swap.requested",
          aggregateId: swapId,
          payload: { swapId, requesterId: actor.userId, recipientIds: [b.id, c.id] },
        });
      });
      return view(actor, swapId);
    },

    /** The recipient says yes: the swap is on, and a private conversation opens for its participants. */
    async accept(actor: Actor, swapId: string): Promise<SwapView> {
      await db.$transaction(async (tx) => {
        const { row, now, status } = await move(tx, swapId, "accept", actor);
        await tx.swapParticipant.update({
          where: { swapId_userId: { swapId, userId: actor.userId } },
          data: { acceptedAt: now },
        });
        let conversationId: string | null = null;
        if (status === "accepted") {
          conversationId = ids.next();
          await tx.swap.update({ where: { id: swapId }, data: { status, respondedAt: now } });
          await tx.conversation.create({
            data: {
              id: conversationId,
              swapId,
              createdAt: now,
              participants: { create: row.participants.map((p) => ({ userId: p.userId })) },
            },
          });
        }
        await recordEvent(tx, deps, {
          type: "swap.accepted",
          aggregateId: swapId,
          payload: { swapId, by: actor.userId, conversationId },
        });
      });
      return view(actor, swapId);
    },

    /** The recipient says no, optionally saying why. */
    async decline(actor: Actor, swapId: string, input: z.input<typeof declineInput> = {}): Promise<SwapView> {
      const { reason } = parseInput(declineInput, input, "SWAP.INVALID");
      await db.$transaction(async (tx) => {
        const { now, status } = await move(tx, swapId, "decline", actor);
        await tx.swap.update({ where: { id: swapId }, data: { status, declineReason: reason, respondedAt: now } });
        await recordEvent(tx, deps, {
          type: "swap.declined",
          aggregateId: swapId,
          payload: { swapId, by: actor.userId, reason },
        });
      });
      return view(actor, swapId);
    },

    /** Withdraws a pending request (its sender), or calls off an accepted swap (either side). */
    async cancel(actor: Actor, swapId: string): Promise<SwapView> {
      await db.$transaction(async (tx) => {
        const { now, status } = await move(tx, swapId, "cancel", actor);
        await tx.swap.update({
          where: { id: swapId },
          data: { status, cancelledAt: now, cancelledById: actor.userId },
        });
        await recordEvent(tx, deps, {
          type: "swap.cancelled",
          aggregateId: swapId,
          payload: { swapId, by: actor.userId, why: "cancelled" },
        });
      });
      return view(actor, swapId);
    },

    /** A participant says the swap is done; it completes when every participant has. */
    async complete(actor: Actor, swapId: string): Promise<SwapView> {
      await db.$transaction(async (tx) => {
        const { now, status, me } = await move(tx, swapId, "complete", actor);
        if (me?.completedAt === null)
          await tx.swapParticipant.update({
            where: { swapId_userId: { swapId, userId: actor.userId } },
            data: { completedAt: now },
          });
        if (status === "completed") {
          await tx.swap.update({ where: { id: swapId }, data: { status, completedAt: now } });
          await recordEvent(tx, deps, { type: "swap.completed", aggregateId: swapId, payload: { swapId } });
        }
      });
      return view(actor, swapId);
    },

    /** One swap, for its participants only. */
    get: (actor: Actor, swapId: string): Promise<SwapView> => view(actor, swapId),

    /**
     * What the actor could ask `handle` for, before asking: the skills each of them teaches, those the other
     * wants first. The person is resolved as a request resolves them, so whom one cannot ask is refused here.
     */
    async choicesWith(actor: Actor, handle: string): Promise<SwapChoices> {
      const target = await db.$transaction((tx) => recipientOf(tx, actor, handle));
      const rows = await db.userSkill.findMany({
        where: { userId: { in: [actor.userId, target.id] } },
        select: {
          userId: true,
          skillId: true,
          direction: true,
          level: true,
          skill: { select: { name: true, status: true } },
        },
      });
      // Their skill still awaiting approval is not one the actor could name in a request.
      const held = (userId: string): HeldSkill[] =>
        rows
          .filter((r) => r.userId === userId && (userId === actor.userId || r.skill.status === "approved"))
          .map((r) => ({ skillId: r.skillId, name: r.skill.name, direction: r.direction, level: r.level }));
      const [mine, theirs] = [held(actor.userId), held(target.id)];
      return {
        handle: target.handle,
        displayName: target.displayName,
        theyTeach: choicesFor(theirs, mine),
        youTeach: choicesFor(mine, theirs),
      };
    },

    /** The actor's swaps, newest first, a page at a time (`before`: the last id of the previous page). */
    async list(actor: Actor, options: z.input<typeof listInput> = {}) {
      const input = parseInput(listInput, options, "SWAP.INVALID");
      const statuses: string[] | undefined =
        input.status === undefined
          ? undefined
          : input.status === "open"
            ? [...openStatuses]
            : input.status === "closed"
              ? ["declined", "cancelled", "expired", "completed"]
              : [input.status];
      // Ids are time-ordered, so "before this id" is "older than this swap", a stable keyset.
      const rows = await db.swap.findMany({
        where: {
          participants: { some: { userId: actor.userId, ...(input.role === undefined ? {} : { role: input.role }) } },
          ...(statuses === undefined ? {} : { status: { in: statuses } }),
          ...(input.before === undefined ? {} : { id: { lt: input.before } }),
        },
        orderBy: { id: "desc" },
        take: input.limit + 1,
        select: swapSelect,
      });
      const page = rows.slice(0, input.limit);
      const now = clock.now();
      return {
        swaps: page.map((row) => swapViewFor(row, actor.userId, now)),
        nextBefore: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
      };
    },

    /** The scheduled job: requests pending for 14 days lapse. Returns how many did. */
    async expireDue(): Promise<number> {
      const now = clock.now();
      const due = await db.swap.findMany({
        where: { status: "pending", expiresAt: { lte: now } },
        select: { id: true },
        take: 500,
      });
      let expired = 0;
      for (const { id } of due) {
        try {
          await db.$transaction(async (tx) => {
            const { status } = await move(tx, id, "expire", "system");
            await tx.swap.update({ where: { id }, data: { status } });
            await recordEvent(tx, deps, { type: "swap.expired", aggregateId: id, payload: { swapId: id } });
          });
          expired += 1;
        } catch (error) {
          // Answered or withdrawn since it was listed: nothing to expire.
          if (!(error instanceof DomainError)) throw error;
        }
      }
      return expired;
    },
  };
}

export type SwapsService = ReturnType<typeof createSwapsService>;

/** Cancels the pending requests between two people (a block), inside the caller's transaction. */
export async function cancelSwapsBetween(
  tx: Tx,
  deps: Pick<ServiceDeps, "ids" | "clock" | "database">,
  a: string,
  b: string,
): Promise<number> {
  const open = await tx.swap.findMany({
    where: {
      status: "pending",
      AND: [{ participants: { some: { userId: a } } }, { participants: { some: { userId: b } } }],
    },
    select: { id: true },
  });
  const now = deps.clock.now();
  for (const { id } of open) {
    await tx.swap.update({ where: { id }, data: { status: "cancelled", cancelledAt: now, cancelledById: a } });
    await recordEvent(tx, deps, {
      type: "swap.cancelled",
      aggregateId: id,
      payload: { swapId: id, by: a, why: "blocked" },
    });
  }
  return open.length;
}
