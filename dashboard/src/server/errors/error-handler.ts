import {
  DomainError,
  fieldErrors,
  isDomainError,
  translate,
  type DomainErrorKind,
  type FieldError,
} from "@skillswap/core";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { ErrorBody } from "../schemas/common.js";

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

/** The one body every failure answers with. */
export function errorBody(code: string, message: string, fields?: readonly FieldError[]): ErrorBody {
  return { error: { code, message, ...(fields === undefined || fields.length === 0 ? {} : { fields }) } };
}

/** A failure only HTTP knows (no session, a wrong CSRF token): its status, code and sentence. */
export class HttpProblem extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    /** The rejected fields, when the problem is about one (an upload too large: "avatar"). */
    readonly fields?: readonly FieldError[],
  ) {
    super(message);
  }
}

/** A request the route's schema refused, as core refuses input: every rejected field named with its sentence. */
export function requestInvalid(error: z.ZodError): DomainError {
  const fields = fieldErrors(error);
  return new DomainError(
    "invalid",
    "REQUEST.INVALID",
    "error.invalid",
    {
      fields: fields.map((f) => f.field).join(", "),
    },
    fields,
  );
}

// Fastify's own client errors, in words a person can act on. Anything else of status 4xx keeps its code and
// a generic sentence: a framework message may name internals.
const frameworkSentences: Readonly<Record<string, string>> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "Send the body as JSON, with Content-Type: application/json.",
  FST_ERR_CTP_BODY_TOO_LARGE: "The body is too large.",
  FST_ERR_CTP_EMPTY_JSON_BODY: "The body is empty, yet its Content-Type says JSON: send a JSON object.",
  FST_ERR_CTP_INVALID_JSON_BODY: "The body is not valid JSON.",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "Content-Length does not match the body.",
  FST_ERR_BAD_URL: "The address is not valid: check its percent-encoding.",
  FST_ERR_MAX_PARAM_LENGTH: "A part of the address is too long.",
  FST_ERR_ASYNC_CONSTRAINT: "The request could not be routed.",
};

function frameworkError(error: unknown): { status: number; code: string; message: string } | undefined {
  if (!(error instanceof Error) || !("statusCode" in error) || typeof error.statusCode !== "number") return undefined;
  const status = error.statusCode;
  if (status < 400 || status >= 500) return undefined;
  const code = "code" in error && typeof error.code === "string" ? error.code : "";
  // JSON.parse's own SyntaxError reaches here with a 400 and no code.
  if (error instanceof SyntaxError)
    return { status, code: "REQUEST.MALFORMED_JSON", message: frameworkSentences.FST_ERR_CTP_INVALID_JSON_BODY ?? "" };
  return {
    status,
    code: code || "REQUEST.INVALID",
    message: frameworkSentences[code] ?? "The request could not be understood.",
  };
}

/**
 * The one place HTTP failures are rendered. Domain errors (and requests a schema refused, which become one)
 * answer with their status, translated sentence and fields; Fastify's own 4xx answer in the same shape with
 * a sentence of ours; anything else is a fault of ours: logged with the request id, answered with a generic
 * sentence so no stack or internal detail ever reaches a client.
 */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (isDomainError(error)) {
    if (error.kind === "rate_limited" && !reply.hasHeader("retry-after"))
      reply.header("retry-after", String(error.params.retryAfterSeconds ?? 60));
    return reply
      .code(statusOf(error.kind))
      .send(errorBody(error.code, translate(error.messageKey, error.params), error.fields));
  }
  if (error instanceof HttpProblem)
    return reply.code(error.statusCode).send(errorBody(error.code, error.message, error.fields));
  const client = frameworkError(error);
  if (client !== undefined) return reply.code(client.status).send(errorBody(client.code, client.message));
  request.log.error({ err: error }, "request failed");
  return reply.code(500).send({ error: { code: "INTERNAL", message: "Internal Server Error", requestId: request.id } });
}
