import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";

/**
 * All configuration, validated once. Values come from the environment, then from an optional
 * skillswap.config.json (same names) for whatever the environment leaves unset. This is the only
 * module that reads process.env (enforced by the lint config).
 */
/** "0-2,5" → [0, 1, 2, 5]: each id once, in order. */
function shardIdList(list: string): number[] {
  const ids = list.split(",").flatMap((part) => {
    const [first = 0, last = first] = part.split("-").map(Number);
    const [from, to] = [Math.min(first, last), Math.max(first, last)];
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
  return [...new Set(ids)].sort((a, b) => a - b);
}

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

export const configSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "Use file:<path> for SQLite or postgres://… for PostgreSQL")
    .default("file:./data/skillswap.db"),
  SKILLSWAP_DEMO_DATA: booleanFlag.default(true),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  /** auto: one readable line per entry at a terminal, JSON lines otherwise (a file, a log collector). */
  LOG_FORMAT: z.enum(["auto", "pretty", "json"]).default("auto"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** How long a stopping web server lets requests in flight finish before it closes their connections. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /**
   * How long a worker's claim on an outbox event keeps the other workers off it: the wait before the events of
   * a worker that died are delivered by another. Longer than a handler call may take (30 s).
   */
  OUTBOX_LEASE_MS: z.coerce.number().int().min(30_001).default(60_000),
  /** With REDIS_URL: how many outbox deliveries one worker process runs at once (BullMQ's concurrency). */
  OUTBOX_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: z.url().optional(),
  ELASTICSEARCH_URL: z.url().optional(),
  /** The alias searches go through; each rebuild fills an index `<alias>-<time>-<random>` and moves the alias to it. */
  ELASTICSEARCH_INDEX: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,200}$/, "Lower-case letters, digits, - and _")
    .default("skillswap-people"),
  /** Where uploaded files (avatars) are kept on disk when S3_BUCKET is not set. */
  UPLOADS_DIR: z.string().min(1).default("./data/uploads"),
  /** Keeps uploads in this S3 bucket instead of on disk; credentials from S3_ACCESS_KEY_ID or the SDK's chain. */
  S3_BUCKET: z.string().min(1).optional(),
  /** An S3-compatible service other than AWS (MinIO): its URL. */
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  /** Bucket in the path rather than the host name; true by default when S3_ENDPOINT is set (MinIO needs it). */
  S3_FORCE_PATH_STYLE: booleanFlag.optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Where people reach the web server; links sent to them (login links) start with it. */
  PUBLIC_URL: z.url().default("http://localhost:3000"),
  /**
   * The SMTP server account mail (email verification, password reset) goes through: smtp://user:password@host:587
   * (STARTTLS) or smtps://…:465. Unset, each mail is written to a file under the data folder instead.
   */
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, hostname: /./, error: "Use smtp://user:password@host:587 or smtps://…:465" })
    .optional(),
  /** The sender of account mail. */
  MAIL_FROM: z.string().min(1).default("SkillSwap <no-reply@localhost>"),
  /**
   * Other web origins allowed to call the API from a browser, comma-separated (https://app.example.org).
   * Empty by default: the dashboard is served from PUBLIC_URL itself and needs no CORS.
   */
  CORS_ORIGINS: z
    .string()
    .default("")
    .transform((list) =>
      list
        .split(",")
        .map((origin) => origin.trim())
        .filter((origin) => origin !== ""),
    )
    .pipe(z.array(z.url("Use full origins such as https://app.example.org, separated by commas"))),
  /**
   * Whether to believe X-Forwarded-For/-Proto: "false" (default, nothing in front), "true" (any proxy), a hop
   * count ("1"), or the proxies' addresses/CIDRs ("10.0.0.0/8,127.0.0.1"). Client IPs (rate limits, audit) depend on it.
   */
  TRUST_PROXY: z
    .string()
    .default("false")
    .transform((value): boolean | number | string[] => {
      if (value === "true" || value === "false") return value === "true";
      if (/^\d+$/.test(value)) return Number(value);
      return value.split(",").map((entry) => entry.trim());
    }),
  /**
   * Signs the dashboard's session cookie. Optional: without it the web server makes a random one per process,
   * so sessions end at every restart and do not carry across several web processes — set it in production.
   */
  SESSION_SECRET: z.string().min(32, "Use at least 32 characters").optional(),
  DISCORD_TOKEN: z.string().min(1).optional(),
  DISCORD_APPLICATION_ID: z
    .string()
    .regex(/^\d{17,20}$/, "Use the application id from the Discord developer portal (digits only)")
    .optional(),
  /** Verifies that requests to POST /discord/interactions come from Discord (Ed25519, 32 bytes in hex). */
  DISCORD_PUBLIC_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, "Use the 64 hex characters of the public key from the Discord developer portal")
    .optional(),
  /** Discord's REST base; only changed to point the bot at a local Discord in tests and benchmarks. */
  DISCORD_API_URL: z.url().default("https://discord.com/api"),
  /**
   * How many gateway shards the bot runs: "auto" takes the count Discord recommends (GET /gateway/bot), a
   * number fixes it. Discord requires sharding from 2,500 servers; 1 (one connection) below that.
   */
  DISCORD_SHARDS: z
    .union([z.literal("auto"), z.coerce.number().int().min(1)], {
      error: 'Use "auto" or a whole number of shards (1 or more)',
    })
    .default(1),
  /**
   * The shards this process runs, when several processes share DISCORD_SHARDS between them: "0-3", "4,5,6,7".
   * Unset, one process runs them all.
   */
  DISCORD_SHARD_IDS: z
    .string()
    .regex(/^\d+(-\d+)?(,\d+(-\d+)?)*$/, 'Use shard ids and ranges separated by commas, such as "0-3" or "0,2,4"')
    .transform(shardIdList)
    .optional(),
  /** API requests one client (a signed-in person, else an address) may make per minute; then 429 with Retry-After. */
  API_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Of those, the costly reads (people search, suggestions, recommendations) per minute. */
  SEARCHES_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** With DISCORD_APPLICATION_ID (the OAuth client id), offers "Sign in with Discord" on the dashboard. */
  DISCORD_CLIENT_SECRET: z.string().min(1).optional(),
  /** Discord's OAuth pages; only changed to point sign-in at a local fake in tests. */
  DISCORD_OAUTH_AUTHORIZE_URL: z.url().default("https://discord.com/oauth2/authorize"),
  DISCORD_OAUTH_TOKEN_URL: z.url().default("https://discord.com/api/oauth2/token"),
  /** Both set: "Sign in with Google" on the dashboard (an OAuth client of type "Web application"). */
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  /** Google's OAuth endpoints; only changed to point sign-in at a local fake in tests. */
  GOOGLE_OAUTH_AUTHORIZE_URL: z.url().default("https://accounts.google.com/o/oauth2/v2/auth"),
  GOOGLE_OAUTH_TOKEN_URL: z.url().default("https://oauth2.googleapis.com/token"),
  GOOGLE_OAUTH_USERINFO_URL: z.url().default("https://openidconnect.googleapis.com/v1/userinfo"),
  SLACK_BOT_TOKEN: z.string().min(1).optional(),
  /** Verifies that requests to POST /slack/events come from Slack (the app's "Signing Secret"); set, it is served. */
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  /**
   * An app-level token (Slack's "xapp-…", scope connections:write): set, the slack role takes Slack's requests
   * over Socket Mode, so the app can be tried without a public URL.
   */
  SLACK_APP_TOKEN: z.string().startsWith("xapp-", 'An app-level token starts with "xapp-"').optional(),
  /** Slack's Web API base; only changed to point the app at a local Slack in tests and benchmarks. */
  SLACK_API_URL: z.url().default("https://slack.com/api/"),
  /**
   * Multi-workspace mode (the "Add to Slack" install) needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET,
   * SLACK_STATE_SECRET and SLACK_TOKEN_KEY together; without SLACK_TOKEN_KEY it is not configured, since
   * workspaces' bot tokens are never stored in clear.
   */
  SLACK_CLIENT_ID: z.string().min(1).optional(),
  SLACK_CLIENT_SECRET: z.string().min(1).optional(),
  /** Signs the OAuth state parameter that ties /slack/oauth_redirect to the install that started it. */
  SLACK_STATE_SECRET: z.string().min(32, "Use at least 32 characters").optional(),
  /**
   * Encrypts installed workspaces' bot tokens at rest (AES-256-GCM): 32 random bytes as 64 hex characters or
   * base64 (`openssl rand -base64 32`). Losing it means every workspace must install again.
   */
  SLACK_TOKEN_KEY: z
    .string()
    .regex(/^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/, "Use 32 random bytes as 64 hex characters or base64")
    .optional(),
  /**
   * The lowest level (1–5) at which matching offers someone as a teacher: a community that wants seasoned
   * teachers sets 3. Search still finds everyone who lists a skill, with their level.
   */
  MIN_TEACH_LEVEL: z.coerce.number().int().min(1).max(5).default(1),
});

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
export type DatabaseProvider = "sqlite" | "postgresql";

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** "MIN_TEACH_LEVEL" → "minTeachLevel": the spelling JSON files usually use. */
const camelCase = (name: string) =>
  name.toLowerCase().replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

