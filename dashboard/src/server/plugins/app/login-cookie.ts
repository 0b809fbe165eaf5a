import { actorOf, type Actor } from "@skillswap/core";
import type { FastifyRequest } from "fastify";
import { SESSION_COOKIE } from "../../routes/login-link.js";

/**
 * The person the signed login cookie names. Interim: server-side sessions (revocable, rotated, idle and absolute
 * limits) replace this cookie in this same issue.
 */
export function actorFromLoginCookie(request: FastifyRequest): Promise<Actor | null> {
  const raw = request.cookies[SESSION_COOKIE];
  if (raw === undefined) return Promise.resolve(null);
  const unsigned = request.unsignCookie(raw);
  return Promise.resolve(unsigned.valid && unsigned.value !== null ? actorOf(unsigned.value) : null);
}
