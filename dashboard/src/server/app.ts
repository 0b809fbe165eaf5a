import { randomBytes } from "node:crypto";
import cookie from "@fastify/cookie";
import type { SlackEvents, SlackInstallFlow } from "@skillswap/bot";
import type { Clock, Config, Core } from "@skillswap/core";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { clientErrorHandler, frameworkErrors } from "./errors/client-errors.js";
import { handleError } from "./errors/error-handler.js";
import { answerUnknownRoutes } from "./errors/unknown-route.js";
import { redactedLoggerOptions } from "./log-redaction.js";
import { actorPlugin } from "./plugins/app/actor.js";
import { requestLimitsFrom, requestLimitsPlugin, type RequestLimits } from "./plugins/app/request-limits.js";
import { attemptLimitsPlugin, defaultAttemptLimits, type AttemptLimits } from "./plugins/app/attempt-limits.js";
import { csrfPlugin } from "./plugins/app/csrf.js";
import { servicesPlugin } from "./plugins/app/services.js";
import { actorFromSession, sessionCookieFor, sessionPlugin } from "./plugins/app/session.js";
import { openApi } from "./plugins/external/openapi.js";
import { security } from "./plugins/external/security.js";
import { healthRoutes } from "./routes/health.js";
import { apiV1 } from "./routes/api/v1/index.js";
import { avatarFileRoutes } from "./routes/avatars.js";
import { discordInteractionsRoutes, type DiscordEndpoint } from "./routes/discord-interactions.js";
import { slackEventsRoutes } from "./routes/slack-events.js";
import { slackInstallRoutes } from "./routes/slack-install.js";
import { homeRoutes } from "./routes/home.js";
import { dashboardAppRoutes } from "./routes/dashboard-app.js";
import { configuredStrategies } from "./oauth/providers.js";
import { oauthRoutes } from "./routes/oauth.js";
import { loginLinkRoutes } from "./routes/login-link.js";

export interface AppOptions {
  /** Mounts POST /discord/interactions. Without it the route does not exist (404). */
  readonly discord?: DiscordEndpoint;
  /** Mounts POST /slack/events (the bot's receiver, with SLACK_SIGNING_SECRET). Without it, 404. */
  readonly slack?: SlackEvents;
  /** Mounts GET /slack/install and /slack/oauth_redirect ("Add to Slack", multi-workspace mode). Without it, 404. */
  readonly slackInstall?: SlackInstallFlow;
  /** Fastify's logger (pino options); off when omitted. Secrets are redacted from it whatever is passed. */
  readonly logger?: FastifyServerOptions["logger"];
  /** The time requests are judged by (Discord's signed timestamps); the system's clock by default. */
  readonly clock?: Clock;
  /** How many sign-in, sign-up and password-reset attempts an IP and an email get; 10 and 5 per 15 minutes by default. */
  readonly attemptLimits?: AttemptLimits;
  /** How many API requests a client may make; from API_REQUESTS_PER_MINUTE and SEARCHES_PER_MINUTE by default. */
  readonly requestLimits?: RequestLimits;
  /** How often a quiet event stream (a live conversation) sends a heartbeat comment; 15 s by default. */
  readonly heartbeatMs?: number;
  /**
   * The built dashboard's folder (`builtDashboard()`), served at / with its pages' addresses. Without it, / is a
   * plain page saying who is signed in and how to build the dashboard.
   */
  readonly dashboard?: string;
}

const systemTime: Clock = { now: () => new Date() };

/** The part of the core the web server uses: its configuration and use cases, never its database. */
export type ServerCore = Pick<Core, "config" | "services">;

// An address longer than this is refused before routing (414 from find-my-way's limit on one parameter).
const maxParamLength = 200;

/** TRUST_PROXY as Fastify takes it: a hop count becomes "trust the first n hops" (its types lack the number form). */
function trustProxyOption(
  setting: Config["TRUST_PROXY"],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof setting === "number" ? (_address, hop) => hop < setting : setting;
}

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
    trustProxy: trustProxyOption(core.config.TRUST_PROXY),
    // Beyond 1 MB a JSON body is refused (413): no form here sends more; avatars have their own limit.
    bodyLimit: 1_048_576,
  });
  app.setErrorHandler(handleError);
  answerUnknownRoutes(app);

  await app.register(cookie, {
    // For signed cookies only; the session cookie is an opaque token checked against the session store, so
    // sessions survive restarts whatever this is. Without SESSION_SECRET each process signs with its own.
    secret: core.config.SESSION_SECRET ?? randomBytes(32).toString("hex"),
  });
  await security(app, core.config);
  await openApi(app, { version: "1.0.0" });

  await app.register(servicesPlugin, { services: core.services });
  await app.register(sessionPlugin, {
    webSessions: core.services.webSessions,
    cookie: sessionCookieFor(core.config.PUBLIC_URL),
  });
  await app.register(actorPlugin, { resolve: actorFromSession });
  await app.register(csrfPlugin, { publicUrl: core.config.PUBLIC_URL, corsOrigins: core.config.CORS_ORIGINS });
  await app.register(attemptLimitsPlugin, { limits: options.attemptLimits ?? defaultAttemptLimits });
  await app.register(requestLimitsPlugin, { limits: options.requestLimits ?? requestLimitsFrom(core.config) });

  await app.register(healthRoutes(core.services.operations));
  await app.register(
    options.dashboard === undefined ? homeRoutes(core.services.profiles) : dashboardAppRoutes(options.dashboard),
  );
  await app.register(avatarFileRoutes);
  await app.register(loginLinkRoutes);
  await app.register(oauthRoutes(core.config, core.services.accounts));
  await app.register(apiV1, {
    prefix: "/api/v1",
    signInProviders: [...configuredStrategies(core.config).keys()],
    demoData: core.config.SKILLSWAP_DEMO_DATA,
    ...(options.heartbeatMs === undefined ? {} : { heartbeatMs: options.heartbeatMs }),
  });
  if (options.discord !== undefined)
    await app.register(discordInteractionsRoutes(options.discord, options.clock ?? systemTime));
  if (options.slack !== undefined) await app.register(slackEventsRoutes(options.slack));
  if (options.slackInstall !== undefined)
    await app.register(slackInstallRoutes(options.slackInstall, core.config.PUBLIC_URL));
  return app;
}
