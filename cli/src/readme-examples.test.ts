import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const bin = fileURLToPath(new URL("../bin/skillswap.js", import.meta.url));
const readme = readFileSync(fileURLToPath(new URL("../../README.md", import.meta.url)), "utf8");
const dir = mkdtempSync(join(tmpdir(), "skillswap-readme-"));
const demoDb = join(dir, "demo.db");
const env = { ...process.env, DATABASE_URL: `file:${demoDb}`, SKILLSWAP_CONFIG: join(dir, "none.json") };

interface Example {
  /** The line as README shows it, comment left out. */
  readonly line: string;
  readonly args: readonly string[];
}

/** Splits a shell line into words the way bash would for these examples: spaces, "double" and 'single' quotes. */
function words(line: string): string[] {
  const out: string[] = [];
  for (const match of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) out.push(match[1] ?? match[2] ?? match[3] ?? "");
  return out;
}

/** The `npx skillswap …` lines of README's fenced bash blocks, without their `# comments`. */
function readmeExamples(text: string): Example[] {
  const blocks = [...text.matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
  return blocks
    .flatMap((block) => block.split("\n"))
    .map((line) => line.replace(/\s+#.*$/, "").trim())
    .filter((line) => line.startsWith("npx skillswap"))
    .map((line) => ({ line, args: words(line).slice(2) }));
}

async function skillswap(args: readonly string[], databaseUrl = env.DATABASE_URL) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: { ...env, DATABASE_URL: databaseUrl },
      cwd: dir,
      timeout: 120_000,
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; code?: number };
    return { stdout: failure.stdout ?? "", stderr: failure.stderr ?? String(error), code: failure.code ?? 1 };
  }
}

/** Which of these handles belong to people in the demo database: output must name real people, not echo input. */
function realHandles(handles: readonly string[]): string[] {
  const db = new Database(demoDb, { readonly: true });
  try {
    const found = db.prepare(`SELECT "handle" FROM "User" WHERE "handle" = ?`);
    return handles.filter((handle) => found.get(handle) !== undefined);
  } finally {
    db.close();
  }
}

const mentioned = (output: string) => [...output.matchAll(/@([a-z0-9][a-z0-9-]*)/g)].map((m) => m[1] ?? "");
const namesPeople = (output: string) => expect(realHandles(mentioned(output)).length).toBeGreaterThan(0);

/**
 * What each command's example must show besides "something, without an error": that it is about the demo's
 * real people and rows. A README example for a command missing here fails, so a new example says what it shows.
 */
const shows: Record<string, (output: string, args: readonly string[]) => void> = {
  "--help": (out) => expect(out).toMatch(/Usage: skillswap/),
  profile: (out, args) =>
    args.includes("--json")
      ? expect(JSON.parse(out)).toMatchObject({ handle: args[1], skills: expect.arrayContaining([expect.anything()]) })
      : expect(out).toContain(`(@${args[1] ?? ""})`),
  seed: (out, args) =>
    args.includes("--demo")
      ? expect(out).toMatch(/^Try: npx skillswap profile [a-z]/m)
      : expect(out).toMatch(/Seeded [1-9]\d* synthetic users/),
  recommend: namesPeople,
  search: namesPeople,
  swaps: namesPeople,
  groups: (out) => expect(out).toMatch(/^guitar-circle\s+Guitar circle/m),
  reindex: (out) => expect(out).toMatch(/rebuilt: [1-9]\d* people/),
  outbox: (out) => expect(out).toMatch(/[1-9]\d* delivered/),
  migrate: (out) => expect(out).toMatch(/up to date|Applied/),
  doctor: (out) => expect(out).toMatch(/^database\s+ok/m),
};

// The empty answers every listing has, and failures: an example that prints one of these shows nothing.
const emptyOrFailed = /^(Nobody|No |Error)|has no swaps|There is no|not found/m;

const examples = readmeExamples(readme);
let tryHandles: readonly string[] = [];

beforeAll(async () => {
  const seeded = await skillswap(["seed", "--demo", "--json"]);
  expect(seeded.stderr).toBe("");
  tryHandles = (JSON.parse(seeded.stdout) as { demo: { tryHandles: string[] } }).demo.tryHandles;
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("README's command examples", () => {
  it("are there, and name only the demo's people to try", () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
    expect(tryHandles.length).toBeGreaterThanOrEqual(2);
    const handles = examples.flatMap(({ args }) =>
      args.flatMap((word, i) =>
        (i === 1 && ["profile", "recommend", "swaps"].includes(args[0] ?? "")) || args[i - 1] === "--as" ? [word] : [],
      ),
    );
    expect(handles.length).toBeGreaterThan(0);
    for (const handle of handles) expect(tryHandles).toContain(handle);
  });

  for (const { line, args } of examples) {
    const command = args[0] ?? "";
    const synthetic = command === "seed" && args.includes("--users");
    it(`${line}${synthetic ? " (as 200 users, in a database of its own)" : ""}`, async () => {
      // 100,000 synthetic users take minutes and would crowd the demo every other example is about.
      const { stdout, stderr, code } = synthetic
        ? await skillswap(
            args.map((word, i) => (args[i - 1] === "--users" ? "200" : word)),
            `file:${join(dir, "synthetic.db")}`,
          )
        : await skillswap(args);
      expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
      expect(stdout.trim()).not.toBe("");
      expect(stdout).not.toMatch(emptyOrFailed);
      const check = shows[command];
      if (check === undefined) throw new Error(`Say in readme-examples.test.ts what \`skillswap ${command}\` shows.`);
      check(stdout, args);
    }, 120_000);
  }
});
