import { chatSurfaces, type BotLogger, type ChatSurface, type RunningSurface } from "@skillswap/bot";
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

/** Roles this build can run: the web and the worker, and a role per chat surface the bot ships. */
const implementedRoles: ReadonlySet<string> = new Set(["web", "worker", ...chatSurfaces.map((s) => s.role)]);

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
    // A surface needs its configuration (a token); asked for by default, it is simply off until that is set.
    const asked = chatSurfaces.filter((surface) => roles.some((role) => role === surface.role));
    const off = asked.filter((surface) => !surface.configured(core.config));
    const running = roles.filter((role) => implementedRoles.has(role) && !off.some((s) => s.role === role));
    const later = roles.filter((role) => !implementedRoles.has(role));
    // Signal handlers before anything starts: a Ctrl-C during start-up still stops everything cleanly.
    const stopped = running.length > 0 ? untilStopped() : undefined;
    let web: WebRole | undefined;
    let worker: Worker | undefined;
    const surfaces = new Map<ChatSurface, RunningSurface>();
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
      for (const [surface, started] of surfaces) {
        surfaces.delete(surface);
        await started.stop();
      }
      await worker?.stop();
      worker = undefined;
    };
    try {
      for (const surface of asked)
        if (!off.includes(surface))
          surfaces.set(surface, await surface.start(core, core.config, { logger: stderrLogger }));
      // Request logs go to stderr, so stdout stays the CLI's own output (one JSON document with --json). The web
      // role answers Discord's HTTP interactions with its own router, as it does in a process of its own.
      if (running.includes("web"))
        web = await startWeb(core, undefined, {
          logger: stderrLogger,
          requestLog: requestLogFor(core.config.LOG_FORMAT),
        });
      if (running.includes("worker")) {
        // Relays and notifications need only a platform's API, so a worker does them for every configured
        // surface, whether or not this process also runs its door.
        const parts = chatSurfaces
          .filter((surface) => surface.configured(core.config))
          .map((surface) => surface.workerHandlers(core, core.config, { logger: stderrLogger }));
        worker = startWorker(core, {
          handlers: parts.flatMap((p) => p.handlers),
          deliveries: parts.flatMap((p) => p.deliveries),
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
        ...Object.fromEntries(
          asked.map((surface) => [surface.role, surfaces.get(surface)?.status ?? surface.off.status]),
        ),
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
          ...asked.map((surface) => surfaces.get(surface)?.summary() ?? surface.off.line),
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
