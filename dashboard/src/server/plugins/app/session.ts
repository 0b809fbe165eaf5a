import type { Actor, Services, SignInMethod, StartedSession } from "@skillswap/core";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";

declare module "fastify" {
  interface FastifyRequest {
    /** The live session the request's cookie names: who it signs in, its id, and the token (CSRF, rotation). */
    webSession: { readonly actor: Actor; readonly id: string; readonly token: string } | null;
  }
  interface FastifyInstance {
    /** The session cookie's name and whether it is Secure, from PUBLIC_URL. */
    readonly sessionCookie: SessionCookie;
  }
}

export interface SessionCookie {
  readonly name: string;
  readonly secure: boolean;
}

/**
 * The cookie holding the session's opaque token. Over https it is `__Host-skillswap`: browsers accept the
 * `__Host-` prefix only on a Secure cookie with Path=/ and no Domain, which pins it to this exact host (no
 * subdomain can set or overwrite it). Browsers refuse Secure cookies from plain http://localhost, so there it is
 * plain `skillswap`.
 */
export function sessionCookieFor(publicUrl: string): SessionCookie {
  const secure = new URL(publicUrl).protocol === "https:";
  return { name: secure ? "__Host-skillswap" : "skillswap", secure };
}

const attributes = (cookie: SessionCookie) =>
  ({ httpOnly: true, sameSite: "lax", secure: cookie.secure, path: "/" }) as const;

/** Resolves the session cookie once per request into `request.webSession`; a dead cookie is cleared. */
export const sessionPlugin = fp(
  (
    app: FastifyInstance,
    options: { readonly webSessions: Services["webSessions"]; readonly cookie: SessionCookie },
  ) => {
    const { webSessions, cookie } = options;
    app.decorate("sessionCookie", cookie);
    app.decorateRequest("webSession", null);
    app.addHook("onRequest", async (request, reply) => {
      const token = request.cookies[cookie.name];
      if (token === undefined || token === "") return;
      const resolved = await webSessions.resolve(token);
      if (resolved === null) {
        reply.clearCookie(cookie.name, attributes(cookie));
        return;
      }
      request.webSession = { actor: resolved.actor, id: resolved.sessionId, token };
    });
    return Promise.resolve();
  },
  { name: "skillswap-session", dependencies: ["@fastify/cookie"] },
);

/** The actor of a request: the person its session signs in. */
export const actorFromSession = (request: FastifyRequest): Promise<Actor | null> =>
  Promise.resolve(request.webSession?.actor ?? null);

/** Hands the browser its new session's token; the cookie lasts as long as the session may. */
export function setSessionCookie(reply: FastifyReply, started: StartedSession): void {
  const cookie = reply.server.sessionCookie;
  const lifetimeMs = started.session.expiresAt.getTime() - started.session.createdAt.getTime();
  reply.setCookie(cookie.name, started.token, { ...attributes(cookie), maxAge: Math.floor(lifetimeMs / 1000) });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(reply.server.sessionCookie.name, attributes(reply.server.sessionCookie));
}

/**
 * Signs the browser in as `userId`: a new session, and the one its cookie named before (anyone's) ended, so a
 * session planted in the browser beforehand (session fixation) never becomes the signed-in one.
 */
export async function signIn(
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  via: SignInMethod,
): Promise<StartedSession> {
  const { webSessions } = request.server.services;
  const started = await webSessions.start(userId, { userAgent: request.headers["user-agent"], ip: request.ip }, via);
  if (request.webSession !== null) await webSessions.logout(request.webSession.actor, request.webSession.id);
  setSessionCookie(reply, started);
  return started;
}
