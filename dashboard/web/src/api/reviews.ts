import * as z from "zod/mini";
import { call } from "./client.js";

/** A review (the API's `Review`), with the reply of the person reviewed. */
const review = z.object({
  id: z.string(),
  swapId: z.string(),
  author: z.nullable(z.object({ handle: z.string(), displayName: z.string() })),
  authorName: z.string(),
  subject: z.string(),
  rating: z.number(),
  text: z.string(),
  reply: z.nullable(z.string()),
  createdAt: z.string(),
});
export type Review = z.infer<typeof review>;

const reviewPage = z.object({ items: z.array(review), nextCursor: z.nullable(z.string()) });

export const submitReview = (swapId: string, input: { rating: number; text: string; about?: string }) =>
  call("POST", `/swaps/${encodeURIComponent(swapId)}/reviews`, review, input);

export const replyToReview = (id: string, text: string) =>
  call("POST", `/reviews/${encodeURIComponent(id)}/replies`, review, { text });

/** The reviews on someone's profile, newest first, a page at a time (of `limit`, or as many as the API sends). */
export function reviewsAbout(handle: string, cursor: string | null, limit?: number) {
  const query = [
    limit === undefined ? "" : `limit=${limit}`,
    cursor === null ? "" : `cursor=${encodeURIComponent(cursor)}`,
  ]
    .filter((part) => part !== "")
    .join("&");
  return call("GET", `/users/${encodeURIComponent(handle)}/reviews${query === "" ? "" : `?${query}`}`, reviewPage);
}
