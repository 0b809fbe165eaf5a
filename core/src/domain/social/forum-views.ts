import { translate } from "../../messages/index.js";

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
  author: { select: { displayName: true } },
} as const;

export function toThreadView(row: {
  id: string;
  groupId: string;
  title: string;
  body: string;
  pinned: boolean;
  locked: boolean;
  source: string;
  externalId: string;
  lastPostAt: Date;
  author: { displayName: string } | null;
}): ThreadView {
  const { author, ...rest } = row;
  return { ...rest, authorName: nameOf(author) };
}

export const postSelect = {
  id: true,
  threadId: true,
  body: true,
  source: true,
  externalId: true,
  createdAt: true,
  editedAt: true,
  author: { select: { displayName: true } },
} as const;

export function toPostView(row: {
  id: string;
  threadId: string;
  body: string;
  source: string;
  externalId: string;
  createdAt: Date;
  editedAt: Date | null;
  author: { displayName: string } | null;
}): PostView {
  const { author, editedAt, ...rest } = row;
  return { ...rest, authorName: nameOf(author), edited: editedAt !== null };
}
