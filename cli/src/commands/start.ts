import { createDiscordBot, discordRest, discordWorkerParts, type BotLogger, type DiscordBot } from "@skillswap/bot";
import { seedDemo, startWorker, type Core, type Worker } from "@skillswap/core";
import { emit, type OutputOptions } from "../output.js";
import { withCore } from "../with-core.js";
import { startWeb, type WebRole } from "./start-web.js";

export const knownRoles = ["web", "discord", "slack", "worker"] as const;
export type Role = (typeof knownRoles)[number];

/** Roles this build can run. The Slack app lands with its own release. */
const implementedRoles: ReadonlySet<Role> = new Set(["web", "discord", "worker"]);

// Faults of the doors (a Discord call that failed for good, a relay that could not be sent) go to stderr.
const stderrLogger: BotLogger = {
  error: (message, error) =>
    process.stderr.write(
      `${message}: ${error instanceof Error ? error.message : error === null || error === undefined ? "" : JSON.stringify(error)}\n`,
    ),
};

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
export async function startCommand(options: OutputOptions & { roles?: string }): Promise<void> {
  const roles = parseRoles(options.roles);
  await withCore(async (core) => {
    const demo = await prepareDemo(core);
    const applied = core.migrations?.applied ?? [];
    const token = core.config.DISCORD_TOKEN;
    // The Discord role needs its token; asked for by default, it is simply off until the token is set.
    const discordOff = roles.includes("discord") && token === undefined;
    const running = roles.filter((role) => implementedRoles.has(role) && !(role === "discord" && discordOff));
    const later = roles.filter((role) => !implementedRoles.has(role));
    // Signal handlers before anything starts: a Ctrl-C during start-up still stops everything cleanly.
    const stopped = running.length > 0 ? untilStopped() : undefined;
    let web: WebRole | undefined;
    let worker: Worker | undefined;
    let bot: DiscordBot | undefined;
    // The doors first, so no request or interaction starts on a core that is closing; then the worker's work.
    const stopRoles = async () => {
      await web?.server.close();
      web = undefined;
      await bot?.stop();
      bot = undefined;
      await worker?.stop();
      worker = undefined;
    };
    try {
      if (running.includes("discord") && token !== undefined) {
        bot = createDiscordBot(core, { token, apiUrl: core.config.DISCORD_API_URL, logger: stderrLogger });
        await bot.start();
      }
      // Request logs go to stderr, so stdout stays the CLI's own output (one JSON document with --json).
      if (running.includes("web"))
        web = await startWeb(core, bot, { logger: stderrLogger, requestLog: process.stderr });
      if (running.includes("worker")) {
        // Discord's relays and DMs need only REST, so a worker with the token does them, gateway or not.
        const discord =
          token === undefined
            ? undefined
            : discordWorkerParts(core, discordRest({ token, apiUrl: core.config.DISCORD_API_URL }), stderrLogger);
        worker = startWorker(core, {
          ...(discord === undefined ? {} : { handlers: discord.handlers, deliveries: [discord.delivery] }),
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
        ...(roles.includes("discord") ? { discord: discordOff ? "off (no DISCORD_TOKEN)" : "connected" } : {}),
        ...(web === undefined ? {} : { web: { url: web.url, discordInteractions: web.discordInteractions } }),
      };
      emit(options, data, () =>
        [
          ...startedLines(core, applied, demo, later),
          web === undefined
            ? ""
            : `Web server on ${web.url}: GET /health, GET /login/link; POST /discord/interactions ${web.discordInteractions === "served" ? "served" : `off (${web.discordInteractions})`}.`,
          !roles.includes("discord")
            ? ""
            : discordOff
              ? "Discord bot off: set DISCORD_TOKEN to run it (README, Discord)."
              : `Discord bot connected to ${bot?.client.guilds.cache.size ?? 0} server(s).`,
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
