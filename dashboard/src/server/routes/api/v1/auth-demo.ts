import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { signIn } from "../../../plugins/app/session.js";
import { signedInView } from "../../../schemas/auth.js";
import { errorResponses, handleParam } from "../../../schemas/common.js";
import { demoPeopleList } from "../../../schemas/demo.js";

const tags = ["auth"];

/**
 * "Try it as …": the demo people a newcomer may look around as, and the one-click sign-in as one of them. The
 * list always answers (empty with the demo off), so the landing page can ask without a failing request; the
 * sign-in route exists only while the demo data is on, and core still accepts only the hand-written demo people.
 */
export const authDemoRoutes: FastifyPluginAsyncZod<{ readonly demoData: boolean }> = (app, options) => {
  const { demo, profiles } = app.services;

  app.get(
    "/auth/demo-people",
    {
      config: { signedOut: "allowed" },
      schema: {
        operationId: "listDemoPeople",
        summary: "The demo people one may try SkillSwap as, while the server runs with its demo data",
        tags,
        response: { 200: demoPeopleList, ...errorResponses },
      },
    },
    async () => ({ people: await demo.peopleToTry() }),
  );

  if (!options.demoData) return Promise.resolve();

  app.post(
    "/auth/demo-people/:handle/sign-in",
    {
      // Like a login: no session to hold a CSRF token yet, so the request must come from our own pages (a
      // foreign page must not sign a visitor in as someone else behind their back).
      config: { signedOut: "allowed", csrf: "origin" },
      schema: {
        operationId: "signInAsDemoPerson",
        summary: "Sign in as one of the demo people, without a password (only while the demo data is on)",
        description:
          "Starts a new session (a new cookie) and ends the one this browser had, as a login does: fetch a new " +
          "CSRF token before the next write. Any handle but the demo people's answers 404.",
        tags,
        params: handleParam,
        response: { 200: signedInView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = await demo.signInAs(request.params.handle);
      await signIn(request, reply, actor.userId, "demo");
      return profiles.me(actor);
    },
  );
  return Promise.resolve();
};
