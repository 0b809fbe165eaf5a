import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const webDir = fileURLToPath(new URL("../../", import.meta.url));
const viteBin = join(dirname(createRequire(import.meta.url).resolve("vite/package.json")), "bin/vite.js");
/** A build lock older than this was left by a run that died: it is taken over. */
const staleLockMs = 5 * 60_000;

/** Every file the build reads from this folder (sources, page, config), in a stable order. */
function buildInputs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !["dist", "tests", "node_modules"].some((skipped) => file.startsWith(join(webDir, skipped))))
    .sort();
}

/** What the build depends on: the sources and configuration as they are now, and Vite's version. */
function sourcesHash(): string {
  const hash = createHash("sha256");
  hash.update(readFileSync(join(dirname(viteBin), "../package.json")));
  for (const file of buildInputs(webDir)) hash.update(file).update(readFileSync(file));
  return hash.digest("hex").slice(0, 16);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function build(outDir: string, env: NodeJS.ProcessEnv): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    [viteBin, "build", "--config", join(webDir, "vite.config.ts"), "--outDir", outDir, "--logLevel", "warn"],
    { cwd: webDir, env, timeout: 180_000 },
  );
}

/**
 * The dashboard built from the current sources, in a folder outside the tree: what is tested is what the
 * sources say, and a server running on dashboard/web/dist meanwhile keeps its files. The browser test files of
 * one run share one build (keyed by a hash of the sources, built by whichever file asks first while the others
 * wait), so a run pays for one Vite build however many files drive the dashboard. `env` must say
 * NODE_ENV=production (the test runner's "test" would make Vite build for development).
 */
export async function buildDashboardForTest(env: NodeJS.ProcessEnv): Promise<string> {
  const key = sourcesHash();
  const target = join(tmpdir(), `skillswap-web-${key}`);
  const lock = `${target}.lock`;
  for (;;) {
    if (existsSync(join(target, "index.html"))) return target;
    try {
      mkdirSync(lock);
    } catch {
      const age = Date.now() - (existsSync(lock) ? statSync(lock).mtimeMs : Date.now());
      if (age > staleLockMs) rmSync(lock, { recursive: true, force: true });
      await sleep(250);
      continue;
    }
    try {
      const staging = join(mkdtempSync(join(tmpdir(), "skillswap-web-build-")), "dist");
      await build(staging, env);
      rmSync(target, { recursive: true, force: true });
      renameSync(staging, target);
      rmSync(dirname(staging), { recursive: true, force: true });
      return target;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
