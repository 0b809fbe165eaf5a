import type { Services } from "@skillswap/core";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

declare module "fastify" {
  interface FastifyInstance {
    /** Core's use cases: the only thing routes call. */
    readonly services: Services;
  }
}

export const servicesPlugin = fp(
  (app: FastifyInstance, options: { readonly services: Services }) => {
    app.decorate("services", options.services);
    return Promise.resolve();
  },
  { name: "skillswap-services" },
);
