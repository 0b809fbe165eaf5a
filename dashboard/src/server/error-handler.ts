import { isDomainError, translate, type DomainErrorKind } from "@skillswap/core";
import type { FastifyReply, FastifyRequest } from "fastify";

const statusByKind: Readonly<Record<DomainErrorKind, number>> = {
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  invalid: 400,
  rate_limited: 429,
  unavailable: 503,
};

/** The HTTP status for an expected failure of a use case. */
export function statusOf(kind: DomainErrorKind): number {
  return statusByKind[kind];
}

function clientErrorStatus(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null || !("statusCode" in error)) return undefined;
  const status = error.statusCode;
  return typeof status === "number" && status >= 400 && status < 500 ? status : undefined;
}

/**
 * The one place HTTP failures are rendered. Domain errors answer with their status and translated sentence;
 * Fastify's own 4xx (unsupported media type, body too large) keep their short message; anything else is a
 * fault of ours: logged with the request id, answered with a generic sentence so no stack or internal
 * detail ever reaches a client.
 */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (isDomainError(error)) {
    return reply.code(statusOf(error.kind)).send({
      error: { code: error.code, message: translate(error.messageKey, error.params), fields: error.fields },
    });
  }
  const status = clientErrorStatus(error);
  if (status !== undefined && error instanceof Error) {
    const code = "code" in error && typeof error.code === "string" ? error.code : "BAD_REQUEST";
    return reply.code(status).send({ error: { code, message: error.message } });
  }
  request.log.error({ err: error }, "request failed");
  return reply.code(500).send({ error: { code: "INTERNAL", message: "Internal Server Error", requestId: request.id } });
}
