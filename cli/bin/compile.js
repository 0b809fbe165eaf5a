#!/usr/bin/env node
// Run after `npm ci` / `npm install` (the root postinstall): compiles the workspaces (`tsc -b`) so the
// `skillswap` command starts from JavaScript. A failed or impossible build (TypeScript left out, as in
// `npm ci --omit=dev`) must not fail the install: the command then runs from the TypeScript sources, only slower.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
let tsc;
try {
  tsc = createRequire(`${root}package.json`).resolve("typescript/bin/tsc");
} catch {
  console.warn("skillswap: TypeScript is not installed, so the CLI will run from its sources (slower to start).");
  process.exit(0);
}
const build = spawnSync(process.execPath, [tsc, "-b"], { cwd: root, stdio: "inherit" });
if (build.status !== 0) {
  console.warn("skillswap: the build failed (above), so the CLI will run from its sources (slower to start).");
}
