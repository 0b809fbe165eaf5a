import cors from "@fastify/cors";
import helmet from "@fastify/helmet";
import type { Config } from "@skillswap/core";
import type { FastifyInstance } from "fastify";

/**
 * The Content-Security-Policy the dashboard is built to satisfy: everything from our own origin, no inline
 * script or style, no plugins, no framing. Images may also be data:/blob: (the avatar preview before upload);
 * avatars kept in S3 are still served from our own origin (/avatars/…), so no bucket origin is allowed.
 */
export function contentSecurityPolicy(config: Pick<Config, "PUBLIC_URL">) {
  const images = ["'self'", "data:", "blob:"];
  return {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: images,
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      ...(new URL(config.PUBLIC_URL).protocol === "https:" ? { upgradeInsecureRequests: [] } : {}),
    },
  };
}

/**
 * Security headers on every answer (helmet, with the strict CSP above) and CORS closed unless CORS_ORIGINS
 * names other origins: the dashboard lives on PUBLIC_URL and needs none. Credentials cross origins only to
 * the listed ones.
 */
export async function security(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: contentSecurityPolicy(config),
    // HSTS only where the site is served over HTTPS: on http://localhost it would pin a browser to https.
    strictTransportSecurity: new URL(config.PUBLIC_URL).protocol === "https:",
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cors, {
    origin: config.CORS_ORIGINS.length === 0 ? false : config.CORS_ORIGINS,
    credentials: true,
    methods: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"],
    allowedHeaders: ["content-type", "x-csrf-token", "idempotency-key", "last-event-id", "if-none-match"],
    exposedHeaders: ["retry-after", "etag", "location"],
    maxAge: 600,
  });
}
