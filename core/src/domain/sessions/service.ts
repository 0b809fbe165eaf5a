import { z } from "zod";
import { idField, lineField } from "../shared/fields.js";
import { decodeCursor, encodeCursor, pageInput, pageOf, type Page } from "../shared/pages.js";
import { conflict, DomainError, invalid, notFound } from "../../errors.js";
import type { Db, Tx } from "../../infra/prisma/database.js";
import type { Prisma } from "../../infra/prisma/generated/sqlite/client.js";
import { translate } from "../../messages/index.js";
import { normalizeText } from "../../text/words.js";
import { recordEvent } from "../outbox/record-event.js";
import type { Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";
import { parseInput } from "../shared/validate.js";
import {
  decideSession,
  disputeWindowMs,
  reminderLeadMs,
  sessionModes,
  sessionMovesFor,
  type SessionAction,
  type SessionFacts,
  type SessionMove,
  type SessionMode,
  type SessionRefusal,
  type SessionStatus,
} from "./rules.js";

export const scheduleInput = z
  .object({
    startsAt: z.iso.datetime({ offset: true }),
    durationMinutes: z.number().int().min(15).max(480).default(60),
    mode: z.enum(sessionModes),
    /** A link when online, an address when in person. */
    place: lineField(0, 300).default(""),
    /** Which of the swap's skills the session is for (required when the swap has two). */
    skill: lineField(1, 80).optional(),
  })
  .strict();

export const rescheduleInput = z
  .object({
    startsAt: z.iso.datetime({ offset: true }),
    durationMinutes: z.number().int().min(15).max(480).optional(),
    place: lineField(0, 300).optional(),
  })
  .strict();

const listInput = pageInput(20);
const listCursor = z.tuple([idField]);

export interface SessionView {
  readonly id: string;
  readonly swapId: string;
  readonly skill: { readonly skillId: string; readonly name: string } | null;
  readonly startsAt: Date;
  readonly durationMinutes: number;
  readonly mode: SessionMode;
  readonly place: string;
  readonly status: SessionStatus;
  readonly confirmedBy: readonly string[];
  readonly disputedBy: readonly string[];
  /** What the viewer may do with it now. */
  readonly moves: readonly SessionMove[];
}

const sessionSelect = {
  id: true,
  swapId: true,
  startsAt: true,
  durationMinutes: true,
  mode: true,
  place: true,
  status: true,
  skill: { select: { id: true, name: true } },
  confirmations: { select: { userId: true, confirmedAt: true, disputedAt: true, user: { select: { handle: true } } } },
  swap: { select: { status: true, participants: { select: { userId: true } } } },
} as const;

type SessionRow = Prisma.SwapSessionGetPayload<{ select: typeof sessionSelect }>;

/** The one place a refused session move becomes the error people see. */
export function refusal(reason: SessionRefusal): DomainError {
  switch (reason) {
    case "not_participant":
      return notFound("SESSION.NOT_FOUND", "session.not_found");
    case "closed":
      return conflict("SESSION.CLOSED", "session.closed");
    case "not_ended":
      return conflict("SESSION.NOT_ENDED", "session.not_ended");
    case "not_due":
      return conflict("SESSION.NOT_DUE", "session.closed");
  }
}

/**
 * A swap completes by itself once every skill in it has had a completed session and nothing is still
 * scheduled or disputed (participants can also say so themselves: swaps.complete).
 */
async function completeSwapIfDone(tx: Tx, deps: Pick<ServiceDeps, "ids" | "clock" | "database">, swapId: string) {
  const swap = await tx.swap.findUnique({
    where: { id: swapId },
    select: {
      status: true,
      participants: { select: { learnsSkillId: true } },
      sessions: { select: { status: true, skillId: true } },
    },
  });
  if (swap === null || swap.status !== "accepted") return;
  const live = swap.sessions.filter((s) => s.status !== "cancelled");
  if (live.some((s) => s.status !== "completed")) return;
  const taught = new Set(live.map((s) => s.skillId));
  const learned = swap.participants.flatMap((p) => (p.learnsSkillId === null ? [] : [p.learnsSkillId]));
  if (learned.length === 0 || !learned.every((skillId) => taught.has(skillId))) return;
  await tx.swap.update({ where: { id: swapId }, data: { status: "completed", completedAt: deps.clock.now() } });
  await recordEvent(tx, deps, { type: "swap.completed", aggregateId: swapId, payload: { swapId } });
}

export function createSessionsService(deps: ServiceDeps) {
  const { db, ids, clock } = deps;

  async function load(tx: Tx | Db, sessionId: string) {
    const row = await tx.swapSession.findUnique({ where: { id: sessionId }, select: sessionSelect });
    if (row === null) throw notFound("SESSION.NOT_FOUND", "session.not_found");
    return row;
  }

  /** Only a swap's participants see its sessions; anyone else learns nothing, not even that the swap exists. */
  async function requireParticipant(actor: Actor, swapId: string): Promise<void> {
    const mine = await db.swapParticipant.findUnique({
      where: { swapId_userId: { swapId, userId: actor.userId } },
      select: { userId: true },
    });
    if (mine === null) throw notFound("SWAP.NOT_FOUND", "swap.not_found");
  }

  /** What the rules need to know about a session, from the side of `actorId` (null: the scheduled jobs). */
  function factsOf(row: SessionRow, actorId: string | null, now: Date): SessionFacts {
    const mine = row.confirmations.find((c) => c.userId === actorId);
    const others = row.confirmations.filter((c) => c.userId !== actorId);
    return {
      status: row.status as SessionStatus,
      participant: actorId !== null && row.swap.participants.some((p) => p.userId === actorId),
      ended: row.startsAt.getTime() + row.durationMinutes * 60_000 <= now.getTime(),
      participants: row.swap.participants.length,
      othersConfirmed: others.filter((c) => c.confirmedAt !== null).length,
      actorConfirmed: mine?.confirmedAt !== null && mine?.confirmedAt !== undefined,
      confirmedLongAgo:
        row.confirmations.every((c) => c.disputedAt === null) &&
        row.confirmations.some(
          (c) => c.confirmedAt !== null && now.getTime() - c.confirmedAt.getTime() >= disputeWindowMs,
        ),
    };
  }

  function toView(row: SessionRow, viewerId: string): SessionView {
    return {
      id: row.id,
      swapId: row.swapId,
      skill: row.skill === null ? null : { skillId: row.skill.id, name: row.skill.name },
      startsAt: row.startsAt,
      durationMinutes: row.durationMinutes,
      mode: row.mode as SessionMode,
      place: row.place,
      status: row.status as SessionStatus,
      confirmedBy: row.confirmations.filter((c) => c.confirmedAt !== null).map((c) => c.user.handle),
      disputedBy: row.confirmations.filter((c) => c.disputedAt !== null).map((c) => c.user.handle),
      moves: sessionMovesFor(factsOf(row, viewerId, clock.now())),
    };
  }

  /** One move of the session state machine, inside a transaction. */
  async function move(tx: Tx, sessionId: string, action: SessionAction, actor: Actor | null) {
    const row = await load(tx, sessionId);
    const now = clock.now();
    const outcome = decideSession(action, factsOf(row, actor?.userId ?? null, now));
    if (!outcome.ok) throw refusal(outcome.reason);
    return { row, now, status: outcome.status };
  }

  async function complete(tx: Tx, sessionId: string, swapId: string, now: Date) {
    await tx.swapSession.update({ where: { id: sessionId }, data: { status: "completed", completedAt: now } });
    await recordEvent(tx, deps, { type: "session.completed", aggregateId: swapId, payload: { swapId, sessionId } });
    await completeSwapIfDone(tx, deps, swapId);
  }

  return {
    /** Schedules a session inside an accepted swap, for one of its skills. */
    async schedule(actor: Actor, swapId: string, input: z.input<typeof scheduleInput>): Promise<SessionView> {
      const data = parseInput(scheduleInput, input, "SESSION.INVALID");
      const now = clock.now();
      if (Date.parse(data.startsAt) <= now.getTime())
        throw invalid("SESSION.INVALID", [{ field: "startsAt", message: translate("swap.time_in_past") }]);
      const sessionId = ids.next();
      await db.$transaction(async (tx) => {
        const swap = await tx.swap.findUnique({
          where: { id: swapId },
          select: {
            status: true,
            participants: { select: { userId: true, teaches: { select: { id: true, name: true } } } },
          },
        });
        if (swap === null || !swap.participants.some((p) => p.userId === actor.userId))
          throw notFound("SWAP.NOT_FOUND", "swap.not_found");
        if (swap.status !== "accepted") throw conflict("SWAP.NOT_ACCEPTED", "swap.not_accepted_yet");
        // Every skill someone in the swap teaches (two in a pair, three in a cycle, one one-way).
        const skills = swap.participants.flatMap((p) => (p.teaches === null ? [] : [p.teaches]));
        const named =
          data.skill === undefined
            ? skills.length === 1
              ? skills[0]
              : undefined
            : skills.find((s) => normalizeText(s.name) === normalizeText(data.skill ?? ""));
        if (named === undefined)
          throw invalid("SESSION.INVALID", [
            {
              field: "skill",
              message: translate("session.which_skill", { skills: skills.map((s) => s.name).join(", ") }),
            },
          ]);
        await tx.swapSession.create({
          data: {
            id: sessionId,
            swapId,
            skillId: named.id,
            createdById: actor.userId,
            startsAt: new Date(data.startsAt),
            durationMinutes: data.durationMinutes,
            mode: data.mode,
            place: data.place,
            createdAt: now,
            confirmations: { create: swap.participants.map((p) => ({ userId: p.userId })) },
          },
        });
        await recordEvent(tx, deps, {
          type: "session.scheduled",
          aggregateId: swapId,
          payload: { swapId, sessionId, startsAt: data.startsAt },
        });
      });
      return toView(await load(db, sessionId), actor.userId);
    },

    async reschedule(actor: Actor, sessionId: string, input: z.input<typeof rescheduleInput>): Promise<SessionView> {
      const data = parseInput(rescheduleInput, input, "SESSION.INVALID");
      if (Date.parse(data.startsAt) <= clock.now().getTime())
        throw invalid("SESSION.INVALID", [{ field: "startsAt", message: translate("swap.time_in_past") }]);
      await db.$transaction(async (tx) => {
        const { row } = await move(tx, sessionId, "reschedule", actor);
        await tx.swapSession.update({
          where: { id: sessionId },
          data: {
            startsAt: new Date(data.startsAt),
            // A reminder was for the old time: the new one gets its own.
            remindedAt: null,
            ...(data.durationMinutes === undefined ? {} : { durationMinutes: data.durationMinutes }),
            ...(data.place === undefined ? {} : { place: data.place }),
          },
        });
        await recordEvent(tx, deps, {
          type: "session.scheduled",
          aggregateId: row.swapId,
          payload: { swapId: row.swapId, sessionId, startsAt: data.startsAt },
        });
      });
      return toView(await load(db, sessionId), actor.userId);
    },

    async cancel(actor: Actor, sessionId: string): Promise<SessionView> {
      await db.$transaction(async (tx) => {
        const { row } = await move(tx, sessionId, "cancel", actor);
        await tx.swapSession.update({ where: { id: sessionId }, data: { status: "cancelled" } });
        await recordEvent(tx, deps, {
          type: "session.cancelled",
          aggregateId: row.swapId,
          payload: { swapId: row.swapId, sessionId, by: actor.userId },
        });
      });
      return toView(await load(db, sessionId), actor.userId);
    },

    /** A participant confirms the session took place; the last confirmation completes it. */
    async confirm(actor: Actor, sessionId: string): Promise<SessionView> {
      await db.$transaction(async (tx) => {
        const { row, now, status } = await move(tx, sessionId, "confirm", actor);
        await tx.sessionConfirmation.update({
          where: { sessionId_userId: { sessionId, userId: actor.userId } },
          data: { confirmedAt: now, disputedAt: null },
        });
        if (status === "completed") await complete(tx, sessionId, row.swapId, now);
      });
      return toView(await load(db, sessionId), actor.userId);
    },

    /** A participant says the session did not happen as recorded: it will not complete by itself. */
    async dispute(actor: Actor, sessionId: string): Promise<SessionView> {
      await db.$transaction(async (tx) => {
        const { row, now, status } = await move(tx, sessionId, "dispute", actor);
        await tx.sessionConfirmation.update({
          where: { sessionId_userId: { sessionId, userId: actor.userId } },
          data: { disputedAt: now, confirmedAt: null },
        });
        await tx.swapSession.update({ where: { id: sessionId }, data: { status } });
        await recordEvent(tx, deps, {
          type: "session.disputed",
          aggregateId: row.swapId,
          payload: { swapId: row.swapId, sessionId, by: actor.userId },
        });
      });
      return toView(await load(db, sessionId), actor.userId);
    },

    /** The sessions of a swap, soonest first, for its participants. */
    async listFor(actor: Actor, swapId: string): Promise<SessionView[]> {
      await requireParticipant(actor, swapId);
      const rows = await db.swapSession.findMany({
        where: { swapId },
        orderBy: { startsAt: "asc" },
        select: sessionSelect,
      });
      return rows.map((row) => toView(row, actor.userId));
    },

    /**
     * The sessions of a swap a page at a time, in the order they were scheduled (ids are time-ordered: a stable
     * keyset). Not by start time: a reschedule would move a session across a page already read.
     */
    async list(actor: Actor, swapId: string, options: z.input<typeof listInput> = {}): Promise<Page<SessionView>> {
      const { limit, cursor } = parseInput(listInput, options, "SESSION.INVALID");
      await requireParticipant(actor, swapId);
      const after = cursor === undefined ? null : decodeCursor("sessions", cursor, listCursor, "SESSION.INVALID")[0];
      const rows = await db.swapSession.findMany({
        where: { swapId, ...(after === null ? {} : { id: { gt: after } }) },
        orderBy: { id: "asc" },
        take: limit + 1,
        select: sessionSelect,
      });
      return pageOf(
        rows,
        limit,
        (row) => toView(row, actor.userId),
        (r) => encodeCursor("sessions", [r.id]),
      );
    },

    /** The scheduled job: sessions starting within a day, not yet announced, remind their participants once. */
    async remindDue(): Promise<number> {
      const now = clock.now();
      const due = await db.swapSession.findMany({
        where: {
          status: "scheduled",
          remindedAt: null,
          startsAt: { gt: now, lte: new Date(now.getTime() + reminderLeadMs) },
        },
        select: { id: true, swapId: true, startsAt: true },
        take: 500,
      });
      let reminded = 0;
      for (const session of due) {
        const marked = await db.$transaction(async (tx) => {
          // Marked and announced together; a second worker finds it already marked and moves on.
          const claimed = await tx.swapSession.updateMany({
            where: { id: session.id, remindedAt: null },
            data: { remindedAt: now },
          });
          if (claimed.count === 0) return false;
          await recordEvent(tx, deps, {
            type: "session.reminder",
            aggregateId: session.swapId,
            payload: { swapId: session.swapId, sessionId: session.id, startsAt: session.startsAt.toISOString() },
          });
          return true;
        });
        if (marked) reminded += 1;
      }
      return reminded;
    },

    /** The scheduled job: sessions one participant confirmed 72 hours ago, undisputed, complete. */
    async completeDue(): Promise<number> {
      const cutoff = new Date(clock.now().getTime() - disputeWindowMs);
      const due = await db.swapSession.findMany({
        where: { status: "scheduled", confirmations: { some: { confirmedAt: { lte: cutoff } } } },
        select: { id: true },
        take: 500,
      });
      let completed = 0;
      for (const { id } of due) {
        try {
          await db.$transaction(async (tx) => {
            const { row, now } = await move(tx, id, "autoComplete", null);
            await complete(tx, id, row.swapId, now);
          });
          completed += 1;
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
        }
      }
      return completed;
    },
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
