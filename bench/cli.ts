import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { percentiles, type Percentiles } from "./recommend.js";

const root = fileURLToPath(new URL("../", import.meta.url));
const bin = join(root, "cli/bin/skillswap.js");

/** Wall time of one `skillswap …` run, as an operator's shell sees it (process start to exit). */
function timed(args: readonly string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  execFileSync(process.execPath, [bin, ...args], { env, stdio: ["ignore", "ignore", "inherit"] });
  return performance.now() - started;
}

export interface CliTimings {
  readonly runs: number;
  readonly helpMs: Percentiles;
  readonly versionMs: Percentiles;
  readonly profileMs: Percentiles;
  readonly searchMs: Percentiles;
  readonly targets: { readonly helpAndVersionMs: number; readonly profileAndSearchMs: number };
}

/**
 * The CLI as an operator runs it, on a fresh demo database: `--help`, `--version`, `profile` and `search`, each
 * `runs` times in a fresh process. The build is brought up to date first (as `npm ci` and `npm start` do), so
 * what is timed is the command people get.
 */
export function benchCli(runs = 15): CliTimings {
  execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-b"], {
    cwd: root,
    stdio: "inherit",
  });
  const dir = mkdtempSync(join(tmpdir(), "skillswap-cli-bench-"));
  try {
    const env = {
      ...process.env,
      DATABASE_URL: `file:${join(dir, "demo.db")}`,
      SKILLSWAP_CONFIG: join(dir, "none.json"),
      LOG_LEVEL: "silent",
    };
    const seeded = JSON.parse(
      execFileSync(process.execPath, [bin, "seed", "--demo", "--json"], { env, encoding: "utf8" }),
    ) as { tryHandles?: string[] };
    const handle = seeded.tryHandles?.[0] ?? firstHandle(env);
    const sample = (args: readonly string[]) => {
      timed(args, env); // warm the file cache: the first run of a fresh clone is not what is measured
      return percentiles(Array.from({ length: runs }, () => timed(args, env)));
    };
    return {
      runs,
      helpMs: sample(["--help"]),
      versionMs: sample(["--version"]),
      profileMs: sample(["profile", handle]),
      searchMs: sample(["search", "guitar", "--near", "Lyon", "--km", "500"]),
      targets: { helpAndVersionMs: 300, profileAndSearchMs: 1000 },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A demo person's handle, when the demo names none to try. */
function firstHandle(env: NodeJS.ProcessEnv): string {
  const out = execFileSync(process.execPath, [bin, "search", "guitar", "--limit", "1", "--json"], {
    env,
    encoding: "utf8",
  });
  const result = JSON.parse(out) as { hits: Array<{ handle: string }> };
  return result.hits[0]?.handle ?? "nobody";
}
