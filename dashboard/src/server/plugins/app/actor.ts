import type { Actor } from "@skillswap/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { HttpProblem } from "../../errors/error-handler.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The person this request comes from, resolved once from the session; null when signed out. */
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** The route answers signed-out visitors too (views are then those of the public). */
    readonly signedOut?: "allowed";
  }
}

/** Asked of a route that needs a person: 401, in the one error shape. */
export const signInRequired = () => new HttpProblem(401, "AUTH.REQUIRED", "Sign in first.");

/** The signed-in person of a route that requires one (the API's hook has already refused everyone else). */
export function signedIn(request: FastifyRequest): Actor {
  if (request.actor === null) throw signInRequired();
  return request.actor;
}

export type ResolveActor = (request: FastifyRequest) => Promise<Actor | null>;

/** Resolves `request.actor` once per request, before anything else reads it. */
export const actorPlugin = fp(
  (app: FastifyInstance, options: { readonly resolve: ResolveActor }) => {
    app.decorateRequest("actor", null);
    app.addHook("onRequest", async (request) => {
      request.actor = await options.resolve(request);
    });
    return Promise.resolve();
  },
  { name: "skillswap-actor" },
);
