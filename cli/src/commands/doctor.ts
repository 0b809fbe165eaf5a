import {
  createCore,
  databaseProvider,
  loadConfig,
  outboxStatus,
  readMigrations,
  type Config,
  type Core,
} from "@skillswap/core";
import { emit, table, type OutputOptions } from "../output.js";

interface Check {
  readonly name: string;
  readonly status: "ok" | "warn" | "fail";
  readonly detail: string;
}

async function databaseChecks(config: Config): Promise<Check[]> {
  const provider = databaseProvider(config.DATABASE_URL);
  const shipped = readMigrations(provider).length;
  // prepare:false — the doctor looks, it never migrates.
  const core = await createCore(config, { prepare: false });
  try {
    const { db } = core.database;
    const applied = await db
      .$queryRawUnsafe<Array<{ n: number | bigint }>>(
        `SELECT COUNT(*) AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      )
      .catch(() => [{ n: 0 }]);
    const done = Number(applied[0]?.n ?? 0);
    const checks: Check[] = [
      { name: "database", status: "ok", detail: `${provider} reachable (${redact(config.DATABASE_URL)})` },
      {
        name: "migrations",
        status: done >= shipped ? "ok" : "warn",
        detail:
          done >= shipped ? `${done} applied, none pending` : `${shipped - done} pending: run \`skillswap migrate\``,
      },
    ];
    if (done > 0) {
      const [skills, users] = await Promise.all([
        db.skill.count({ where: { status: "approved" } }),
        db.user.count({ where: { status: "active" } }),
      ]);
      checks.push({
        name: "skill catalog",
        status: skills >= 300 ? "ok" : "warn",
        detail: `${skills} approved skills`,
      });
      checks.push({ name: "people", status: "ok", detail: `${users} active users` });
      checks.push(await outboxCheck(db));
    }
    const started = Date.now();
    const paris = core.deps.geocoder.resolve("Paris");
    checks.push({
      name: "geocoder",
      status: paris.kind === "found" ? "ok" : "fail",
      detail:
        paris.kind === "found"
          ? `offline gazetteer loaded in ${Date.now() - started} ms`
          : "the city gazetteer did not resolve Paris",
    });
    return checks;
  } finally {
    await core.close();
  }
}

/** Dead events are notifications nobody got: worth a warning, but the product still runs. */
async function outboxCheck(db: Core["database"]["db"]): Promise<Check> {
  const status = await outboxStatus(db, { deadLimit: 0 });
  const waiting = `${status.pending} pending (${status.retrying} waiting to retry)`;
  return status.dead === 0
    ? { name: "outbox", status: "ok", detail: `${waiting}, none dead` }
    : {
        name: "outbox",
        status: "warn",
        detail: `${status.dead} dead event(s), ${waiting}: run \`skillswap outbox\` to see why`,
      };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, "//$1:***@");
}

function optionalServices(config: Config): Check[] {
  // A scale-out service replaces an embedded default; a platform has none — without it, it is simply off.
  const replaceable = (value: unknown, name: string, detail: string): Check =>
    value === undefined
      ? { name, status: "ok", detail: "not configured — the embedded default is used" }
      : { name, status: "warn", detail };
  return [
    replaceable(config.REDIS_URL, "redis", "configured; the Redis cache and job queue arrive with a later release"),
    replaceable(
      config.ELASTICSEARCH_URL,
      "elasticsearch",
      "configured; Elasticsearch search arrives with a later release",
    ),
    replaceable(config.S3_BUCKET, "s3", "configured; S3 file storage arrives with a later release"),
    config.DISCORD_TOKEN === undefined
      ? { name: "discord", status: "ok", detail: "not configured — set DISCORD_TOKEN to run the bot (README, Discord)" }
      : {
          name: "discord",
          status: "ok",
          detail: `configured; interactions over HTTP ${config.DISCORD_PUBLIC_KEY === undefined ? "off (no DISCORD_PUBLIC_KEY)" : "on"}`,
        },
    config.SLACK_BOT_TOKEN === undefined
      ? { name: "slack", status: "ok", detail: "not configured" }
      : { name: "slack", status: "warn", detail: "configured; the Slack app arrives with a later release" },
  ];
}

/** Checks configuration and connections; exits non-zero when something is broken. */
export async function doctorCommand(options: OutputOptions): Promise<void> {
  let checks: Check[];
  try {
    const config = loadConfig();
    checks = [{ name: "configuration", status: "ok", detail: "valid" }];
    try {
      checks.push(...(await databaseChecks(config)));
    } catch (error) {
      checks.push({ name: "database", status: "fail", detail: error instanceof Error ? error.message : String(error) });
    }
    checks.push(...optionalServices(config));
  } catch (error) {
    checks = [
      { name: "configuration", status: "fail", detail: error instanceof Error ? error.message : String(error) },
    ];
  }
  const healthy = checks.every((check) => check.status !== "fail");
  emit(options, { healthy, checks }, () =>
    table([["CHECK", "STATUS", "DETAIL"], ...checks.map((c) => [c.name, c.status, c.detail])]),
  );
  if (!healthy) process.exitCode = 1;
}
