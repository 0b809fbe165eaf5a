import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/** Where `npm run build` writes the dashboard (dashboard/web/dist), the same from src/ and from dist/. */
const builtDir = fileURLToPath(new URL("../../../web/dist", import.meta.url));

/** The built dashboard's folder, or undefined when it was never built (the server then says how to build it). */
export function builtDashboard(): string | undefined {
  return existsSync(join(builtDir, "index.html")) ? builtDir : undefined;
}

/**
 * Addresses that belong to the server, never to the dashboard's pages: an unknown one among them is the JSON
 * 404/405 of any unknown route, not the dashboard's page (a client of the API must not get HTML, and a missing
 * asset must not "load" as a page).
 */
const serverPrefixes = ["api", "assets", "auth", "avatars", "discord", "health", "login", "oauth", "ready", "slack"];
const serverAddress = new RegExp(`^/(${serverPrefixes.join("|")})(/|$|\\?)`);

/** A page address a browser asks for: a reload or a link into the dashboard (`/me`, `/people/maria-lopez`). */
function isPageRequest(request: FastifyRequest): boolean {
  return !serverAddress.test(request.url) && (request.headers.accept ?? "").includes("text/html");
}

/**
 * Serves the built dashboard: hashed assets cached for a year, and index.html for every page address so a
 * reload or a shared link opens the right page; index.html is revalidated each time (no-cache), so a new
 * release is picked up on the next visit. The strict CSP holds: the build has no inline script or style.
 */
export function dashboardAppRoutes(dir: string) {
  const indexHtml = readFileSync(join(dir, "index.html"));
  const sendPage = (reply: FastifyReply) =>
    reply.header("cache-control", "no-cache").type("text/html; charset=utf-8").send(indexHtml);

  return async function register(app: FastifyInstance): Promise<void> {
    await app.register(fastifyStatic, {
      root: join(dir, "assets"),
      prefix: "/assets/",
      // One route per file found at start-up: an unknown asset is then the ordinary JSON 404.
      wildcard: false,
      index: false,
      // Vite names every asset after its content's hash: a file under /assets never changes, so browsers keep it.
      maxAge: "365d",
      immutable: true,
    });
    app.get("/", { schema: { hide: true } }, (_request, reply) => sendPage(reply));
    app.get("/*", { schema: { hide: true } }, (request, reply) =>
      isPageRequest(request) ? sendPage(reply) : reply.callNotFound(),
    );
  };
}
