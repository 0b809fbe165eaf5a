import { inputs } from "@skillswap/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { signedIn } from "../../../plugins/app/actor.js";
import { errorResponses, handleParam, idParam, pageQuery } from "../../../schemas/common.js";
import { reviewPage, reviewReportReceipt, reviewView } from "../../../schemas/reviews.js";

const tags = ["reviews"];

/** Reviews: written about a swap's partner, edited by their author, answered by the person reviewed. */
export const reviewsRoutes: FastifyPluginAsyncZod = (app) => {
  const { reviews } = app.services;

  app.post(
    "/swaps/:id/reviews",
    {
      schema: {
        operationId: "submitReview",
        summary: "Review my partner in a swap once one of its sessions was completed",
        description: "In a three-person swap, `about` names the participant reviewed.",
        tags,
        params: idParam,
        body: inputs.reviewSubmit,
        response: { 201: reviewView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await reviews.submit(signedIn(request), request.params.id, request.body)),
  );

  app.patch(
    "/reviews/:id",
    {
      schema: {
        operationId: "editReview",
        summary: "Change the rating or text of my review, within 14 days of writing it",
        tags,
        params: idParam,
        body: inputs.reviewEdit,
        response: { 200: reviewView, ...errorResponses },
      },
    },
    (request) => reviews.edit(signedIn(request), request.params.id, request.body),
  );

  app.post(
    "/reviews/:id/replies",
    {
      schema: {
        operationId: "replyToReview",
        summary: "Answer a review about me, once",
        tags,
        params: idParam,
        body: inputs.reviewReply,
        response: { 201: reviewView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await reviews.reply(signedIn(request), request.params.id, request.body)),
  );

  app.post(
    "/reviews/:id/reports",
    {
      schema: {
        operationId: "reportReview",
        summary: "Flag a review for the admins to look at",
        description: "202: the report is received; what becomes of the review is the admins' decision.",
        tags,
        params: idParam,
        body: inputs.reviewReport,
        response: { 202: reviewReportReceipt, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await reviews.report(signedIn(request), request.params.id, request.body)),
  );

  app.get(
    "/users/:handle/reviews",
    {
      config: { signedOut: "allowed" },
      schema: {
        operationId: "listUserReviews",
        summary: "The reviews on a person's profile, newest first, as I (or the public) may see them",
        tags,
        params: handleParam,
        querystring: pageQuery,
        response: { 200: reviewPage, ...errorResponses },
      },
    },
    (request) => reviews.listFor(request.actor, request.params.handle, request.query),
  );

  return Promise.resolve();
};
