#!/usr/bin/env node
// The `skillswap` command. It runs the built JavaScript (cli/dist, made by `npm ci` through bin/compile.js, or `npm run build`) in this very
// process when that build is current: no second process, no TypeScript compiled at run time, so `--help` answers
// in a tenth of a second and signals reach SkillSwap itself. While sources are newer than their build (someone is
// editing), it runs the TypeScript sources through tsx in a child process instead, as development always did.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { constants } from "node:os";
import { setInterval } from "node:timers";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const packages = ["core", "bot", "dashboard", "cli"];

/** The newest modification time of the .ts files under `dir`, in ms (0 for none). */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** True when every package was built (tsc -b writes its tsbuildinfo last) after its newest source. */
function buildIsCurrent() {
  return packages.every((name) => {
    const info = `${root}${name}/tsconfig.tsbuildinfo`;
    return (
      existsSync(info) &&
      existsSync(`${root}${name}/dist`) &&
      newestSource(`${root}${name}/src`) <= statSync(info).mtimeMs
    );
  });
}

if (process.env.SKILLSWAP_FROM_SOURCE !== "1" && buildIsCurrent()) {
  await import(new URL("../dist/main.js", import.meta.url).href);
} else {
  runFromSources();
}

/**
 * Development: the TypeScript sources through tsx, workspace packages resolved to their sources (the "source"
 * export condition). The child has a process group of its own, so a Ctrl-C in the terminal reaches it once,
 * through this launcher, not twice (from the terminal and again from here) — a second signal forces an exit.
 */
function runFromSources() {
  const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));
  const tsx = createRequire(import.meta.url).resolve("tsx");
  const child = spawn(process.execPath, ["--conditions=source", "--import", tsx, main, ...process.argv.slice(2)], {
    stdio: "inherit",
    detached: true,
    env: { ...process.env, SKILLSWAP_PARENT_PID: String(process.pid) },
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
  // Handed to another parent (ours was killed, e.g. `npm start` by SIGTERM, which passes nothing on): stop too.
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid !== parent) child.kill("SIGTERM");
  }, 500);
  watch.unref();
  child.on("error", (error) => {
    console.error(`skillswap: could not start: ${error.message}`);
    process.exit(1);
  });
  // A child killed by a signal reports the shell's convention, 128 + the signal's number (137 for SIGKILL, 143
  // for SIGTERM), so a supervisor sees how the real process ended, not that this launcher did.
  child.on("exit", (code, signal) =>
    process.exit(code ?? (signal === null ? 1 : 128 + (constants.signals[signal] ?? 0))),
  );
}
