import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const webDir = fileURLToPath(new URL("../../", import.meta.url));
const viteBin = join(dirname(createRequire(import.meta.url).resolve("vite/package.json")), "bin/vite.js");

/**
 * Builds the dashboard from the current sources into a folder of the test's own: what is tested is what the
 * sources say, and a server running on dashboard/web/dist meanwhile keeps its files. `env` must say
 * NODE_ENV=production (the test runner's "test" would make Vite build for development).
 */
export async function buildDashboardForTest(env: NodeJS.ProcessEnv): Promise<string> {
  const outDir = join(mkdtempSync(join(tmpdir(), "skillswap-web-")), "dist");
  await promisify(execFile)(
    process.execPath,
    [viteBin, "build", "--config", join(webDir, "vite.config.ts"), "--outDir", outDir, "--logLevel", "warn"],
    { cwd: webDir, env, timeout: 120_000 },
  );
  return outDir;
}
