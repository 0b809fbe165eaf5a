// The moving parts of the scale-out bench, each started as an operator would: SkillSwap processes through the CLI
// (`skillswap start --roles …`), a private Redis of the bench's own, a PostgreSQL database of its own.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import pg from "pg";

const main = fileURLToPath(new URL("../cli/src/main.ts", import.meta.url));
const tsx = createRequire(import.meta.url).resolve("tsx");
/** From sources, four processes starting at once on two busy cores take a while; not this long. */
const startLimitMs = 120_000;

/** A free loopback port, as the kernel hands one out. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

export interface SkillswapProcess {
  readonly child: ChildProcess;
  /** What `start --json` printed once its roles were up. */
  readonly started: { readonly web?: { readonly url: string } };
  /** Everything it wrote to stderr: the faults a worker logs, a crash's stack. */
  stderr(): string;
}

/**
 * Runs the CLI from sources in a process of its own: node itself, not the bin launcher, which would put a child
 * between the bench and SkillSwap, so a SIGKILL reaches the real process and nothing shuts it down cleanly.
 */
function skillswap(args: readonly string[], env: Record<string, string>, cwd: string): ChildProcess {
  return spawn(process.execPath, ["--conditions=source", "--import", tsx, main, ...args], {
    env: { ...process.env, ...env },
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** `skillswap migrate`: the database brought up to date before any process serves it. */
export async function migrate(env: Record<string, string>, cwd: string): Promise<void> {
  const child = skillswap(["migrate", "--json"], env, cwd);
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, "exit")) as [number | null];
  if (code !== 0) throw new Error(`skillswap migrate failed (${code}): ${stderr}`);
}

/** `skillswap start --roles <roles> --json`, resolved once the process says its roles are running. */
export async function startRoles(roles: string, env: Record<string, string>, cwd: string): Promise<SkillswapProcess> {
  const child = skillswap(["start", "--roles", roles, "--json"], env, cwd);
  let stdout = "";
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const started = await new Promise<SkillswapProcess["started"]>((resolve, reject) => {
    // A process that never says it is up must not hold the bench forever.
    const limit = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`skillswap start --roles ${roles} did not start within ${startLimitMs} ms: ${stderr}`));
    }, startLimitMs);
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      // `--json` prints one indented document, closed by a "}" alone on its line.
      const end = stdout.indexOf("\n}\n");
      if (end === -1) return;
      clearTimeout(limit);
      resolve(JSON.parse(stdout.slice(stdout.indexOf("{"), end + 2)) as SkillswapProcess["started"]);
    });
    child.once("exit", (code) => {
      clearTimeout(limit);
      reject(new Error(`skillswap start --roles ${roles} exited (${code}): ${stderr}`));
    });
  });
  return { child, started, stderr: () => stderr };
}

/** Stops a process (SIGTERM, as a supervisor does) and waits for it; one already gone is left alone. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  await exited;
}

/**
 * A Redis of the bench's own on a loopback port, never the machine's shared one: restarting that would pull it
 * from under everyone else. It keeps an append-only file in `dir`, so a restart is what an operator's restart is
 * (sessions and queued jobs survive it), not a flush.
 */
export class PrivateRedis {
  private child: ChildProcess | undefined;
  constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const args = ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes"];
    this.child = spawn("redis-server", [...args, "--dir", this.dir], { stdio: "ignore" });
    for (let i = 0; i < 100; i += 1) {
      if (await this.answers()) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`redis-server did not answer on port ${this.port}`);
  }

  /** SIGTERM: Redis writes its append-only file and exits, as `redis-cli shutdown` makes it. */
  async stop(): Promise<void> {
    if (this.child !== undefined) await stop(this.child);
    this.child = undefined;
  }

  private async answers(): Promise<boolean> {
    const ping = spawn("redis-cli", ["-p", String(this.port), "ping"], { stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    ping.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    await once(ping, "exit");
    return out.trim() === "PONG";
  }
}

/** Drops and creates `name` on the PostgreSQL that `adminUrl` points at, and answers the new database's URL. */
export async function freshDatabase(adminUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a plain database name: ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
