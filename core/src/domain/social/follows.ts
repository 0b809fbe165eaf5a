import { z } from "zod";
import { idField, lineField } from "../shared/fields.js";
import { invalid, notFound } from "../../errors.js";
import type { Db, Tx } from "../../infra/prisma/database.js";
import { translate } from "../../messages/index.js";
import { recordEvent } from "../outbox/record-event.js";
import { requireActiveUser } from "../profiles/service.js";
import { viewerMaySee, visibleAmong } from "../profiles/visibility.js";
import type { Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";
import { cursorDate, decodeCursor, encodeCursor, pageInput, pageOf, type Page } from "../shared/pages.js";
import { normalizeHandle } from "../shared/text.js";
import { parseInput } from "../shared/validate.js";

const handleInput = z.object({ handle: lineField(1, 40) }).strict();
const feedInput = pageInput(20, 50);
const peopleInput = pageInput(50);
const feedCursor = z.tuple([cursorDate, idField]);
const peopleCursor = z.tuple([lineField(1, 64)]);

type FollowSide = "followers" | "following";

/** What the feed tells about the people one follows. */
const feedTypes = ["skill.added", "review.received", "group.joined"] as const;

export interface FeedItem {
  readonly at: Date;
  readonly kind: (typeof feedTypes)[number];
  readonly person: string;
  readonly detail: Readonly<Record<string, string | number>>;
}

/** Someone in a list of follows: who they are, as anyone who may see them sees it. */
export interface PersonRef {
  readonly handle: string;
  readonly displayName: string;
}

function feedItemOf(event: { type: string; payload: string; createdAt: Date }, person: string): FeedItem {
  const payload = JSON.parse(event.payload) as Record<string, unknown>;
  const detail: Record<string, string | number> = {};
  for (const key of ["skillId", "direction", "level", "rating", "groupId"])
    if (typeof payload[key] === "string" || typeof payload[key] === "number") detail[key] = payload[key];
  return { at: event.createdAt, kind: event.type as FeedItem["kind"], person, detail };
}

export function createFollowsService(deps: ServiceDeps) {
  const { db, clock } = deps;

  /** Someone the viewer may see (blocked either way, private or deleted people are "not found"). */
  async function visiblePerson(tx: Tx | Db, viewer: Actor | null, typed: string) {
    const user = await tx.user.findUnique({
      where: { handle: normalizeHandle(typed) },
      select: { id: true, handle: true, status: true, visibility: true },
    });
    if (user === null || !(await viewerMaySee(tx, viewer?.userId ?? null, user)))
      throw notFound("USER.NOT_FOUND", "user.not_found", { handle: typed });
    return user;
  }

  /** One side of a person's follows, in handle order, from the handle `after` on (pre-filtered on what rows say). */
  async function followRows(side: FollowSide, personId: string, after: string, publicOnly: boolean, take: number) {
    const shown = { handle: { gt: after }, ...(publicOnly ? { status: "active", visibility: "public" } : {}) };
    const person = { select: { id: true, handle: true, displayName: true } } as const;
    if (side === "followers") {
      const rows = await db.follow.findMany({
        where: { followeeId: personId, follower: shown },
        orderBy: { follower: { handle: "asc" } },
        take,
        select: { follower: person },
      });
      return rows.map((r) => r.follower);
    }
    const rows = await db.follow.findMany({
      where: { followerId: personId, followee: shown },
      orderBy: { followee: { handle: "asc" } },
      take,
      select: { followee: person },
    });
    return rows.map((r) => r.followee);
  }

  /**
   * A page of one side of a person's follows: only the people the viewer may see (a visitor, public profiles).
   * Visibility is decided on fresh rows after reading, so a page is filled by reading on until it is full.
   */
  async function peoplePage(
    viewer: Actor | null,
    side: FollowSide,
    handle: string,
    options: z.input<typeof peopleInput>,
  ): Promise<Page<PersonRef>> {
    const { limit, cursor } = parseInput(peopleInput, options, "FOLLOW.INVALID");
    const person = await visiblePerson(db, viewer, handle);
    let after = cursor === undefined ? "" : decodeCursor("follows", cursor, peopleCursor, "FOLLOW.INVALID")[0];
    const found: PersonRef[] = [];
    for (;;) {
      const batch = await followRows(side, person.id, after, viewer === null, limit + 1);
      const visible =
        viewer === null
          ? null
          : await visibleAmong(
              deps.database,
              viewer.userId,
              batch.map((p) => p.id),
            );
      for (const p of batch)
        if (visible === null || visible.has(p.id)) found.push({ handle: p.handle, displayName: p.displayName });
      const last = batch.at(-1);
      if (found.length > limit || batch.length <= limit || last === undefined) break;
      after = last.handle;
    }
    return pageOf(
      found,
      limit,
      (p) => p,
      (p) => encodeCursor("follows", [p.handle]),
    );
  }

  return {
    /** Follows someone the actor may see; following twice changes nothing. */
    async follow(actor: Actor, input: z.input<typeof handleInput>): Promise<void> {
      const { handle } = parseInput(handleInput, input, "FOLLOW.INVALID");
      await db.$transaction(async (tx) => {
        await requireActiveUser(tx, actor.userId);
        const target = await visiblePerson(tx, actor, handle);
        if (target.id === actor.userId)
          throw invalid("FOLLOW.SELF", [{ field: "handle", message: translate("follow.self") }]);
        const key = { followerId_followeeId: { followerId: actor.userId, followeeId: target.id } };
        if ((await tx.follow.findUnique({ where: key })) !== null) return;
        await tx.follow.create({ data: { followerId: actor.userId, followeeId: target.id, createdAt: clock.now() } });
        await recordEvent(tx, deps, {
          type: "user.followed",
          aggregateId: target.id,
          payload: { followerId: actor.userId, followeeId: target.id },
        });
      });
    },

    async unfollow(actor: Actor, input: z.input<typeof handleInput>): Promise<void> {
      const { handle } = parseInput(handleInput, input, "FOLLOW.INVALID");
      await db.$transaction(async (tx) => {
        const target = await tx.user.findUnique({ where: { handle: normalizeHandle(handle) }, select: { id: true } });
        if (target === null) throw notFound("USER.NOT_FOUND", "user.not_found", { handle });
        await tx.follow.deleteMany({ where: { followerId: actor.userId, followeeId: target.id } });
      });
    },

    /** Who follows a person, as far as the viewer may see them, a page at a time in handle order. */
    followers: (viewer: Actor | null, handle: string, options: z.input<typeof peopleInput> = {}) =>
      peoplePage(viewer, "followers", handle, options),

    /** Whom a person follows, as far as the viewer may see them, a page at a time in handle order. */
    following: (viewer: Actor | null, handle: string, options: z.input<typeof peopleInput> = {}) =>
      peoplePage(viewer, "following", handle, options),

    /**
     * What the people the actor follows did lately (new skills, reviews received, groups joined), newest first,
     * read from the events their changes recorded; people the actor may no longer see drop out.
     */
    async feed(actor: Actor, options: z.input<typeof feedInput> = {}): Promise<Page<FeedItem>> {
      const { limit, cursor } = parseInput(feedInput, options, "FOLLOW.INVALID");
      const position = cursor === undefined ? null : decodeCursor("feed", cursor, feedCursor, "FOLLOW.INVALID");
      const followed = await db.follow.findMany({ where: { followerId: actor.userId }, select: { followeeId: true } });
      const visible = await visibleAmong(
        deps.database,
        actor.userId,
        followed.map((f) => f.followeeId),
      );
      if (visible.size === 0) return { items: [], nextCursor: null };
      const [events, people] = await Promise.all([
        db.outboxEvent.findMany({
          where: {
            type: { in: [...feedTypes] },
            aggregateId: { in: [...visible] },
            ...(position === null
              ? {}
              : { OR: [{ createdAt: { lt: position[0] } }, { createdAt: position[0], id: { lt: position[1] } }] }),
          },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: limit + 1,
          select: { id: true, type: true, aggregateId: true, payload: true, createdAt: true },
        }),
        db.user.findMany({ where: { id: { in: [...visible] } }, select: { id: true, handle: true } }),
      ]);
      const handles = new Map(people.map((p) => [p.id, p.handle]));
      return pageOf(
        events,
        limit,
        (e) => feedItemOf(e, handles.get(e.aggregateId) ?? ""),
        (e) => encodeCursor("feed", [e.createdAt.getTime(), e.id]),
      );
    },
  };
}

export type FollowsService = ReturnType<typeof createFollowsService>;