/**
 * The configuration file's values under their variable names. A file may also spell a name in camelCase
 * ("minTeachLevel" for MIN_TEACH_LEVEL); the variable's own spelling wins when both are there.
 */
function readConfigFile(path: string): Record<string, unknown> {
  if (!existsSync(path)) return {};
  const parsed: unknown = JSON.parse(readFileSync(path, "utf8"));
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(`${path} must hold a JSON object`);
  }
  const values = parsed as Record<string, unknown>;
  const named: Record<string, unknown> = { ...values };
  for (const key of Object.keys(configSchema.shape)) {
    const camel = values[camelCase(key)];
    if (named[key] === undefined && camel !== undefined) named[key] = camel;
  }
  return named;
}

/** Builds the configuration from explicit values (tests), the environment and skillswap.config.json. */
export function loadConfig(
  overrides: Partial<ConfigInput> = {},
  env: NodeJS.ProcessEnv = process.env,
  configFile = resolve(env.SKILLSWAP_CONFIG ?? "skillswap.config.json"),
): Config {
  const fromEnv = Object.fromEntries(
    Object.keys(configSchema.shape).flatMap((key) =>
      env[key] === undefined || env[key] === "" ? [] : [[key, env[key]]],
    ),
  );
  const result = configSchema.safeParse({ ...readConfigFile(configFile), ...fromEnv, ...overrides });
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

export function databaseProvider(url: string): DatabaseProvider {
  return url.startsWith("file:") ? "sqlite" : "postgresql";
}

/** For test suites: the PostgreSQL to run repository suites against, when the environment provides one. */
export function testDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.TEST_DATABASE_URL === "" ? undefined : env.TEST_DATABASE_URL;
}

/** For test suites: the Elasticsearch to run the search suite against, when the environment provides one. */
export function testElasticsearchUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.TEST_ELASTICSEARCH_URL === "" ? undefined : env.TEST_ELASTICSEARCH_URL;
}

/** For test suites: the Redis to run Redis-backed suites against, when the environment provides one. */
export function testRedisUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.TEST_REDIS_URL === "" ? undefined : env.TEST_REDIS_URL;
}
