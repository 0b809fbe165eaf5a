#!/usr/bin/env node
// Builds the dashboard's pages (Vite) into dashboard/web/dist, which the web role serves.
// `npm run build` runs it plainly: a failed build fails. The root postinstall runs it with --optional after
// `npm ci`: Vite left out (`npm ci --omit=dev`) or a failed build then only warns, and the server answers its
// plain page saying how to build, instead of the whole install failing.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const optional = process.argv.includes("--optional");
const root = fileURLToPath(new URL(".", import.meta.url));

let vite;
try {
  vite = await import(createRequire(`${root}package.json`).resolve("vite"));
} catch {
  console.warn("skillswap: Vite is not installed, so the dashboard is not built (the server says how to build it).");
  process.exit(optional ? 0 : 1);
}

try {
  await vite.build({ configFile: `${root}vite.config.ts`, logLevel: "warn" });
  console.log("dashboard: built dashboard/web/dist");
} catch (error) {
  console.warn(`skillswap: the dashboard build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(optional ? 0 : 1);
}
