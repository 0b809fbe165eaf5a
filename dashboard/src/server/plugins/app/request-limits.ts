import type { RateLimit } from "@skillswap/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { countedAddress } from "./attempt-limits.js";

declare module "fastify" {
  interface FastifyInstance {
    readonly requestLimits: RequestLimits;
  }
  interface FastifyContextConfig {
    /** The route also counts against the stricter bucket of costly reads (search, suggestions, matching). */
    readonly costly?: true;
  }
}

/** How many API requests one client may make: any route, and the costly reads among them. */
export interface RequestLimits {
  readonly api: RateLimit;
  readonly costly: RateLimit;
}

export function requestLimitsFrom(config: {
  readonly API_REQUESTS_PER_MINUTE: number;
  readonly SEARCHES_PER_MINUTE: number;
}): RequestLimits {
  return {
    api: { max: config.API_REQUESTS_PER_MINUTE, windowMs: 60_000 },
    costly: { max: config.SEARCHES_PER_MINUTE, windowMs: 60_000 },
  };
}

export const requestLimitsPlugin = fp(
  (app: FastifyInstance, options: { readonly limits: RequestLimits }) => {
    app.decorate("requestLimits", options.limits);
    return Promise.resolve();
  },
  { name: "skillswap-request-limits" },
);

/**
 * Counts the request against its client's buckets — the person when signed in (many people may share one
 * address behind a NAT), else the address — through core's counters, so several web processes share them in
 * Redis when it is configured, as the sign-in attempt limits do. Past a limit: 429 with Retry-After.
 */
export async function limitRequests(request: FastifyRequest): Promise<void> {
  const { rateLimits } = request.server.services;
  const client = request.actor === null ? `ip:${countedAddress(request)}` : `user:${request.actor.userId}`;
  const limits = request.server.requestLimits;
  await rateLimits.consume("api", client, limits.api);
  if (request.routeOptions.config.costly === true) await rateLimits.consume("api_costly", client, limits.costly);
}
