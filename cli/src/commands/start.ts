import { seedDemo, startWorker, type Core } from "@skillswap/core";
import { emit, type OutputOptions } from "../output.js";
import { withCore } from "../with-core.js";

export const knownRoles = ["web", "discord", "slack", "worker"] as const;
export type Role = (typeof knownRoles)[number];

/** Roles this build can run. The doors (dashboard, bots) land with their own releases. */
const implementedRoles: ReadonlySet<Role> = new Set(["worker"]);

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

/**
 * Brings the database up to date (migrations, skill catalog, demo data on first run), then starts the
 * requested roles that exist in this build and says which do not yet.
 */
export async function startCommand(options: OutputOptions & { roles?: string }): Promise<void> {
  const roles = parseRoles(options.roles);
  await withCore(async (core) => {
    const demo = await prepareDemo(core);
    const applied = core.migrations?.applied ?? [];
    const running = roles.filter((role) => implementedRoles.has(role));
    const later = roles.filter((role) => !implementedRoles.has(role));
    const data = {
      database: core.database.provider,
      migrationsApplied: applied,
      demo,
      running,
      notYetAvailable: later,
    };
    emit(options, data, () =>
      [
        `SkillSwap is ready on ${core.database.provider} (${core.config.DATABASE_URL}).`,
        applied.length > 0 ? `Applied ${applied.length} migration(s).` : "Database schema up to date.",
        demo,
        later.length > 0
          ? `Not in this build yet: ${later.join(", ")} (the dashboard on http://localhost:${core.config.PORT} comes with the web role).`
          : "",
        running.includes("worker")
          ? "Worker running: outbox deliveries, expiring requests, completing sessions, search index. Ctrl-C stops it."
          : "",
        "Look around: `npx skillswap profile <handle>`, `npx skillswap doctor`, `npx skillswap --help`.",
      ]
        .filter((line) => line !== "")
        .join("\n"),
    );
    if (running.includes("worker")) {
      const worker = startWorker(core, {
        onError: (error) => process.stderr.write(`worker: ${error instanceof Error ? error.message : String(error)}\n`),
      });
      const signal = await untilStopped();
      await worker.stop();
      process.stdout.write(
        options.json === true ? `${JSON.stringify({ stopped: signal })}\n` : `Stopped (${signal}).\n`,
      );
    }
  });
}
