import { randomBytes } from "node:crypto";
import cookie from "@fastify/cookie";
import type { Clock, Core } from "@skillswap/core";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { clientErrorHandler, frameworkErrors } from "./errors/client-errors.js";
import { handleError } from "./errors/error-handler.js";
import { answerUnknownRoutes } from "./errors/unknown-route.js";
import { redactedLoggerOptions } from "./log-redaction.js";
import { actorPlugin } from "./plugins/app/actor.js";
import { actorFromLoginCookie } from "./plugins/app/login-cookie.js";
import { servicesPlugin } from "./plugins/app/services.js";
import { openApi } from "./plugins/external/openapi.js";
import { apiV1 } from "./routes/api/v1/index.js";
import { discordInteractionsRoutes, type DiscordEndpoint } from "./routes/discord-interactions.js";
import { homeRoutes } from "./routes/home.js";
import { loginLinkRoutes } from "./routes/login-link.js";

export interface AppOptions {
  /** Mounts POST /discord/interactions. Without it the route does not exist (404). */
  readonly discord?: DiscordEndpoint;
  /** Fastify's logger (pino options); off when omitted. Secrets are redacted from it whatever is passed. */
  readonly logger?: FastifyServerOptions["logger"];
  /** The time requests are judged by (Discord's signed timestamps); the system's clock by default. */
  readonly clock?: Clock;
}

const systemTime: Clock = { now: () => new Date() };

/** The part of the core the web server uses: its configuration and use cases, never its database. */
export type ServerCore = Pick<Core, "config" | "services">;

// An address longer than this is refused before routing (414 from find-my-way's limit on one parameter).
const maxParamLength = 200;

/**
 * Builds the web app over the core, in fastify/demo's order: external plugins (cookies, OpenAPI), app plugins
 * (core's services, the actor of each request), then routes. It does not listen: the caller (the CLI's web
 * role, a test) does.
 */
export async function buildApp(core: ServerCore, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: redactedLoggerOptions(options.logger),
    routerOptions: { maxParamLength },
    frameworkErrors,
    clientErrorHandler,
  });
  app.setErrorHandler(handleError);
  answerUnknownRoutes(app);

  await app.register(cookie, {
    // Without SESSION_SECRET each process signs with a random secret of its own: fine for one local process,
    // but sessions end at every restart and do not carry across processes — production sets SESSION_SECRET.
    secret: core.config.SESSION_SECRET ?? randomBytes(32).toString("hex"),
  });
  await openApi(app, { version: "1.0.0" });

  await app.register(servicesPlugin, { services: core.services });
  await app.register(actorPlugin, { resolve: actorFromLoginCookie });

  app.get("/health", { schema: { hide: true } }, () => ({ ok: true }));
  await app.register(homeRoutes(core.services.profiles));
  await app.register(
    loginLinkRoutes(core.services.accounts, { secureCookie: new URL(core.config.PUBLIC_URL).protocol === "https:" }),
  );
  await app.register(apiV1, { prefix: "/api/v1" });
  if (options.discord !== undefined)
    await app.register(discordInteractionsRoutes(options.discord, options.clock ?? systemTime));
  return app;
}
