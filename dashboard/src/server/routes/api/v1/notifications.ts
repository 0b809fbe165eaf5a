import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { signedIn } from "../../../plugins/app/actor.js";
import { errorResponses, noContent } from "../../../schemas/common.js";
import { markNotificationsRead, notificationsPage, notificationsQuery } from "../../../schemas/notifications.js";

const tags = ["notifications"];

/** My notification inbox: what the dashboard was told to show me, and marking it read. */
export const notificationsRoutes: FastifyPluginAsyncZod = (app) => {
  const { notifications } = app.services;

  app.get(
    "/me/notifications",
    {
      schema: {
        operationId: "listMyNotifications",
        summary: "My notifications, newest first, with how many are unread",
        tags,
        querystring: notificationsQuery,
        response: { 200: notificationsPage, ...errorResponses },
      },
    },
    async (request) => {
      const actor = signedIn(request);
      const { unread, ...page } = request.query;
      const [listed, unreadCount] = await Promise.all([
        notifications.list(actor, { ...page, ...(unread === undefined ? {} : { unreadOnly: unread }) }),
        notifications.unreadCount(actor),
      ]);
      return { ...listed, unreadCount };
    },
  );

  app.post(
    "/me/notifications/read",
    {
      schema: {
        operationId: "markMyNotificationsRead",
        summary: "Mark some of my notifications read by id, or all of them",
        description: "Ids that are not mine are ignored, as unknown ones are.",
        tags,
        body: markNotificationsRead,
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await notifications.markRead(signedIn(request), request.body);
      return reply.code(204).send();
    },
  );

  return Promise.resolve();
};
