import { createDiscordBot, discordRest, discordWorkerParts, type BotLogger, type DiscordBot } from "@skillswap/bot";
import {
  databaseProvider,
  demoHandlesToTry,
  seedDemo,
  startWorker,
  type Core,
  type CoreInternals,
  type Worker,
} from "@skillswap/core";
import { readFileSync } from "node:fs";
import { constants } from "node:os";
import { emit, type OutputOptions } from "../output.js";
import { prettyLog, type LineSink } from "../pretty-log.js";
import { demoTryLines } from "./seed.js";
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

// One Ctrl-C can arrive twice: from the terminal and again from npm or a launcher passing it on, moments apart.
// A second signal later than this is someone insisting.
const duplicateSignalMs = 1_000;
const stopSignals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * Resolves with the reason on the first request to stop: SIGINT (Ctrl-C), SIGTERM (a supervisor), SIGHUP (the
 * terminal closed), or the parent process gone (a launcher or `npm start` killed, which passes nothing on: this
 * process is then handed to another parent). The long-running roles then stop in order. A second signal while
 * they do forces the exit, with the signal's status (128 + its number).
 */
function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    let firstAt: number | undefined;
    const stop = (reason: string) => {
      if (firstAt !== undefined) return;
      firstAt = Date.now();
      resolve(reason);
    };
    for (const signal of stopSignals)
      process.on(signal, () => {
        if (firstAt === undefined) stop(signal);
        else if (Date.now() - firstAt > duplicateSignalMs) {
          process.stderr.write(`${signal} again while stopping: exiting now.\n`);
          process.exit(128 + (constants.signals[signal] ?? 0));
        }
      });
    const ancestors = watchedAncestors();
    const watch = setInterval(() => {
      if (ancestors.every((ancestor) => parentOf(ancestor.pid) === ancestor.parent)) return;
      clearInterval(watch);
      stop("parent process gone");
    }, 500);
    watch.unref();
  });
}

/** A process's parent pid, from /proc on Linux; null where that cannot be read (another system, a gone process). */
function parentOf(pid: number): number | null {
  if (pid === process.pid) return process.ppid;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    return Number.isInteger(ppid) ? ppid : null;
  } catch {
    return null;
  }
}

/**
 * The processes whose parent must not change while this one runs: this one (its parent dying hands it to
 * another), and when that parent is a wrapper shell (`npm start` runs `sh -c "skillswap start"`, and the
 * shell neither exits nor passes signals on when npm is killed) that shell too.
 */
function watchedAncestors(): Array<{ pid: number; parent: number | null }> {
  const watched: Array<{ pid: number; parent: number | null }> = [{ pid: process.pid, parent: process.ppid }];
  try {
    const command = readFileSync(`/proc/${process.ppid}/cmdline`, "utf8").split("\0");
    if (/(^|\/)(sh|dash|bash)$/.test(command[0] ?? "") && command[1] === "-c")
      watched.push({ pid: process.ppid, parent: parentOf(process.ppid) });
  } catch {
    // No /proc (not Linux): the direct parent is watched all the same.
  }
  return watched;
}

/** Where the web role's request log goes: readable lines for a person at a terminal, JSON lines for machines. */
function requestLogFor(format: "auto" | "pretty" | "json"): LineSink {
  const pretty = format === "pretty" || (format === "auto" && process.stderr.isTTY);
  return pretty ? prettyLog(process.stderr) : process.stderr;
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

async function prepareDemo(core: CoreInternals): Promise<string> {
  if (!core.config.SKILLSWAP_DEMO_DATA) return "Demo data is switched off (SKILLSWAP_DEMO_DATA=false).";
  const people = await core.services.operations.activePeople();
  if (people > 0) return `The database already holds ${people} people; demo data left as it is.`;
  const result = await seedDemo(core);
  return `First run: seeded the demo community with ${result.users} people.`;
}

function startedLines(core: Core, applied: readonly string[], demo: string, later: readonly Role[]) {
  return [
    `SkillSwap is ready on ${databaseProvider(core.config.DATABASE_URL)} (${core.config.DATABASE_URL}).`,
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
    const tryHandles = await demoHandlesToTry(core);
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
      if (web !== undefined) {
        // Requests in flight get the grace period; then their connections close, so no client (a slow one, or
        // one that sent half a request) holds the shutdown until Node's own 60-second header timeout.
        const { server } = web;
        const cutOff = setTimeout(() => server.server.closeAllConnections(), core.config.SHUTDOWN_GRACE_MS);
        await server.close();
        clearTimeout(cutOff);
      }
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
        web = await startWeb(core, bot, { logger: stderrLogger, requestLog: requestLogFor(core.config.LOG_FORMAT) });
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
        database: databaseProvider(core.config.DATABASE_URL),
        migrationsApplied: applied,
        demo,
        running,
        notYetAvailable: later,
        tryHandles,
        ...(roles.includes("discord") ? { discord: discordOff ? "off (no DISCORD_TOKEN)" : "connected" } : {}),
        ...(web === undefined
          ? {}
          : { web: { url: web.url, dashboard: web.dashboard, discordInteractions: web.discordInteractions } }),
      };
      // PUBLIC_URL, not the listening address: the sign-in forms are accepted from PUBLIC_URL's origin only.
      const dashboardLine =
        web === undefined
          ? ""
          : web.dashboard === "served"
            ? `Dashboard: open ${core.config.PUBLIC_URL} in your browser.`
            : "Dashboard not built: run `npm run build`, then start again (the API works meanwhile).";
      emit(options, data, () =>
        [
          ...startedLines(core, applied, demo, later),
          dashboardLine,
          web === undefined
            ? ""
            : `Web server on ${web.url}: the API under /api/v1 (browse it at /api/docs), /health and /ready; POST /discord/interactions ${web.discordInteractions === "served" ? "served" : `off (${web.discordInteractions})`}.`,
          !roles.includes("discord")
            ? ""
            : discordOff
              ? "Discord bot off: set DISCORD_TOKEN to run it (README, Discord)."
              : `Discord bot connected to ${bot?.client.guilds.cache.size ?? 0} server(s).`,
          worker === undefined
            ? ""
            : "Worker running: outbox deliveries, expiring requests, completing sessions, search index.",
          stopped === undefined ? "" : "Ctrl-C stops it.",
          ...demoTryLines(tryHandles),
          "Look around: `npx skillswap doctor`, `npx skillswap --help`.",
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
