import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { signedIn } from "../../../plugins/app/actor.js";
import { errorResponses, handleParam, noContent, pageQuery } from "../../../schemas/common.js";
import { feedPage, personPage } from "../../../schemas/follows.js";

const tags = ["follows"];

/** Following people, who follows whom (as the viewer may see them), and the feed of what followed people did. */
export const followsRoutes: FastifyPluginAsyncZod = (app) => {
  const { follows } = app.services;

  app.post(
    "/users/:handle/follow",
    {
      schema: {
        operationId: "followUser",
        summary: "Follow someone I may see; following twice changes nothing",
        tags,
        params: handleParam,
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await follows.follow(signedIn(request), { handle: request.params.handle });
      return reply.code(204).send();
    },
  );

  app.delete(
    "/users/:handle/follow",
    {
      schema: {
        operationId: "unfollowUser",
        summary: "Stop following someone",
        tags,
        params: handleParam,
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await follows.unfollow(signedIn(request), { handle: request.params.handle });
      return reply.code(204).send();
    },
  );

  app.get(
    "/users/:handle/followers",
    {
      config: { signedOut: "allowed" },
      schema: {
        operationId: "listFollowers",
        summary: "Who follows a person, as far as I may see them, in handle order",
        description: "Signed out, only public profiles are listed. A person I may not see answers 404.",
        tags,
        params: handleParam,
        querystring: pageQuery,
        response: { 200: personPage, ...errorResponses },
      },
    },
    (request) => follows.followers(request.actor, request.params.handle, request.query),
  );

  app.get(
    "/users/:handle/following",
    {
      config: { signedOut: "allowed" },
      schema: {
        operationId: "listFollowing",
        summary: "Whom a person follows, as far as I may see them, in handle order",
        description: "Signed out, only public profiles are listed. A person I may not see answers 404.",
        tags,
        params: handleParam,
        querystring: pageQuery,
        response: { 200: personPage, ...errorResponses },
      },
    },
    (request) => follows.following(request.actor, request.params.handle, request.query),
  );

  app.get(
    "/feed",
    {
      schema: {
        operationId: "getFeed",
        summary: "What the people I follow did lately (skills added, reviews received, groups joined), newest first",
        tags,
        querystring: pageQuery,
        response: { 200: feedPage, ...errorResponses },
      },
    },
    (request) => follows.feed(signedIn(request), request.query),
  );

  return Promise.resolve();
};
