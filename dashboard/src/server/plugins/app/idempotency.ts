import type { IdempotencyClaim } from "@skillswap/core";
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from "fastify";
import fp from "fastify-plugin";
import { z } from "zod";
import { HttpProblem } from "../../errors/error-handler.js";
import { errorSchema } from "../../schemas/common.js";
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAYED_HEADER,
  idempotencyHeaders,
  idempotencyKeyHeader,
} from "../../schemas/idempotency.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * The route honours `Idempotency-Key`. Left out, a POST that answers 201 to a signed-in person does, and
     * nothing else: set it to opt another route in, or false to opt a creating one out.
     */
    readonly idempotent?: boolean;
  }
  interface FastifyRequest {
    /** The key this request holds while it runs, when it came with one not used before. */
    idempotencyClaim: IdempotencyClaim | null;
  }
}

/**
 * Whether a route creates something for a signed-in person. Signed out there is nobody to scope a key to, and
 * sign-up's answer (a session cookie) is not one to hand out again, so routes open to visitors are left out.
 */
function createsForSomeone(route: RouteOptions): boolean {
  const response: unknown = route.schema?.response;
  return (
    route.method === "POST" &&
    typeof response === "object" &&
    response !== null &&
    201 in response &&
    route.config?.signedOut !== "allowed"
  );
}

/**
 * The header in the route's schema, so it is validated (an overlong key is refused on `idempotency-key`) and
 * shown in the OpenAPI document, and the refusals it adds among the route's answers. A route that declares
 * the header itself keeps its own rule for it.
 */
function describeKey(route: RouteOptions): void {
  const schema = route.schema ?? {};
  const headers: unknown = schema.headers;
  const response: unknown = schema.response;
  route.schema = {
    ...schema,
    headers:
      headers instanceof z.ZodObject
        ? IDEMPOTENCY_KEY_HEADER in headers.shape
          ? headers
          : headers.extend({ [IDEMPOTENCY_KEY_HEADER]: idempotencyKeyHeader })
        : idempotencyHeaders,
    response: { ...(typeof response === "object" ? response : {}), 409: errorSchema, 422: errorSchema },
  };
}

const inFlight = () =>
  new HttpProblem(
    409,
    "IDEMPOTENCY.IN_FLIGHT",
    "A request with this Idempotency-Key is still being processed: wait for its answer, then retry.",
  );
const keyReused = () =>
  new HttpProblem(
    422,
    "IDEMPOTENCY.KEY_REUSED",
    "This Idempotency-Key was already used for a different request: send a new key with a new request.",
  );

/**
 * Before the handler: a request with a key runs only the first time. A retry of an answered one gets the kept
 * answer as it was sent; a retry of one still running, or a different request under the same key, is refused.
 * Runs after validation, so a request the schema refuses never takes the key.
 */
async function claimKey(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  const key = request.headers[IDEMPOTENCY_KEY_HEADER];
  if (request.routeOptions.config.idempotent !== true || typeof key !== "string" || request.actor === null)
    return undefined;
  const started = await request.server.services.idempotency.start(request.actor, {
    operation: `${request.method} ${request.routeOptions.url ?? ""}`,
    key,
    request: { params: request.params, body: request.body },
  });
  switch (started.outcome) {
    case "first":
      request.idempotencyClaim = started.claim;
      return undefined;
    case "replay":
      return reply
        .code(started.status)
        .header(IDEMPOTENT_REPLAYED_HEADER, "true")
        .type("application/json; charset=utf-8")
        .send(started.response);
    case "in_flight":
      throw inFlight();
    case "key_reused":
      throw keyReused();
  }
}

/** The body as it leaves: what a replay sends again. */
function sentText(payload: unknown): string {
  if (typeof payload === "string") return payload;
  return Buffer.isBuffer(payload) ? payload.toString("utf8") : "";
}

/** As the answer leaves: core keeps it for retries when it is a success, and frees the key otherwise. */
async function keepAnswer(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  const claim = request.idempotencyClaim;
  if (claim === null || request.actor === null) return payload;
  request.idempotencyClaim = null;
  try {
    await request.server.services.idempotency.finish(request.actor, claim, {
      status: reply.statusCode,
      response: sentText(payload),
    });
  } catch (error) {
    // The thing was made and the person must hear so; a retry within the in-flight lease is told to wait,
    // after it the request runs again.
    request.log.error({ err: error }, "the answer to an idempotent request could not be kept");
  }
  return payload;
}

/**
 * `Idempotency-Key` (IETF httpapi draft) on the API's creating requests: routes registered after this plugin
 * that create something for a signed-in person (see `createsForSomeone`) take the header; core keeps the key
 * and the answer. The header is optional: a request without it runs as it always did.
 */
export const idempotencyPlugin = fp(
  (app: FastifyInstance) => {
    app.decorateRequest("idempotencyClaim", null);
    app.addHook("onRoute", (route) => {
      if (!(route.config?.idempotent ?? createsForSomeone(route))) return;
      route.config = { ...route.config, idempotent: true };
      describeKey(route);
    });
    app.addHook("preHandler", claimKey);
    app.addHook("onSend", keepAnswer);
    return Promise.resolve();
  },
  { name: "skillswap-idempotency" },
);
