import { actorOf, inputs } from "@skillswap/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { signedIn } from "../../../plugins/app/actor.js";
import { limitAttempts } from "../../../plugins/app/attempt-limits.js";
import { setSessionCookie, signIn } from "../../../plugins/app/session.js";
import { signedInView } from "../../../schemas/auth.js";
import { errorResponses, noContent } from "../../../schemas/common.js";

const tags = ["auth"];

/**
 * /auth/password: forgotten, reset, changed. A new password ends the person's other sessions: whoever may have
 * learnt the old one is signed out everywhere.
 */
export const authPasswordRoutes: FastifyPluginAsyncZod = (app) => {
  const { accounts, profiles, webSessions } = app.services;

  app.post(
    "/auth/password/forgot",
    {
      config: { signedOut: "allowed", csrf: "origin" },
      ...limitAttempts("password_reset"),
      schema: {
        operationId: "forgotPassword",
        summary: "Mail a password reset link to this address, if an account has it",
        description: "Always 202, whether or not an account has the address: the answer tells no one who has one.",
        tags,
        body: inputs.passwordResetRequest,
        response: { 202: noContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await accounts.requestPasswordReset(request.body);
      return reply.code(202).send();
    },
  );

  app.post(
    "/auth/password/reset",
    {
      config: { signedOut: "allowed", csrf: "origin" },
      schema: {
        operationId: "resetPassword",
        summary: "Set a new password with the token from the mailed link, and sign in",
        description:
          "Ends every session of the account (the old password may be known to someone else), then signs this " +
          "browser in with a new one.",
        tags,
        body: inputs.passwordReset,
        response: { 200: signedInView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const account = await accounts.resetPassword(request.body);
      const actor = actorOf(account.userId);
      await webSessions.revokeAll(actor, { reason: "password_reset" });
      await signIn(request, reply, account.userId, "password_reset");
      return profiles.me(actor);
    },
  );

  app.post(
    "/auth/password/change",
    {
      schema: {
        operationId: "changePassword",
        summary: "Change my password (or set my first one)",
        description:
          "Ends my other sessions and rotates this one: the answer sets a new session cookie, so fetch a new CSRF " +
          "token (GET /api/v1/auth/csrf) before the next write.",
        tags,
        body: inputs.passwordChange,
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = signedIn(request);
      await accounts.changePassword(actor, request.body);
      const current = request.webSession;
      await webSessions.revokeAll(actor, {
        reason: "password_changed",
        ...(current === null ? {} : { except: current.id }),
      });
      if (current !== null) setSessionCookie(reply, await webSessions.rotate(current.token));
      return reply.code(204).send();
    },
  );

  return Promise.resolve();
};
