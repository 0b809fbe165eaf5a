import { translate } from "../../messages/index.js";
import type { Actor } from "../shared/actor.js";

export interface ThreadView {
  readonly id: string;
  readonly groupId: string;
  readonly title: string;
  readonly body: string;
  readonly authorName: string;
  readonly pinned: boolean;
  readonly locked: boolean;
  readonly source: string;
  readonly externalId: string;
  readonly lastPostAt: Date;
  /** Whether the viewer wrote it: what decides who may edit or delete it. */
  readonly mine: boolean;
}

export interface PostView {
  readonly id: string;
  readonly threadId: string;
  readonly body: string;
  readonly authorName: string;
  readonly source: string;
  readonly externalId: string;
  readonly createdAt: Date;
  readonly edited: boolean;
  /** Whether the viewer wrote it: what decides who may edit or delete it. */
  readonly mine: boolean;
}

export const nameOf = (author: { displayName: string } | null) => author?.displayName ?? translate("user.deleted_name");

export const threadSelect = {
  id: true,
  groupId: true,
  title: true,
  body: true,
  pinned: true,
  locked: true,
  source: true,
  externalId: true,
  lastPostAt: true,
  authorId: true,
  author: { select: { displayName: true } },
} as const;

export function toThreadView(
  row: {
    id: string;
    groupId: string;
    title: string;
    body: string;
    pinned: boolean;
    locked: boolean;
    source: string;
    externalId: string;
    lastPostAt: Date;
    authorId: string | null;
    author: { displayName: string } | null;
  },
  viewer: Actor,
): ThreadView {
  const { author, authorId, ...rest } = row;
  return { ...rest, authorName: nameOf(author), mine: authorId === viewer.userId };
}

export const postSelect = {
  id: true,
  threadId: true,
  body: true,
  source: true,
  externalId: true,
  createdAt: true,
  editedAt: true,
  authorId: true,
  author: { select: { displayName: true } },
} as const;

export function toPostView(
  row: {
    id: string;
    threadId: string;
    body: string;
    source: string;
    externalId: string;
    createdAt: Date;
    editedAt: Date | null;
    authorId: string | null;
    author: { displayName: string } | null;
  },
  viewer: Actor,
): PostView {
  const { author, authorId, editedAt, ...rest } = row;
  return { ...rest, authorName: nameOf(author), edited: editedAt !== null, mine: authorId === viewer.userId };
}
