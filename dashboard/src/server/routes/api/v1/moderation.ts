import { inputs } from "@skillswap/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { signedIn } from "../../../plugins/app/actor.js";
import { errorResponses, handleParam, noContent, pageQuery } from "../../../schemas/common.js";
import { blockPage, personReportReceipt } from "../../../schemas/moderation.js";

const tags = ["moderation"];

/**
 * /blocks and /reports: keeping someone away, and telling the admins. Both work on anyone who exists, visible
 * or not (core's one exception to "what you may not see is not found"), and the answers say nothing of which.
 */
export const moderationRoutes: FastifyPluginAsyncZod = (app) => {
  const { moderation } = app.services;

  app.get(
    "/blocks",
    {
      schema: {
        operationId: "listBlocks",
        summary: "The people I blocked, most recent first",
        tags,
        querystring: pageQuery,
        response: { 200: blockPage, ...errorResponses },
      },
    },
    (request) => moderation.blocks(signedIn(request), request.query),
  );

  app.post(
    "/blocks",
    {
      schema: {
        operationId: "blockUser",
        summary: "Block someone: neither sees the other any more, and pending requests between us are withdrawn",
        description: "Blocking twice changes nothing.",
        tags,
        body: inputs.personHandle,
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await moderation.block(signedIn(request), request.body);
      return reply.code(204).send();
    },
  );

  app.delete(
    "/blocks/:handle",
    {
      schema: {
        operationId: "unblockUser",
        summary: "Lift a block I made (a block they made stays)",
        tags,
        params: handleParam,
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await moderation.unblock(signedIn(request), { handle: request.params.handle });
      return reply.code(204).send();
    },
  );

  app.post(
    "/reports",
    {
      schema: {
        operationId: "reportUser",
        summary: "Report someone to the admins of the communities we share (or to SkillSwap's operators)",
        tags,
        body: inputs.personReport,
        response: { 201: personReportReceipt, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await moderation.report(signedIn(request), request.body)),
  );

  return Promise.resolve();
};
