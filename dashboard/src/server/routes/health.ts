import type { Services } from "@skillswap/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";

const readiness = z.object({
  ready: z.boolean(),
  checks: z
    .array(z.object({ name: z.string(), ok: z.boolean(), required: z.boolean(), error: z.string().optional() }))
    .readonly(),
});

/**
 * /health: the process is up (a liveness probe restarts it when not). /ready: it can serve now — the database
 * answers, and S3 when configured (a load balancer stops sending it traffic when not: 503). Redis, when
 * configured, is checked and reported with `required: false`: without it the process serves on, slower.
 */
export function healthRoutes(operations: Services["operations"]): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      "/health",
      {
        schema: {
          operationId: "getHealth",
          summary: "Liveness: the process answers",
          tags: ["operations"],
          response: { 200: z.object({ ok: z.literal(true) }) },
        },
      },
      () => ({ ok: true as const }),
    );
    app.get(
      "/ready",
      {
        schema: {
          operationId: "getReadiness",
          summary: "Readiness: the database (and S3 when configured) answer; Redis is reported, not required",
          tags: ["operations"],
          response: { 200: readiness, 503: readiness },
        },
      },
      async (_request, reply) => {
        const state = await operations.readiness();
        return reply
          .code(state.ready ? 200 : 503)
          .header("cache-control", "no-store")
          .send(state);
      },
    );
    return Promise.resolve();
  };
}
