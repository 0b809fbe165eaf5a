import FindMyWay, { type HTTPMethod } from "find-my-way";
import type { FastifyInstance } from "fastify";
import { errorBody } from "./error-handler.js";

declare module "fastify" {
  interface FastifyInstance {
    /** Every route the app serves, as registered (method, URL pattern): for the OpenAPI completeness test. */
    readonly knownRoutes: readonly { readonly method: string; readonly url: string }[];
  }
}

/**
 * 404 for an address nothing answers, 405 with `Allow` for one that answers other methods: Fastify says 404 to
 * both, which tells a client to look for another URL when it only used the wrong verb. A second router learns
 * every route as it is added, to ask "which methods does this path have?".
 */
export function answerUnknownRoutes(app: FastifyInstance): void {
  const known = FindMyWay({ ignoreTrailingSlash: false });
  const methods = new Set<HTTPMethod>();
  const routes: { method: string; url: string }[] = [];
  app.decorate("knownRoutes", routes);
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) {
      routes.push({ method, url: route.url });
      // Catch-alls (CORS answers OPTIONS on every path) say nothing about what an address serves.
      if (route.url.includes("*")) continue;
      if (method === "HEAD" && known.hasRoute("HEAD", route.url)) continue;
      known.on(method as HTTPMethod, route.url, () => undefined);
      methods.add(method as HTTPMethod);
    }
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    const allowed = [...methods].filter((method) => known.find(method, path) !== null);
    if (allowed.length > 0) {
      return reply
        .code(405)
        .header("allow", allowed.join(", "))
        .send(
          errorBody(
            "REQUEST.METHOD_NOT_ALLOWED",
            `${request.method} is not accepted here; use ${allowed.join(" or ")}.`,
          ),
        );
    }
    // As Fastify's own handler does; the log's redaction keeps any query string (a token) out of the line.
    request.log.info(`Route ${request.method}:${request.url} not found`);
    return reply.code(404).send(errorBody("REQUEST.NOT_FOUND", "Nothing is at this address."));
  });
}
