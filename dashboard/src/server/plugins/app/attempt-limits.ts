import { normalizeIP } from "@fastify/rate-limit";
import type { RateLimit } from "@skillswap/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";

/** How often one IP, and one email, may try to sign in, sign up or ask for a password reset. */
export interface AttemptLimits {
  readonly perIp: RateLimit;
  readonly perEmail: RateLimit;
}

const fifteenMinutes = 15 * 60 * 1000;

/** Enough for a person who mistypes; far too few to guess a password or probe which emails have accounts. */
export const defaultAttemptLimits: AttemptLimits = {
  perIp: { max: 10, windowMs: fifteenMinutes },
  perEmail: { max: 5, windowMs: fifteenMinutes },
};

declare module "fastify" {
  interface FastifyInstance {
    readonly attemptLimits: AttemptLimits;
  }
}

export type GuardedAction = "login" | "sign_up" | "password_reset";

// One IPv6 subscriber usually holds a whole /64: counting its addresses one by one would let it try 2^64 times.
const ipv6Subnet = 64;

/** The address a request is counted by: its IP, or its /64 for IPv6. */
export function countedAddress(request: FastifyRequest): string {
  return normalizeIP(request.ip, ipv6Subnet);
}

export const attemptLimitsPlugin = fp(
  (app: FastifyInstance, options: { readonly limits: AttemptLimits }) => {
    app.decorate("attemptLimits", options.limits);
    return Promise.resolve();
  },
  { name: "skillswap-attempt-limits" },
);

/**
 * Hooks counting one attempt at `action`: per IP as the request arrives (a flood of malformed bodies counts
 * too), per email once the body is read. Every attempt counts, right or wrong: simpler to reason about, and
 * nobody needs to sign in five times in a quarter of an hour. Past a limit: 429 with Retry-After, in the one
 * error shape.
 */
export function limitAttempts(action: GuardedAction) {
  return {
    onRequest: async (request: FastifyRequest) => {
      const { rateLimits } = request.server.services;
      await rateLimits.consume(`${action}:ip`, countedAddress(request), request.server.attemptLimits.perIp);
    },
    preHandler: async (request: FastifyRequest) => {
      const body = request.body as { readonly email?: unknown } | undefined;
      if (typeof body?.email !== "string") return;
      const { rateLimits } = request.server.services;
      await rateLimits.consume(
        `${action}:email`,
        body.email.trim().toLowerCase(),
        request.server.attemptLimits.perEmail,
      );
    },
  };
}
