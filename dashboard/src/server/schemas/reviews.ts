import { z } from "zod";
import { pageOf } from "./common.js";

/** A review one participant of a swap wrote about another, with the reply of the person reviewed. */
export const reviewView = z
  .object({
    id: z.string(),
    swapId: z.string(),
    author: z
      .object({ handle: z.string(), displayName: z.string() })
      .nullable()
      .describe("null once the author's account is gone; the review stays"),
    authorName: z.string().describe("The author's name as shown, or “a deleted user”"),
    subject: z.string().describe("The handle of the person reviewed"),
    rating: z.number().int().min(1).max(5),
    text: z.string(),
    reply: z.string().nullable(),
    createdAt: z.date(),
    editableUntil: z.date().describe("Its author may change it until then"),
  })
  .meta({ id: "Review" });

export const reviewPage = pageOf(reviewView).meta({ id: "ReviewPage" });

/** A report is for the admins to look at: it is received, not yet judged. */
export const reviewReportReceipt = z.object({ reportId: z.string() }).meta({ id: "ReviewReportReceipt" });
