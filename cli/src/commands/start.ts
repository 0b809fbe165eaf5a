import { seedDemo, startWorker, type Core, type Worker } from "@skillswap/core";
import { createServer, type DiscordEndpoint } from "@skillswap/dashboard";
import { emit, type OutputOptions } from "../output.js";
import { withCore } from "../with-core.js";

export const knownRoles = ["web", "discord", "slack", "worker"] as const;
export type Role = (typeof knownRoles)[number];

/** Roles this build can run. The bots land with their own releases. */
const implementedRoles: ReadonlySet<Role> = new Set(["web", "worker"]);

type DiscordInteractions = DiscordEndpoint["interactions"];

/**
 * The doors `start` is handed by the composition root. The Discord bot's interaction handling goes here: once
 * the discord role exists it builds the bot over the core and passes `discordInteractions`, and the web role
 * then serves POST /discord/interactions (when DISCORD_PUBLIC_KEY is set too).
 */
export interface StartDoors {
  readonly discordInteractions?: (core: Core) => DiscordInteractions | Promise<DiscordInteractions>;
}

/** Resolves on the first SIGINT or SIGTERM: the long-running roles stop cleanly then. */
function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => () => {
      resolve(signal);
    };
    process.once("SIGINT", stop("SIGINT"));
    process.once("SIGTERM", stop("SIGTERM"));
  });
}

export function parseRoles(text: string | undefined): Role[] {
  if (text === undefined) return [...knownRoles];
  const roles = text
    .split(",")
    .map((role) => role.trim())
    .filter((role) => role !== "");
  const unknown = roles.filter((role) => !(knownRoles as readonly string[]).includes(role));
  if (unknown.length > 0)
    throw new Error(`Unknown role(s): ${unknown.join(", ")}. Roles are ${knownRoles.join(", ")}.`);
  return roles as Role[];
}

async function prepareDemo(core: Core): Promise<string> {
  if (!core.config.SKILLSWAP_DEMO_DATA) return "Demo data is switched off (SKILLSWAP_DEMO_DATA=false).";
  const people = await core.database.db.user.count({ where: { status: "active" } });
  if (people > 0) return `The database already holds ${people} people; demo data left as it is.`;
  const result = await seedDemo(core);
  return `First run: seeded the demo community with ${result.users} people.`;
}

interface WebRole {
  readonly url: string;
  /** Why POST /discord/interactions is or is not served, for the operator. */
  readonly discordInteractions: "served" | "no DISCORD_PUBLIC_KEY" | "no Discord bot in this build";
  readonly server: Awaited<ReturnType<typeof createServer>>;
}

async function startWeb(core: Core, doors: StartDoors): Promise<WebRole> {
  const publicKey = core.config.DISCORD_PUBLIC_KEY;
  const interactions =
    publicKey === undefined || doors.discordInteractions === undefined
      ? undefined
      : await doors.discordInteractions(core);
  const level = core.config.LOG_LEVEL;
  const server = await createServer(core, {
    // Request logs go to stderr, so stdout stays the CLI's own output (one JSON document with --json).
    logger: level === "silent" ? false : { level, stream: process.stderr },
    ...(publicKey !== undefined && interactions !== undefined ? { discord: { publicKey, interactions } } : {}),
  });
  const url = await server.listen({ host: core.config.HOST, port: core.config.PORT });
  return {
    url,
    server,
    discordInteractions:
      publicKey === undefined
        ? "no DISCORD_PUBLIC_KEY"
        : interactions === undefined
          ? "no Discord bot in this build"
          : "served",
  };
}

function startedLines(core: Core, applied: readonly string[], demo: string, later: readonly Role[]) {
  return [
    `SkillSwap is ready on ${core.database.provider} (${core.config.DATABASE_URL}).`,
    applied.length > 0 ? `Applied ${applied.length} migration(s).` : "Database schema up to date.",
    demo,
    later.length > 0 ? `Not in this build yet: ${later.join(", ")}.` : "",
  ];
}

/**
 * Brings the database up to date (migrations, skill catalog, demo data on first run), then starts the
 * requested roles that exist in this build and says which do not yet. Long-running roles (web, worker) run
 * until SIGINT or SIGTERM.
 */
export async function startCommand(options: OutputOptions & { roles?: string }, doors: StartDoors = {}): Promise<void> {
  const roles = parseRoles(options.roles);
  await withCore(async (core) => {
    const demo = await prepareDemo(core);
    const applied = core.migrations?.applied ?? [];
    const running = roles.filter((role) => implementedRoles.has(role));
    const later = roles.filter((role) => !implementedRoles.has(role));
    // Signal handlers before anything starts: a Ctrl-C during start-up still stops everything cleanly.
    const stopped = running.length > 0 ? untilStopped() : undefined;
    let web: WebRole | undefined;
    let worker: Worker | undefined;
    // The web server first, so no request starts on a core that is closing; then the worker's work in hand.
    const stopRoles = async () => {
      await web?.server.close();
      web = undefined;
      await worker?.stop();
      worker = undefined;
    };
    try {
      if (running.includes("web")) web = await startWeb(core, doors);
      if (running.includes("worker")) {
        worker = startWorker(core, {
          onError: (error) =>
            process.stderr.write(`worker: ${error instanceof Error ? error.message : String(error)}\n`),
        });
      }
      const data = {
        database: core.database.provider,
        migrationsApplied: applied,
        demo,
        running,
        notYetAvailable: later,
        ...(web === undefined ? {} : { web: { url: web.url, discordInteractions: web.discordInteractions } }),
      };
      emit(options, data, () =>
        [
          ...startedLines(core, applied, demo, later),
          web === undefined
            ? ""
            : `Web server on ${web.url}: GET /health, GET /login/link; POST /discord/interactions ${web.discordInteractions === "served" ? "served" : `off (${web.discordInteractions})`}.`,
          worker === undefined
            ? ""
            : "Worker running: outbox deliveries, expiring requests, completing sessions, search index.",
          stopped === undefined ? "" : "Ctrl-C stops it.",
          "Look around: `npx skillswap profile <handle>`, `npx skillswap doctor`, `npx skillswap --help`.",
        ]
          .filter((line) => line !== "")
          .join("\n"),
      );
      if (stopped === undefined) return;
      const signal = await stopped;
      await stopRoles();
      process.stdout.write(
        options.json === true ? `${JSON.stringify({ stopped: signal })}\n` : `Stopped (${signal}).\n`,
      );
    } finally {
      await stopRoles();
    }
  });
}
