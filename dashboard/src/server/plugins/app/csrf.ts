import { createHmac, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { HttpProblem } from "../../errors/error-handler.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * "origin": the route is used before there is a session (sign-in, sign-up, password reset), so it has no
     * CSRF token to ask for; it checks instead that a browser sent it from our own pages (stops login CSRF).
     */
    readonly csrf?: "origin";
  }
  interface FastifyInstance {
    /** Origins whose pages may send writes: PUBLIC_URL's and CORS_ORIGINS. */
    readonly trustedOrigins: ReadonlySet<string>;
  }
}

export const CSRF_HEADER = "x-csrf-token";

/**
 * The CSRF token of a session: an HMAC of a fixed label keyed by the session's own token. It needs no storage
 * and no server secret (every web process derives the same one), changes whenever the session is rotated, and
 * cannot be computed by a page that cannot read the HttpOnly cookie — what a forged cross-site request lacks.
 */
export function csrfTokenOf(sessionToken: string): string {
  return createHmac("sha256", sessionToken).update("skillswap csrf v1").digest("base64url");
}

function sameToken(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const refused = (message: string) => new HttpProblem(403, "AUTH.CSRF", message);
const writes = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Whether a signed-out write comes from our own pages. A browser names the page's origin in `Origin` on every
 * cross-origin POST, and modern ones say `Sec-Fetch-Site`; a request with neither is not from a browser, so it
 * cannot be riding a victim's cookies.
 */
function fromTrustedPage(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined) return request.server.trustedOrigins.has(origin);
  const site = request.headers["sec-fetch-site"];
  return site === undefined || site === "same-origin" || site === "none";
}

/**
 * The CSRF check of a write under /api/v1: routes marked `csrf: "origin"` need a request from our own pages;
 * every other one needs the session's token in `x-csrf-token`. Reads pass: they change nothing.
 */
export function requireCsrfProof(request: FastifyRequest): HttpProblem | undefined {
  if (!writes.has(request.method)) return undefined;
  if (request.routeOptions.config.csrf === "origin") {
    return fromTrustedPage(request) ? undefined : refused("This request must come from SkillSwap's own pages.");
  }
  const sent = request.headers[CSRF_HEADER];
  const session = request.webSession;
  if (typeof sent !== "string" || session === null || !sameToken(sent, csrfTokenOf(session.token))) {
    return refused(`Send the token from GET /api/v1/auth/csrf in the ${CSRF_HEADER} header.`);
  }
  return undefined;
}

export const csrfPlugin = fp(
  (app: FastifyInstance, options: { readonly publicUrl: string; readonly corsOrigins: readonly string[] }) => {
    const origins = [options.publicUrl, ...options.corsOrigins].map((url) => new URL(url).origin);
    app.decorate("trustedOrigins", new Set(origins));
    return Promise.resolve();
  },
  { name: "skillswap-csrf" },
);
