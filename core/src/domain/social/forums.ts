import { z } from "zod";
import { conflict, forbidden, notFound } from "../../errors.js";
import type { Db, Tx } from "../../infra/prisma/database.js";
import { recordEvent } from "../outbox/record-event.js";
import type { Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";
import { idField } from "../shared/fields.js";
import { cursorDate, decodeCursor, encodeCursor, pageOf, type Page } from "../shared/pages.js";
import { parseInput } from "../shared/validate.js";
import {
  editThreadInput,
  postFieldsInput,
  postsInput,
  replyInput,
  reportInput,
  threadInput,
  threadsInput,
} from "./forum-input.js";
import { postSelect, threadSelect, toPostView, toThreadView, type PostView, type ThreadView } from "./forum-views.js";

const postsCursor = z.tuple([idField]);
const threadsCursor = z.tuple([z.boolean(), cursorDate, idField]);

export function createForumsService(deps: ServiceDeps) {
  const { db, ids, clock } = deps;

  /** The actor's role in the group, if they may take part: a member (a community's group is invisible to outsiders). */
  async function membership(tx: Tx | Db, actor: Actor, groupId: string) {
    const access = await groupAccess(tx, actor, groupId);
    if (access === "hidden") throw notFound("GROUP.NOT_FOUND", "group.not_found");
    if (access === "reader") throw forbidden("FORUM.MEMBERS_ONLY", "forum.members_only");
    return access;
  }

  /**
   * What the actor may do with a group's forum: its role there when a member; "reader" for an open group's
   * forum, which anyone may read; "hidden" for a group that does not exist or a community's group the actor is
   * not in — its threads and posts are then "not found" too.
   */
  async function groupAccess(tx: Tx | Db, actor: Actor, groupId: string): Promise<string> {
    const member = await tx.groupMember.findUnique({
      where: { groupId_userId: { groupId, userId: actor.userId } },
      select: { role: true },
    });
    if (member !== null) return member.role;
    const group = await tx.group.findUnique({ where: { id: groupId }, select: { communityId: true } });
    return group === null || group.communityId !== null ? "hidden" : "reader";
  }

  /** A group's id from its id or its slug, as doors name groups; an unknown one stays as typed, and is not found. */
  async function groupIdOf(idOrSlug: string): Promise<string> {
    const row = await db.group.findFirst({
      where: { OR: [{ id: idOrSlug }, { slug: idOrSlug.toLowerCase() }] },
      select: { id: true },
    });
    return row?.id ?? idOrSlug;
  }

  /** A live thread the actor may see (see groupAccess); any other is "not found". */
  async function visibleThread(tx: Tx | Db, actor: Actor, threadId: string) {
    const row = await thread(tx, threadId);
    if ((await groupAccess(tx, actor, row.groupId)) === "hidden") throw notFound("FORUM.NOT_FOUND", "forum.not_found");
    return row;
  }

  async function thread(tx: Tx | Db, threadId: string) {
    const row = await tx.forumThread.findUnique({
      where: { id: threadId },
      select: { id: true, groupId: true, authorId: true, locked: true, removedAt: true },
    });
    if (row === null || row.removedAt !== null) throw notFound("FORUM.NOT_FOUND", "forum.not_found");
    return row;
  }

  /**
   * A live post of the actor's own (per-row authorization for edits and deletions). Someone else's post the actor
   * can read is "not yours"; one they cannot, "not found".
   */
  async function ownPost(tx: Tx, actor: Actor, postId: string): Promise<void> {
    const post = await tx.forumPost.findUnique({
      where: { id: postId },
      select: { authorId: true, removedAt: true, threadId: true },
    });
    if (post === null || post.removedAt !== null) throw notFound("FORUM.NOT_FOUND", "forum.not_found");
    await visibleThread(tx, actor, post.threadId);
    if (post.authorId !== actor.userId) throw forbidden("FORUM.NOT_YOURS", "forum.not_yours");
  }

  async function threadView(viewer: Actor, threadId: string): Promise<ThreadView> {
    const row = await db.forumThread.findUniqueOrThrow({ where: { id: threadId }, select: threadSelect });
    return toThreadView(row, viewer);
  }

  async function postView(viewer: Actor, postId: string): Promise<PostView> {
    return toPostView(await db.forumPost.findUniqueOrThrow({ where: { id: postId }, select: postSelect }), viewer);
  }

  /** Moderators and the owner moderate; the actor must be one of them in the thread's group. */
  async function moderate(
    actor: Actor,
    threadId: string,
    change: { pinned?: boolean; locked?: boolean; removed?: boolean },
  ): Promise<void> {
    await db.$transaction(async (tx) => {
      const row = await visibleThread(tx, actor, threadId);
      const role = await membership(tx, actor, row.groupId);
      if (role === "member") throw forbidden("FORUM.MODERATORS_ONLY", "forum.moderators_only");
      await tx.forumThread.update({
        where: { id: threadId },
        data: {
          ...(change.pinned === undefined ? {} : { pinned: change.pinned }),
          ...(change.locked === undefined ? {} : { locked: change.locked }),
          ...(change.removed === true ? { removedAt: clock.now() } : {}),
        },
      });
      await recordEvent(tx, deps, {
        type: "forum.thread_moderated",
        aggregateId: row.groupId,
        payload: { groupId: row.groupId, threadId, by: actor.userId, change: Object.keys(change).join(",") },
      });
    });
  }

  return {
    /** Starts a thread in a group's forum (by id or slug); the same platform post twice is one thread. */
    async startThread(actor: Actor, group: string, input: z.input<typeof threadInput>): Promise<ThreadView> {
      const data = parseInput(threadInput, input, "FORUM.INVALID");
      const groupId = await groupIdOf(group);
      const externalId = data.externalId ?? ids.next();
      const existing = await db.forumThread.findUnique({
        where: { source_externalId: { source: data.source, externalId } },
        select: { id: true },
      });
      if (existing !== null) return threadView(actor, existing.id);
      const threadId = ids.next();
      await db.$transaction(async (tx) => {
        await membership(tx, actor, groupId);
        const now = clock.now();
        await tx.forumThread.create({
          data: {
            id: threadId,
            groupId,
            authorId: actor.userId,
            title: data.title,
            body: data.body,
            source: data.source,
            externalId,
            createdAt: now,
            lastPostAt: now,
          },
        });
        await recordEvent(tx, deps, {
          type: "forum.thread_started",
          aggregateId: groupId,
          payload: { groupId, threadId, authorId: actor.userId, source: data.source },
        });
      });
      return threadView(actor, threadId);
    },

    /** Replies in a thread that is not locked; the same platform message twice is one post. */
    async reply(actor: Actor, threadId: string, input: z.input<typeof replyInput>): Promise<PostView> {
      const data = parseInput(replyInput, input, "FORUM.INVALID");
      const externalId = data.externalId ?? ids.next();
      const existing = await db.forumPost.findUnique({
        where: { source_externalId: { source: data.source, externalId } },
        select: { id: true },
      });
      if (existing !== null) return postView(actor, existing.id);
      const postId = ids.next();
      await db.$transaction(async (tx) => {
        const row = await visibleThread(tx, actor, threadId);
        await membership(tx, actor, row.groupId);
        if (row.locked) throw conflict("FORUM.LOCKED", "forum.locked");
        const now = clock.now();
        await tx.forumPost.create({
          data: {
            id: postId,
            threadId,
            authorId: actor.userId,
            body: data.body,
            source: data.source,
            externalId,
            createdAt: now,
          },
        });
        await tx.forumThread.update({ where: { id: threadId }, data: { lastPostAt: now } });
        await recordEvent(tx, deps, {
          type: "forum.replied",
          aggregateId: row.groupId,
          payload: { groupId: row.groupId, threadId, postId, authorId: actor.userId, source: data.source },
        });
      });
      return postView(actor, postId);
    },

    /** Authors edit their own posts. */
    async editPost(actor: Actor, postId: string, input: z.input<typeof postFieldsInput>): Promise<PostView> {
      const data = parseInput(postFieldsInput, input, "FORUM.INVALID");
      await db.$transaction(async (tx) => {
        await ownPost(tx, actor, postId);
        await tx.forumPost.update({ where: { id: postId }, data: { body: data.body, editedAt: clock.now() } });
      });
      return postView(actor, postId);
    },

    /** Authors delete their own posts (moderators remove threads: see remove). */
    async deletePost(actor: Actor, postId: string): Promise<void> {
      await db.$transaction(async (tx) => {
        await ownPost(tx, actor, postId);
        await tx.forumPost.update({ where: { id: postId }, data: { removedAt: clock.now() } });
      });
    },

    /** Authors edit their own thread's title or opening post. */
    async editThread(actor: Actor, threadId: string, input: z.input<typeof editThreadInput>): Promise<ThreadView> {
      const data = parseInput(editThreadInput, input, "FORUM.INVALID");
      await db.$transaction(async (tx) => {
        const row = await visibleThread(tx, actor, threadId);
        if (row.authorId !== actor.userId) throw forbidden("FORUM.NOT_YOURS", "forum.not_yours");
        await tx.forumThread.update({
          where: { id: threadId },
          data: {
            ...(data.title === undefined ? {} : { title: data.title }),
            ...(data.body === undefined ? {} : { body: data.body }),
          },
        });
      });
      return threadView(actor, threadId);
    },

    /** Authors delete their own thread, replies included. */
    async deleteThread(actor: Actor, threadId: string): Promise<void> {
      await db.$transaction(async (tx) => {
        const row = await visibleThread(tx, actor, threadId);
        if (row.authorId !== actor.userId) throw forbidden("FORUM.NOT_YOURS", "forum.not_yours");
        await tx.forumThread.update({ where: { id: threadId }, data: { removedAt: clock.now() } });
      });
    },

    /** Reports a thread or a post to the admins of the group's community (or SkillSwap's operators). */
    async report(
      actor: Actor,
      target: { readonly threadId: string } | { readonly postId: string },
      input: z.input<typeof reportInput>,
    ): Promise<{ reportId: string }> {
      const data = parseInput(reportInput, input, "FORUM.INVALID");
      return db.$transaction(async (tx) => {
        const threadId =
          "threadId" in target
            ? target.threadId
            : ((await tx.forumPost.findUnique({ where: { id: target.postId }, select: { threadId: true } }))
                ?.threadId ?? "");
        const row = await visibleThread(tx, actor, threadId);
        const group = await tx.group.findUniqueOrThrow({ where: { id: row.groupId }, select: { communityId: true } });
        const reportId = ids.next();
        await tx.report.create({
          data: {
            id: reportId,
            reporterId: actor.userId,
            threadId,
            postId: "postId" in target ? target.postId : null,
            communityId: group.communityId,
            reason: data.reason,
            createdAt: clock.now(),
          },
        });
        return { reportId };
      });
    },

    /** Pins a thread to the top of its forum, or unpins it (moderators); answers with the thread as it now is. */
    async pin(actor: Actor, threadId: string, pinned = true): Promise<ThreadView> {
      await moderate(actor, threadId, { pinned });
      return threadView(actor, threadId);
    },
    /** Locks a thread against replies, or unlocks it (moderators); answers with the thread as it now is. */
    async lock(actor: Actor, threadId: string, locked = true): Promise<ThreadView> {
      await moderate(actor, threadId, { locked });
      return threadView(actor, threadId);
    },
    remove: (actor: Actor, threadId: string) => moderate(actor, threadId, { removed: true }),

    /** One thread the viewer may see, with its opening post: what a thread's page shows above the replies. */
    async thread(viewer: Actor, threadId: string): Promise<ThreadView> {
      await visibleThread(db, viewer, threadId);
      return threadView(viewer, threadId);
    },

    /** A group's threads (by id or slug), a page at a time: pinned first, then the most recently active. */
    async threads(viewer: Actor, group: string, options: z.input<typeof threadsInput> = {}): Promise<Page<ThreadView>> {
      const { limit, cursor } = parseInput(threadsInput, options, "FORUM.INVALID");
      const groupId = await groupIdOf(group);
      if ((await groupAccess(db, viewer, groupId)) === "hidden") throw notFound("GROUP.NOT_FOUND", "group.not_found");
      const at = cursor === undefined ? null : decodeCursor("threads", cursor, threadsCursor, "FORUM.INVALID");
      const rows = await db.forumThread.findMany({
        where: {
          groupId,
          removedAt: null,
          ...(at === null
            ? {}
            : {
                OR: [
                  ...(at[0] ? [{ pinned: false }] : []),
                  { pinned: at[0], lastPostAt: { lt: at[1] } },
                  { pinned: at[0], lastPostAt: at[1], id: { lt: at[2] } },
                ],
              }),
        },
        orderBy: [{ pinned: "desc" }, { lastPostAt: "desc" }, { id: "desc" }],
        take: limit + 1,
        select: threadSelect,
      });
      return pageOf(
        rows,
        limit,
        (r) => toThreadView(r, viewer),
        (r) => encodeCursor("threads", [r.pinned, r.lastPostAt.getTime(), r.id]),
      );
    },

    /** A thread's replies, oldest first, a page at a time (ids are time-ordered: a stable keyset). */
    async posts(viewer: Actor, threadId: string, options: z.input<typeof postsInput> = {}): Promise<Page<PostView>> {
      const { limit, cursor } = parseInput(postsInput, options, "FORUM.INVALID");
      await visibleThread(db, viewer, threadId);
      const after = cursor === undefined ? null : decodeCursor("posts", cursor, postsCursor, "FORUM.INVALID")[0];
      const rows = await db.forumPost.findMany({
        where: { threadId, removedAt: null, ...(after === null ? {} : { id: { gt: after } }) },
        orderBy: { id: "asc" },
        take: limit + 1,
        select: postSelect,
      });
      return pageOf(
        rows,
        limit,
        (r) => toPostView(r, viewer),
        (r) => encodeCursor("posts", [r.id]),
      );
    },
  };
}

export type ForumsService = ReturnType<typeof createForumsService>;
