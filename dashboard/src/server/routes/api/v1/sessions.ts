import { inputs } from "@skillswap/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { signedIn } from "../../../plugins/app/actor.js";
import { errorResponses, idParam, pageQuery } from "../../../schemas/common.js";
import { sessionPage, sessionView } from "../../../schemas/sessions.js";

const tags = ["sessions"];

/** The sessions of an accepted swap: scheduled, moved, called off, then confirmed or disputed by its people. */
export const sessionsRoutes: FastifyPluginAsyncZod = (app) => {
  const { sessions } = app.services;

  app.get(
    "/swaps/:id/sessions",
    {
      schema: {
        operationId: "listSwapSessions",
        summary: "The sessions of one of my swaps, in the order they were scheduled, a page at a time",
        tags,
        params: idParam,
        querystring: pageQuery,
        response: { 200: sessionPage, ...errorResponses },
      },
    },
    (request) => sessions.list(signedIn(request), request.params.id, request.query),
  );

  app.post(
    "/swaps/:id/sessions",
    {
      schema: {
        operationId: "scheduleSession",
        summary: "Schedule a session in one of my accepted swaps, for one of its skills",
        tags,
        params: idParam,
        body: inputs.sessionSchedule,
        response: { 201: sessionView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await sessions.schedule(signedIn(request), request.params.id, request.body)),
  );

  app.patch(
    "/sessions/:id",
    {
      schema: {
        operationId: "rescheduleSession",
        summary: "Move a scheduled session to another time (and change its length or place)",
        tags,
        params: idParam,
        body: inputs.sessionReschedule,
        response: { 200: sessionView, ...errorResponses },
      },
    },
    (request) => sessions.reschedule(signedIn(request), request.params.id, request.body),
  );

  app.post(
    "/sessions/:id/cancel",
    {
      schema: {
        operationId: "cancelSession",
        summary: "Call off a session",
        tags,
        params: idParam,
        response: { 200: sessionView, ...errorResponses },
      },
    },
    (request) => sessions.cancel(signedIn(request), request.params.id),
  );

  app.post(
    "/sessions/:id/confirm",
    {
      schema: {
        operationId: "confirmSession",
        summary: "Confirm a session that has ended took place; the last confirmation completes it",
        tags,
        params: idParam,
        response: { 200: sessionView, ...errorResponses },
      },
    },
    (request) => sessions.confirm(signedIn(request), request.params.id),
  );

  app.post(
    "/sessions/:id/dispute",
    {
      schema: {
        operationId: "disputeSession",
        summary: "Say a session that has ended did not happen as recorded: it will not complete by itself",
        tags,
        params: idParam,
        response: { 200: sessionView, ...errorResponses },
      },
    },
    (request) => sessions.dispute(signedIn(request), request.params.id),
  );

  return Promise.resolve();
};
