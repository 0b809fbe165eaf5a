import { inputs } from "@skillswap/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { signedIn } from "../../../plugins/app/actor.js";
import { errorResponses, idParam, noContent, pageQuery } from "../../../schemas/common.js";
import {
  forumReportReceipt,
  lockBody,
  pinBody,
  postPage,
  postView,
  threadPage,
  threadView,
} from "../../../schemas/forums.js";

const tags = ["forums"];

/**
 * Group forums: threads and their replies. Anyone may read an open group's forum, only members write in it,
 * authors change their own posts, moderators pin and lock. A community's group's forum is, for outsiders, not
 * found. Posts written here are the dashboard's own: which platform a post came from is for the bots to say.
 */
export const forumsRoutes: FastifyPluginAsyncZod = (app) => {
  const { forums } = app.services;

  app.get(
    "/groups/:id/threads",
    {
      schema: {
        operationId: "listThreads",
        summary: "A group's threads: pinned first, then the most recently active",
        tags,
        params: idParam,
        querystring: pageQuery,
        response: { 200: threadPage, ...errorResponses },
      },
    },
    (request) => forums.threads(signedIn(request), request.params.id, request.query),
  );

  app.post(
    "/groups/:id/threads",
    {
      schema: {
        operationId: "startThread",
        summary: "Start a thread in a group's forum (members only)",
        tags,
        params: idParam,
        body: inputs.forumThread,
        response: { 201: threadView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await forums.startThread(signedIn(request), request.params.id, request.body)),
  );

  app.get(
    "/threads/:id",
    {
      schema: {
        operationId: "getThread",
        summary: "A thread with its opening post",
        tags,
        params: idParam,
        response: { 200: threadView, ...errorResponses },
      },
    },
    (request) => forums.thread(signedIn(request), request.params.id),
  );

  app.get(
    "/threads/:id/posts",
    {
      schema: {
        operationId: "listPosts",
        summary: "A thread's replies, oldest first",
        tags,
        params: idParam,
        querystring: pageQuery,
        response: { 200: postPage, ...errorResponses },
      },
    },
    (request) => forums.posts(signedIn(request), request.params.id, request.query),
  );

  app.post(
    "/threads/:id/posts",
    {
      schema: {
        operationId: "replyToThread",
        summary: "Reply in a thread that is not locked (members only)",
        tags,
        params: idParam,
        body: inputs.forumPost,
        response: { 201: postView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await forums.reply(signedIn(request), request.params.id, request.body)),
  );

  app.patch(
    "/threads/:id",
    {
      schema: {
        operationId: "editThread",
        summary: "Change my thread's title or opening post",
        tags,
        params: idParam,
        body: inputs.forumThreadEdit,
        response: { 200: threadView, ...errorResponses },
      },
    },
    (request) => forums.editThread(signedIn(request), request.params.id, request.body),
  );

  app.delete(
    "/threads/:id",
    {
      schema: {
        operationId: "deleteThread",
        summary: "Delete my thread, replies included",
        tags,
        params: idParam,
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await forums.deleteThread(signedIn(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.patch(
    "/posts/:id",
    {
      schema: {
        operationId: "editPost",
        summary: "Change my reply",
        tags,
        params: idParam,
        body: inputs.forumPost,
        response: { 200: postView, ...errorResponses },
      },
    },
    (request) => forums.editPost(signedIn(request), request.params.id, request.body),
  );

  app.delete(
    "/posts/:id",
    {
      schema: {
        operationId: "deletePost",
        summary: "Delete my reply",
        tags,
        params: idParam,
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await forums.deletePost(signedIn(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    "/threads/:id/pin",
    {
      schema: {
        operationId: "pinThread",
        summary: "Pin a thread to the top of its forum, or unpin it (moderators)",
        tags,
        params: idParam,
        body: pinBody,
        response: { 200: threadView, ...errorResponses },
      },
    },
    (request) => forums.pin(signedIn(request), request.params.id, request.body.pinned),
  );

  app.post(
    "/threads/:id/lock",
    {
      schema: {
        operationId: "lockThread",
        summary: "Lock a thread against replies, or unlock it (moderators)",
        tags,
        params: idParam,
        body: lockBody,
        response: { 200: threadView, ...errorResponses },
      },
    },
    (request) => forums.lock(signedIn(request), request.params.id, request.body.locked),
  );

  // Not folded into DELETE /threads/:id: core keeps two rules, an author deleting their own thread and a
  // moderator removing anyone's (recorded as moderation), and a door that tried one and then the other would be
  // deciding who may do what itself.
  app.post(
    "/threads/:id/remove",
    {
      schema: {
        operationId: "removeThread",
        summary: "Take a thread, replies included, out of its forum (moderators)",
        tags,
        params: idParam,
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await forums.remove(signedIn(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    "/threads/:id/reports",
    {
      schema: {
        operationId: "reportThread",
        summary: "Report a thread to the admins of its group's community (or SkillSwap's operators)",
        tags,
        params: idParam,
        body: inputs.forumReport,
        response: { 201: forumReportReceipt, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await forums.report(signedIn(request), { threadId: request.params.id }, request.body)),
  );

  app.post(
    "/posts/:id/reports",
    {
      schema: {
        operationId: "reportPost",
        summary: "Report a reply to the admins of its group's community (or SkillSwap's operators)",
        tags,
        params: idParam,
        body: inputs.forumReport,
        response: { 201: forumReportReceipt, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await forums.report(signedIn(request), { postId: request.params.id }, request.body)),
  );

  return Promise.resolve();
};
