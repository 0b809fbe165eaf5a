import { z } from "zod";
import { pageOf } from "./common.js";

const source = z.string().describe("Where it was written: dashboard, discord or slack");

export const threadView = z
  .object({
    id: z.string(),
    groupId: z.string(),
    title: z.string(),
    body: z.string(),
    authorName: z.string(),
    pinned: z.boolean(),
    locked: z.boolean(),
    source,
    lastPostAt: z.date(),
    mine: z.boolean().describe("Whether I wrote it: only its author edits or deletes it"),
  })
  .meta({ id: "ForumThread" });

export const threadPage = pageOf(threadView).meta({ id: "ForumThreadPage" });

export const postView = z
  .object({
    id: z.string(),
    threadId: z.string(),
    body: z.string(),
    authorName: z.string(),
    source,
    createdAt: z.date(),
    edited: z.boolean(),
    mine: z.boolean().describe("Whether I wrote it: only its author edits or deletes it"),
  })
  .meta({ id: "ForumPost" });

export const postPage = pageOf(postView).meta({ id: "ForumPostPage" });

export const forumReportReceipt = z.object({ reportId: z.string() }).meta({ id: "ForumReportReceipt" });

export const pinBody = z.strictObject({ pinned: z.boolean() });
export const lockBody = z.strictObject({ locked: z.boolean() });
