import { createCore, databaseProvider, loadConfig, type Config, type HealthCheck } from "@skillswap/core";
import { emit, table, type OutputOptions } from "../output.js";
import { jobQueueChecks } from "./doctor-queues.js";
import { slackChecks } from "./doctor-slack.js";

export interface Check {
  readonly name: string;
  readonly status: "ok" | "warn" | "fail";
  readonly detail: string;
}

/** Core's verdict on one part, with the facts behind it said for an operator. */
function describe(check: HealthCheck): Check {
  const { name, status } = check;
  switch (check.name) {
    case "migrations":
      return {
        name,
        status,
        detail:
          check.pending === 0
            ? `${check.applied} applied, none pending`
            : `${check.pending} pending: run \`skillswap migrate\``,
      };
    case "skill catalog":
      return { name, status, detail: `${check.approvedSkills} approved skills` };
    case "people":
      return { name, status, detail: `${check.activePeople} active users` };
    case "outbox": {
      const waiting = `${check.pending} pending (${check.retrying} waiting to retry)`;
      return {
        name,
        status,
        detail:
          check.dead === 0
            ? `${waiting}, none dead`
            : `${check.dead} dead event(s), ${waiting}: run \`skillswap outbox\` to see why`,
      };
    }
    case "geocoder":
      return {
        name,
        status,
        detail:
          status === "fail"
            ? `the city gazetteer did not resolve ${check.city}`
            : `offline gazetteer loaded in ${check.loadMs} ms`,
      };
  }
}

async function databaseChecks(config: Config): Promise<Check[]> {
  const provider = databaseProvider(config.DATABASE_URL);
  // prepare:false — the doctor looks, it never migrates.
  const core = await createCore(config, { prepare: false });
  try {
    const health = await core.services.operations.health();
    return [
      { name: "database", status: "ok", detail: `${provider} reachable (${redact(config.DATABASE_URL)})` },
      ...health.map(describe),
      ...(await slackChecks(config, () => core.services.operations.installations())),
    ];
  } finally {
    await core.close();
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, "//$1:***@");
}

function optionalServices(config: Config): Check[] {
  // A scale-out service replaces an embedded default; a platform has none — without it, it is simply off.
  const replaceable = (value: string | undefined, name: string, detail: string): Check =>
    value === undefined
      ? { name, status: "ok", detail: "not configured — the embedded default is used" }
      : { name, status: "ok", detail };
  return [
    replaceable(config.REDIS_URL, "redis", "configured: sessions, counters, the cache and the job queue (BullMQ)"),
    replaceable(
      config.ELASTICSEARCH_URL,
      "elasticsearch",
      `configured: people search (alias ${config.ELASTICSEARCH_INDEX})`,
    ),
    config.S3_BUCKET === undefined
      ? { name: "files", status: "ok", detail: `uploads kept on disk in ${config.UPLOADS_DIR}` }
      : {
          name: "files",
          status: "ok",
          detail: `uploads kept in S3 bucket ${config.S3_BUCKET}${config.S3_ENDPOINT === undefined ? "" : ` at ${config.S3_ENDPOINT}`}`,
        },
    config.DISCORD_TOKEN === undefined
      ? { name: "discord", status: "ok", detail: "not configured — set DISCORD_TOKEN to run the bot (README, Discord)" }
      : {
          name: "discord",
          status: "ok",
          detail: `configured; interactions over HTTP ${config.DISCORD_PUBLIC_KEY === undefined ? "off (no DISCORD_PUBLIC_KEY)" : "on"}`,
        },
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
      checks.push(...(await slackChecks(config, undefined)));
    }
    checks.push(...optionalServices(config));
    checks.push(...(await jobQueueChecks(config)));
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
