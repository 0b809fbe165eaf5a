import * as z from "zod/mini";
import { call, callForNothing, pageQuery } from "./client.js";

/** A thread with its opening post, as the signed-in person sees it (`mine`: they wrote it). */
const thread = z.object({
  id: z.string(),
  groupId: z.string(),
  title: z.string(),
  body: z.string(),
  authorName: z.string(),
  pinned: z.boolean(),
  locked: z.boolean(),
  source: z.string(),
  lastPostAt: z.string(),
  mine: z.boolean(),
});
export type Thread = z.infer<typeof thread>;

const post = z.object({
  id: z.string(),
  threadId: z.string(),
  body: z.string(),
  authorName: z.string(),
  source: z.string(),
  createdAt: z.string(),
  edited: z.boolean(),
  mine: z.boolean(),
});
export type Post = z.infer<typeof post>;

const threadPage = z.object({ items: z.array(thread), nextCursor: z.nullable(z.string()) });
const postPage = z.object({ items: z.array(post), nextCursor: z.nullable(z.string()) });
const receipt = z.object({ reportId: z.string() });

const groupThreads = (group: string) => `/groups/${encodeURIComponent(group)}/threads`;
const threadPath = (id: string) => `/threads/${encodeURIComponent(id)}`;
const postPath = (id: string) => `/posts/${encodeURIComponent(id)}`;

export const listThreads = (group: string, cursor: string | null) =>
  call("GET", `${groupThreads(group)}?${pageQuery(cursor)}`, threadPage);
export const startThread = (group: string, title: string, body: string) =>
  call("POST", groupThreads(group), thread, { title, body });
export const getThread = (id: string) => call("GET", threadPath(id), thread);
export const listPosts = (id: string, cursor: string | null) =>
  call("GET", `${threadPath(id)}/posts?${pageQuery(cursor)}`, postPage);
export const replyToThread = (id: string, body: string) => call("POST", `${threadPath(id)}/posts`, post, { body });
export const editThread = (id: string, edit: { title: string; body: string }) =>
  call("PATCH", threadPath(id), thread, edit);
export const editPost = (id: string, body: string) => call("PATCH", postPath(id), post, { body });
export const deletePost = (id: string) => callForNothing("DELETE", postPath(id));
export const pinThread = (id: string, pinned: boolean) => call("POST", `${threadPath(id)}/pin`, thread, { pinned });
export const lockThread = (id: string, locked: boolean) => call("POST", `${threadPath(id)}/lock`, thread, { locked });
export const removeThread = (id: string) => callForNothing("POST", `${threadPath(id)}/remove`);
export const reportPost = (id: string, reason: string) => call("POST", `${postPath(id)}/reports`, receipt, { reason });
export const reportThread = (id: string, reason: string) =>
  call("POST", `${threadPath(id)}/reports`, receipt, { reason });
