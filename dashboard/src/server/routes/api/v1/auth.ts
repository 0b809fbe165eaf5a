import { actorOf, inputs } from "@skillswap/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { signedIn, signInRequired } from "../../../plugins/app/actor.js";
import { limitAttempts } from "../../../plugins/app/attempt-limits.js";
import { csrfTokenOf } from "../../../plugins/app/csrf.js";
import { clearSessionCookie, signIn } from "../../../plugins/app/session.js";
import { csrfTokenView, signedInView, verificationToken } from "../../../schemas/auth.js";
import { errorResponses, noContent } from "../../../schemas/common.js";
import { authPasswordRoutes } from "./auth-passwords.js";
import { authSessionRoutes } from "./auth-sessions.js";

const tags = ["auth"];

/**
 * /auth: signing up, in and out, confirming an email. The routes used before there is a session are marked
 * `csrf: "origin"`: they have no CSRF token to send, so they are refused unless a browser sent them from our own
 * pages (which stops login CSRF: a foreign page signing the victim into the attacker's account).
 */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { accounts, profiles, webSessions } = app.services;

  app.get(
    "/auth/csrf",
    {
      schema: {
        operationId: "getCsrfToken",
        summary: "The CSRF token of my session, for the x-csrf-token header of every write",
        description: "It changes whenever the session does (sign-in, password change): fetch it again then.",
        tags,
        response: { 200: csrfTokenView, ...errorResponses },
      },
    },
    (request, reply) => {
      if (request.webSession === null) throw signInRequired();
      reply.header("cache-control", "no-store");
      return { token: csrfTokenOf(request.webSession.token) };
    },
  );

  app.post(
    "/auth/signup",
    {
      config: { signedOut: "allowed", csrf: "origin" },
      ...limitAttempts("sign_up"),
      schema: {
        operationId: "signUp",
        summary: "Create an account with email and password, and sign in",
        description: "A link confirming the address is mailed; the account may be used meanwhile.",
        tags,
        body: inputs.emailSignUpInput,
        response: { 201: signedInView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const account = await accounts.signUpWithEmail(request.body);
      await signIn(request, reply, account.userId, "sign_up");
      return reply.code(201).send(await profiles.me(actorOf(account.userId)));
    },
  );

  app.post(
    "/auth/login",
    {
      config: { signedOut: "allowed", csrf: "origin" },
      ...limitAttempts("login"),
      schema: {
        operationId: "logIn",
        summary: "Sign in with email and password",
        description:
          "Starts a new session (a new cookie) and ends the one this browser had, if any. The same 403 answers " +
          "an unknown email and a wrong password.",
        tags,
        body: inputs.credentialsInput,
        response: { 200: signedInView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const account = await accounts.authenticate(request.body);
      await signIn(request, reply, account.userId, "password");
      return profiles.me(actorOf(account.userId));
    },
  );

  app.post(
    "/auth/logout",
    {
      schema: {
        operationId: "logOut",
        summary: "Sign this browser out",
        tags,
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      const session = request.webSession;
      if (session !== null) await webSessions.logout(session.actor, session.id);
      clearSessionCookie(reply);
      return reply.code(204).send();
    },
  );

  app.post(
    "/auth/verify-email",
    {
      config: { signedOut: "allowed", csrf: "origin" },
      schema: {
        operationId: "verifyEmail",
        summary: "Confirm my email address with the token from the mailed link",
        description: "Works signed in or out, and changes no session.",
        tags,
        body: verificationToken,
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await accounts.verifyEmail(request.body.token);
      return reply.code(204).send();
    },
  );

  app.post(
    "/auth/verification/resend",
    {
      schema: {
        operationId: "resendVerification",
        summary: "Mail me a new link confirming my email address",
        description: "202: the mail is queued and sent shortly.",
        tags,
        response: { 202: noContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await accounts.resendVerification(signedIn(request));
      return reply.code(202).send();
    },
  );

  await app.register(authPasswordRoutes);
  await app.register(authSessionRoutes);
};
