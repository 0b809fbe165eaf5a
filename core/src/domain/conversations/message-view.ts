import { translate } from "../../messages/index.js";
import type { Actor } from "../shared/actor.js";
import type { MessageSource } from "./input.js";

/** A message as a participant sees it: who wrote it, relative to them, and on which surface. */
export interface MessageView {
  readonly id: string;
  readonly conversationId: string;
  readonly author: {
    readonly handle: string;
    readonly displayName: string;
    /** The viewer wrote it (their own messages line up on their side of a thread). */
    readonly isViewer: boolean;
  } | null;
  /** "a deleted user" when the author's account is gone. */
  readonly authorName: string;
  readonly text: string;
  readonly source: MessageSource;
  readonly externalId: string;
  readonly createdAt: Date;
  /** When its author last changed it; null when it reads as first written. */
  readonly editedAt: Date | null;
}

export const messageSelect = {
  id: true,
  conversationId: true,
  body: true,
  source: true,
  externalId: true,
  createdAt: true,
  editedAt: true,
  author: { select: { id: true, handle: true, displayName: true } },
} as const;

export interface MessageRow {
  readonly id: string;
  readonly conversationId: string;
  readonly body: string;
  readonly source: string;
  readonly externalId: string;
  readonly createdAt: Date;
  readonly editedAt: Date | null;
  readonly author: { readonly id: string; readonly handle: string; readonly displayName: string } | null;
}

export function messageView(row: MessageRow, viewer: Actor): MessageView {
  const { author } = row;
  return {
    id: row.id,
    conversationId: row.conversationId,
    author:
      author === null
        ? null
        : { handle: author.handle, displayName: author.displayName, isViewer: author.id === viewer.userId },
    authorName: author?.displayName ?? translate("user.deleted_name"),
    text: row.body,
    source: row.source as MessageSource,
    externalId: row.externalId,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
  };
}
