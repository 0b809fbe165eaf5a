import { inputs } from "@skillswap/core";
import { z } from "zod";
import { pageOf, pageQuery } from "./common.js";

/** `GET /me/notifications`' query: a page, optionally only what is still unread. */
export const notificationsQuery = pageQuery.extend({
  unread: z
    .enum(["true", "false"])
    .transform((flag) => flag === "true")
    .optional()
    .describe("Only notifications not read yet (default false)"),
});

/** `POST /me/notifications/read`: some of my notifications by id, or all of them. */
export const markNotificationsRead = inputs.notificationsRead.meta({ id: "MarkNotificationsRead" });

export const inboxNotification = z
  .object({
    id: z.string(),
    kind: z.string().describe("swap_request, swap_accepted, message, review, group_activity, session_reminder"),
    text: z.string().describe("The sentence to show, in the person's words"),
    about: z
      .object({ type: z.string().describe("swap, conversation, review, thread"), id: z.string() })
      .nullable()
      .describe("What it links to"),
    createdAt: z.date(),
    read: z.boolean(),
  })
  .meta({ id: "InboxNotification" });

export const notificationsPage = pageOf(inboxNotification)
  .extend({ unreadCount: z.number().int().describe("How many of all my notifications are unread") })
  .meta({ id: "NotificationsPage" });
