import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/** A strong validator: the same bytes for the same state, so any change of what is shown changes it. */
export const entityTagOf = (body: string): string =>
  `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;

/** If-None-Match holds the tag (weak comparison, as RFC 9110 asks for this header), or is "*". */
function matches(ifNoneMatch: string | undefined, tag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const opaque = (candidate: string) => candidate.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((candidate) => candidate.trim() === "*" || opaque(candidate) === tag);
}

/**
 * ETags on every successful JSON read of the API, and 304 Not Modified when the client already holds that
 * version: a dashboard polling a profile or a list pays for the headers only. Answers depend on who asks, so
 * they are private to the browser (`Vary: Cookie`) and revalidated before each use (`no-cache`) — a client
 * never shows a version without asking, it just does not download it twice.
 */
export function entityTags(app: FastifyInstance): void {
  app.addHook("onSend", (request: FastifyRequest, reply: FastifyReply, payload: unknown, done) => {
    if (
      (request.method !== "GET" && request.method !== "HEAD") ||
      reply.statusCode !== 200 ||
      typeof payload !== "string"
    ) {
      done(null, payload);
      return;
    }
    const tag = entityTagOf(payload);
    reply.header("etag", tag);
    if (!reply.hasHeader("cache-control")) reply.header("cache-control", "private, no-cache");
    const vary = reply.getHeader("vary");
    reply.header("vary", vary === undefined ? "cookie" : `${String(vary)}, cookie`);
    if (matches(request.headers["if-none-match"], tag)) {
      reply.code(304);
      done(null, "");
      return;
    }
    done(null, payload);
  });
}
