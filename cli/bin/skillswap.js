#!/usr/bin/env node
// Runs the CLI from its TypeScript sources through tsx, resolving workspace packages to their sources
// (the "source" export condition), so `npx skillswap` works straight after `npm ci` with no build step.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));
const tsx = createRequire(import.meta.url).resolve("tsx");
const result = spawnSync(process.execPath, ["--conditions=source", "--import", tsx, main, ...process.argv.slice(2)], {
  stdio: "inherit",
});
if (result.error) {
  console.error(`skillswap: could not start: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
