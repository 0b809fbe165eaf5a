import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";

/**
 * All configuration, validated once. Values come from the environment, then from an optional
 * skillswap.config.json (same names) for whatever the environment leaves unset. This is the only
 * module that reads process.env (enforced by the lint config).
 */
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
  REDIS_URL: z.url().optional(),
  ELASTICSEARCH_URL: z.url().optional(),
  S3_BUCKET: z.string().min(1).optional(),
  S3_ENDPOINT: z.url().optional(),
  /** Where people reach the web server; links sent to them (login links) start with it. */
  PUBLIC_URL: z.url().default("http://localhost:3000"),
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
  SLACK_BOT_TOKEN: z.string().min(1).optional(),
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
