import { inputs } from "@skillswap/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { signedIn } from "../../../plugins/app/actor.js";
import { errorResponses, idParam } from "../../../schemas/common.js";
import { swapListQuery, swapPage, swapView } from "../../../schemas/swaps.js";

const tags = ["swaps"];

/** /swaps: asking for swaps, answering them, and the moves that follow; only participants see a swap. */
export const swapsRoutes: FastifyPluginAsyncZod = (app) => {
  const { swaps } = app.services;

  app.post(
    "/swaps",
    {
      schema: {
        operationId: "requestSwap",
        summary: "Ask someone for a swap: they teach me `want`, I teach them `offer` (omit it to only learn)",
        tags,
        body: inputs.swapRequest,
        response: { 201: swapView, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await swaps.request(signedIn(request), request.body)),
  );

  app.post(
    "/swaps/cycles",
    {
      schema: {
        operationId: "requestSwapCycle",
        summary: "Propose a three-person swap: I teach `next`, who teaches `after`, who teaches me",
        tags,
        body: inputs.swapCycleRequest,
        response: { 201: swapView, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await swaps.requestCycle(signedIn(request), request.body)),
  );

  app.get(
    "/swaps",
    {
      schema: {
        operationId: "listSwaps",
        summary: "My swaps, newest first, a page at a time",
        tags,
        querystring: swapListQuery,
        response: { 200: swapPage, ...errorResponses },
      },
    },
    async (request) => {
      const { cursor, ...filter } = request.query;
      const page = await swaps.list(signedIn(request), {
        ...filter,
        ...(cursor === undefined ? {} : { before: cursor }),
      });
      return { items: page.swaps, nextCursor: page.nextBefore };
    },
  );

  app.get(
    "/swaps/:id",
    {
      schema: {
        operationId: "getSwap",
        summary: "One of my swaps",
        tags,
        params: idParam,
        response: { 200: swapView, ...errorResponses },
      },
    },
    (request) => swaps.get(signedIn(request), request.params.id),
  );

  app.post(
    "/swaps/:id/accept",
    {
      schema: {
        operationId: "acceptSwap",
        summary: "Accept a request sent to me; once everyone has, the swap's private conversation opens",
        description:
          "The answer's `conversationId` names the conversation opened (null while a cycle waits for others).",
        tags,
        params: idParam,
        response: { 200: swapView, ...errorResponses },
      },
    },
    (request) => swaps.accept(signedIn(request), request.params.id),
  );

  app.post(
    "/swaps/:id/decline",
    {
      schema: {
        operationId: "declineSwap",
        summary: "Decline a request sent to me, optionally saying why",
        description: "The body is optional: without one (or with `{}`), the request is declined without a reason.",
        tags,
        params: idParam,
        body: inputs.swapDecline.nullish(),
        response: { 200: swapView, ...errorResponses },
      },
    },
    (request) => swaps.decline(signedIn(request), request.params.id, request.body ?? {}),
  );

  app.post(
    "/swaps/:id/cancel",
    {
      schema: {
        operationId: "cancelSwap",
        summary: "Withdraw my pending request, or call off an accepted swap",
        tags,
        params: idParam,
        response: { 200: swapView, ...errorResponses },
      },
    },
    (request) => swaps.cancel(signedIn(request), request.params.id),
  );

  app.post(
    "/swaps/:id/complete",
    {
      schema: {
        operationId: "completeSwap",
        summary: "Say an accepted swap is done; it completes when every participant has",
        tags,
        params: idParam,
        response: { 200: swapView, ...errorResponses },
      },
    },
    (request) => swaps.complete(signedIn(request), request.params.id),
  );

  return Promise.resolve();
};
