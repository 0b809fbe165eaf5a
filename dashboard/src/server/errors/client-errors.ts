import type { Socket } from "node:net";
import type { FastifyServerOptions } from "fastify";
import { errorBody, handleError } from "./error-handler.js";

type FrameworkErrors = NonNullable<FastifyServerOptions["frameworkErrors"]>;

/** Errors Fastify meets before routing (bad percent-encoding, an over-long parameter) answer in the one shape. */
export const frameworkErrors: FrameworkErrors = (error, request, reply) => {
  handleError(error, request, reply);
};

const headerTooLarge = "HPE_HEADER_OVERFLOW";

/**
 * What Node's HTTP parser refuses never reaches Fastify (an address or headers beyond 16 KB, a malformed
 * request line): answer it on the socket in the one shape, with a status that says why.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const [status, reason, body] =
    error.code === headerTooLarge
      ? [431, "Request Header Fields Too Large", errorBody("REQUEST.TOO_LARGE", "The address or headers are too long.")]
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [408, "Request Timeout", errorBody("REQUEST.TIMEOUT", "The request took too long to arrive.")]
        : [400, "Bad Request", errorBody("REQUEST.MALFORMED", "The request could not be read.")];
  const json = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy(error);
}
