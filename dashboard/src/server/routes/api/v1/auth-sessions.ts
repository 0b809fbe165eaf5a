import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { signedIn } from "../../../plugins/app/actor.js";
import { clearSessionCookie } from "../../../plugins/app/session.js";
import {
  identityProviderParam,
  linkedIdentityView,
  sessionIdParam,
  sessionsEnded,
  webSessionList,
} from "../../../schemas/auth.js";
import { errorResponses, list, noContent } from "../../../schemas/common.js";

const tags = ["auth"];

/** /auth/sessions and /auth/identities: where I am signed in, and which accounts are linked to mine. */
export const authSessionRoutes: FastifyPluginAsyncZod = (app) => {
  const { accounts, webSessions } = app.services;

  app.get(
    "/auth/sessions",
    {
      schema: {
        operationId: "listMySessions",
        summary: "The browsers I am signed in on, newest first, this one flagged `current`",
        tags,
        response: { 200: webSessionList, ...errorResponses },
      },
    },
    (request) => webSessions.list(signedIn(request), request.webSession?.id),
  );

  app.delete(
    "/auth/sessions/:id",
    {
      schema: {
        operationId: "endMySession",
        summary: "Sign one of my browsers out",
        description: "Ending the `current` one signs this browser out. Another person's session answers 404.",
        tags,
        params: sessionIdParam,
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await webSessions.revoke(signedIn(request), request.params.id);
      if (request.params.id === request.webSession?.id) clearSessionCookie(reply);
      return reply.code(204).send();
    },
  );

  app.post(
    "/auth/sessions/revoke-all",
    {
      schema: {
        operationId: "endMyOtherSessions",
        summary: "Log out everywhere else",
        description:
          "Ends every session of mine except this browser's, which stays signed in (POST /auth/logout ends it).",
        tags,
        response: { 200: sessionsEnded, ...errorResponses },
      },
    },
    async (request) => {
      const actor = signedIn(request);
      const current = request.webSession?.id;
      return { ended: await webSessions.revokeAll(actor, current === undefined ? {} : { except: current }) };
    },
  );

  app.get(
    "/auth/identities",
    {
      schema: {
        operationId: "listMyIdentities",
        summary: "The accounts linked to mine (Discord, Slack, Google, email)",
        tags,
        response: { 200: list(linkedIdentityView), ...errorResponses },
      },
    },
    (request) => accounts.identities(signedIn(request)),
  );

  app.delete(
    "/auth/identities/:provider",
    {
      schema: {
        operationId: "unlinkMyIdentity",
        summary: "Unlink one kind of account from mine",
        description:
          "Removes every linked account of that provider (Slack may be linked in several workspaces); unlinking " +
          "email also removes the password. 409 ACCOUNT.LAST_SIGN_IN when it would leave no way to sign in; " +
          "404 ACCOUNT.IDENTITY_NOT_LINKED when none is linked.",
        tags,
        params: identityProviderParam,
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await accounts.unlinkIdentity(signedIn(request), request.params.provider);
      return reply.code(204).send();
    },
  );

  return Promise.resolve();
};
