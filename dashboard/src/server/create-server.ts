import { randomBytes } from "node:crypto";
import cookie from "@fastify/cookie";
import type { Clock, Core } from "@skillswap/core";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { handleError } from "./error-handler.js";
import { redactedLoggerOptions } from "./log-redaction.js";
import { discordInteractionsRoutes, type DiscordEndpoint } from "./routes/discord-interactions.js";
import { homeRoutes } from "./routes/home.js";
import { loginLinkRoutes } from "./routes/login-link.js";

export interface ServerOptions {
  /** Mounts POST /discord/interactions. Without it the route does not exist (404). */
  readonly discord?: DiscordEndpoint;
  /** Fastify's logger (pino options); off when omitted. Secrets are redacted from it whatever is passed. */
  readonly logger?: FastifyServerOptions["logger"];
  /** The time requests are judged by (Discord's signed timestamps); the system's clock by default. */
  readonly clock?: Clock;
}

const systemTime: Clock = { now: () => new Date() };

/** The part of the core the web server uses. */
export type ServerCore = Pick<Core, "config" | "services">;

/**
 * Builds the web server over the core: health check, a home page, login links and, when configured, the Discord
 * interactions endpoint. It does not listen: the caller (the CLI's web role, a test) does.
 */
export async function createServer(core: ServerCore, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: redactedLoggerOptions(options.logger) });
  app.setErrorHandler(handleError);
  await app.register(cookie, {
    // Without SESSION_SECRET each process signs with a random secret of its own: fine for one local process,
    // but sessions end at every restart and do not carry across processes — production sets SESSION_SECRET.
    secret: core.config.SESSION_SECRET ?? randomBytes(32).toString("hex"),
  });

  app.get("/health", () => ({ ok: true }));
  await app.register(homeRoutes(core.services.profiles));
  await app.register(
    loginLinkRoutes(core.services.accounts, { secureCookie: new URL(core.config.PUBLIC_URL).protocol === "https:" }),
  );
  if (options.discord !== undefined)
    await app.register(discordInteractionsRoutes(options.discord, options.clock ?? systemTime));
  return app;
}
