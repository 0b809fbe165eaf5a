#!/usr/bin/env node
// Runs the CLI from its TypeScript sources through tsx, resolving workspace packages to their sources
// (the "source" export condition), so `npx skillswap` works straight after `npm ci` with no build step.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { constants } from "node:os";
import { fileURLToPath } from "node:url";

const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));
const tsx = createRequire(import.meta.url).resolve("tsx");
const child = spawn(process.execPath, ["--conditions=source", "--import", tsx, main, ...process.argv.slice(2)], {
  stdio: "inherit",
});
// Long-running roles stop on SIGINT / SIGTERM: pass them on, so the real process shuts down cleanly rather
// than being orphaned when this launcher goes.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("error", (error) => {
  console.error(`skillswap: could not start: ${error.message}`);
  process.exit(1);
});
// A child killed by a signal reports the shell's convention, 128 + the signal's number (137 for SIGKILL, 143 for
// SIGTERM), so a supervisor sees how the real process ended, not that this launcher did.
child.on("exit", (code, signal) =>
  process.exit(code ?? (signal === null ? 1 : 128 + (constants.signals[signal] ?? 0))),
);
