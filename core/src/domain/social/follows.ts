import { z } from "zod";
import { lineField } from "../shared/fields.js";
import { invalid, notFound } from "../../errors.js";
import type { Db, Tx } from "../../infra/prisma/database.js";
import { translate } from "../../messages/index.js";
import { recordEvent } from "../outbox/record-event.js";
import { requireActiveUser } from "../profiles/service.js";
import { viewerMaySee, visibleAmong } from "../profiles/visibility.js";
import type { Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";
import { normalizeHandle } from "../shared/text.js";
import { parseInput } from "../shared/validate.js";

const handleInput = z.object({ handle: lineField(1, 40) }).strict();
const feedInput = z.object({ limit: z.number().int().min(1).max(50).default(20) }).strict();

/** What the feed tells about the people one follows. */
const feedTypes = ["skill.added", "review.received", "group.joined"] as const;

export interface FeedItem {
  readonly at: Date;
  readonly kind: (typeof feedTypes)[number];
  readonly person: string;
  readonly detail: Readonly<Record<string, string | number>>;
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

  async function peopleOf(viewer: Actor | null, ids: string[]) {
    const visible = viewer === null ? new Set<string>() : await visibleAmong(deps.database, viewer.userId, ids);
    const rows = await db.user.findMany({
      where: { id: { in: ids.filter((id) => viewer === null || visible.has(id)) } },
      select: { handle: true, displayName: true, visibility: true },
      orderBy: { handle: "asc" },
    });
    return rows
      .filter((r) => viewer !== null || r.visibility === "public")
      .map((r) => ({ handle: r.handle, displayName: r.displayName }));
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

    /** Who follows a person, as far as the viewer may see them. */
    async followers(viewer: Actor | null, handle: string) {
      const person = await visiblePerson(db, viewer, handle);
      const rows = await db.follow.findMany({ where: { followeeId: person.id }, select: { followerId: true } });
      return peopleOf(
        viewer,
        rows.map((r) => r.followerId),
      );
    },

    /** Whom a person follows, as far as the viewer may see them. */
    async following(viewer: Actor | null, handle: string) {
      const person = await visiblePerson(db, viewer, handle);
      const rows = await db.follow.findMany({ where: { followerId: person.id }, select: { followeeId: true } });
      return peopleOf(
        viewer,
        rows.map((r) => r.followeeId),
      );
    },

    /**
     * What the people the actor follows did lately (new skills, reviews received, groups joined), newest first,
     * read from the events their changes recorded; people the actor may no longer see drop out.
     */
    async feed(actor: Actor, options: z.input<typeof feedInput> = {}): Promise<FeedItem[]> {
      const { limit } = parseInput(feedInput, options, "FOLLOW.INVALID");
      const followed = await db.follow.findMany({ where: { followerId: actor.userId }, select: { followeeId: true } });
      const visible = await visibleAmong(
        deps.database,
        actor.userId,
        followed.map((f) => f.followeeId),
      );
      if (visible.size === 0) return [];
      const [events, people] = await Promise.all([
        db.outboxEvent.findMany({
          where: { type: { in: [...feedTypes] }, aggregateId: { in: [...visible] } },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: limit,
          select: { type: true, aggregateId: true, payload: true, createdAt: true },
        }),
        db.user.findMany({ where: { id: { in: [...visible] } }, select: { id: true, handle: true } }),
      ]);
      const handles = new Map(people.map((p) => [p.id, p.handle]));
      return events.map((e) => {
        const payload = JSON.parse(e.payload) as Record<string, unknown>;
        const detail: Record<string, string | number> = {};
        for (const key of ["skillId", "direction", "level", "rating", "groupId"])
          if (typeof payload[key] === "string" || typeof payload[key] === "number") detail[key] = payload[key];
        return {
          at: e.createdAt,
          kind: e.type as FeedItem["kind"],
          person: handles.get(e.aggregateId) ?? "",
          detail,
        };
      });
    },
  };
}

export type FollowsService = ReturnType<typeof createFollowsService>;
