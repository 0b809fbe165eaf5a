// One run of the scale-out bench, shared by `npm run bench:scale` and its test: either 2 web and 2 worker processes
// on PostgreSQL and a private Redis, with one worker SIGKILLed at a third of the run and Redis restarted at half,
// or the same load on one embedded process (SQLite, in-process worker). Then it waits (bounded) for the outbox to
// drain and checks that every acknowledged write reached its person exactly once.
import { createCore, loadConfig, type CoreInternals } from "@skillswap/core";
import { newPublicPerson } from "@skillswap/core/testing";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkExactlyOnce, pendingEvents, type ExactlyOnce } from "./scale-check.js";
import { routeStats, runLoad, type LoadPerson, type RouteStats } from "./scale-load.js";
import {
  dropDatabase,
  freePort,
  freshDatabase,
  migrate,
  PrivateRedis,
  startRoles,
  stop,
  type SkillswapProcess,
} from "./scale-processes.js";

export interface ScenarioOptions {
  readonly mode: "scale-out" | "embedded";
  readonly seconds: number;
  /** Signed-in people, each one request in flight. */
  readonly people: number;
  /** How long the outbox may take to drain after the load, at most. */
  readonly drainSeconds: number;
  /** Scale-out only: the PostgreSQL to create `database` on (a URL to any database of that server). */
  readonly adminUrl?: string;
  readonly database?: string;
}

export interface ScenarioResult {
  readonly mode: ScenarioOptions["mode"];
  readonly processes: string;
  readonly seconds: number;
  readonly people: number;
  readonly routes: Record<string, RouteStats>;
  readonly requestsPerSecond: number;
  /** Answers that were 5xx or no answer: while Redis restarted (and 5 s after), and at any other time. */
  readonly failures: { readonly duringRedisRestart: number; readonly otherwise: number; readonly clientErrors: number };
  readonly chaos: {
    readonly workerKilledAtS?: number;
    readonly redisDownAtS?: number;
    readonly redisDownForMs?: number;
  };
  readonly drainedAfterS: number | null;
  readonly exactlyOnce: ExactlyOnce;
}

const teachable = ["Guitar", "Spanish", "Python", "Yoga", "Piano", "Cooking", "French", "Photography"];
/** After Redis is back, requests that had waited on it may still fail for this long. */
const restartGraceMs = 5_000;

/** People teaching four skills each, and a login link each, redeemed once the web processes run. */
async function seedPeople(core: CoreInternals, count: number) {
  const seeded = [];
  for (let i = 0; i < count; i += 1) {
    const teaches = [0, 1, 2, 3].map((k) => teachable[(i + k) % teachable.length] ?? "Guitar");
    const person = await newPublicPerson(core, `Scale ${i}`, Object.fromEntries(teaches.map((s) => [s, 4])));
    const { token } = await core.services.accounts.issueLoginLink(person);
    seeded.push({ userId: person.userId, handle: person.handle, teaches, token });
  }
  return seeded;
}

/** Signs a person in through the web process, as a browser following the bot's login link does. */
async function signIn(url: string, person: Awaited<ReturnType<typeof seedPeople>>[number]): Promise<LoadPerson> {
  const landing = await fetch(`${url}/login/link?token=${person.token}`, { redirect: "manual" });
  const cookie = landing.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const csrf = await fetch(`${url}/api/v1/auth/csrf`, { headers: { cookie } });
  const { token } = (await csrf.json()) as { token: string };
  return { userId: person.userId, handle: person.handle, teaches: person.teaches, cookie, csrf: token };
}

async function drain(core: CoreInternals, seconds: number): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < seconds * 1000) {
    if ((await pendingEvents(core)) === 0) return Math.round((Date.now() - started) / 100) / 10;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return null;
}

export async function runScenario(options: ScenarioOptions): Promise<ScenarioResult> {
  const dir = mkdtempSync(join(tmpdir(), `skillswap-scale-${options.mode}-`));
  const scaleOut = options.mode === "scale-out";
  const database = options.database ?? "skillswap_scale";
  const redis = scaleOut ? new PrivateRedis(await freePort(), dir) : undefined;
  const processes: SkillswapProcess[] = [];
  try {
    await redis?.start();
    const env: Record<string, string> = {
      DATABASE_URL:
        scaleOut && options.adminUrl !== undefined
          ? await freshDatabase(options.adminUrl, database)
          : `file:${join(dir, "scale.db")}`,
      REDIS_URL: redis?.url ?? "",
      SKILLSWAP_DEMO_DATA: "false",
      SKILLSWAP_CONFIG: join(dir, "none.json"),
      LOG_LEVEL: "warn",
      LOG_FORMAT: "json",
      // One load generator is one client: the per-client limits would measure themselves, not the system.
      API_REQUESTS_PER_MINUTE: String(10_000_000),
      SEARCHES_PER_MINUTE: String(10_000_000),
      // Leased claims (no Redis) come back to another worker after this; its floor. With Redis, BullMQ's
      // stalled-job check (30 s lock, checked every 30 s) hands a killed worker's jobs over instead.
      OUTBOX_LEASE_MS: "30001",
    };
    await migrate(env, dir);
    // An empty value unsets a variable for the CLI's processes; loadConfig here is given only what is set.
    const config = loadConfig(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== "")), {});
    // Prepared: the skill catalog is loaded, which `migrate` leaves to the first start.
    const seeding = await createCore(config);
    const seeded = await seedPeople(seeding, options.people).finally(() => seeding.close());

    const start = async (roles: string) => {
      const started = await startRoles(roles, { ...env, PORT: String(await freePort()) }, dir);
      processes.push(started);
      return started;
    };
    const roles = scaleOut ? ["web", "web", "worker", "worker"] : ["web,worker"];
    const running = await Promise.all(roles.map(start));
    const urls = running.flatMap((p) => (p.started.web === undefined ? [] : [p.started.web.url]));
    const people = await Promise.all(seeded.map((person, i) => signIn(urls[i % urls.length] ?? "", person)));

    const chaos: { workerKilledAtS?: number; redisDownAtS?: number; redisDownForMs?: number } = {};
    const loadStart = new Date();
    const timers: Array<Promise<void>> = [];
    if (scaleOut && redis !== undefined) {
      const victim = running[3];
      timers.push(
        new Promise((resolve) =>
          setTimeout(
            () => {
              victim?.child.kill("SIGKILL");
              chaos.workerKilledAtS = (Date.now() - loadStart.getTime()) / 1000;
              resolve();
            },
            (options.seconds * 1000) / 3,
          ),
        ),
        new Promise((resolve, reject) =>
          setTimeout(
            () => {
              const down = Date.now();
              chaos.redisDownAtS = (down - loadStart.getTime()) / 1000;
              redis
                .stop()
                .then(() => redis.start())
                .then(() => {
                  chaos.redisDownForMs = Date.now() - down;
                  resolve();
                }, reject);
            },
            (options.seconds * 1000) / 2,
          ),
        ),
      );
    }
    const record = await runLoad(urls, people, options.seconds);
    const loadEnd = new Date();
    await Promise.all(timers);

    const checking = await createCore(config, { prepare: false });
    try {
      const drainedAfterS = await drain(checking, options.drainSeconds);
      const exactlyOnce = await checkExactlyOnce(checking, record.expected, { start: loadStart, end: loadEnd });
      const from = (chaos.redisDownAtS ?? Infinity) * 1000;
      const until = from + (chaos.redisDownForMs ?? 0) + restartGraceMs;
      const failed = record.samples.filter((s) => s.status === 0 || s.status >= 500);
      const duringRedisRestart = failed.filter((s) => s.at + s.ms >= from && s.at <= until).length;
      return {
        mode: options.mode,
        processes: scaleOut ? "2 web + 2 worker (PostgreSQL, Redis)" : "1 embedded web+worker (SQLite)",
        seconds: options.seconds,
        people: options.people,
        routes: routeStats(record),
        requestsPerSecond: Math.round(record.samples.length / record.seconds),
        failures: {
          duringRedisRestart,
          otherwise: failed.length - duringRedisRestart,
          clientErrors: record.samples.filter((s) => s.status >= 400 && s.status < 500).length,
        },
        chaos,
        drainedAfterS,
        exactlyOnce,
      };
    } finally {
      await checking.close();
    }
  } finally {
    await Promise.all(processes.map((p) => stop(p.child)));
    await redis?.stop();
    if (scaleOut && options.adminUrl !== undefined) await dropDatabase(options.adminUrl, database);
    rmSync(dir, { recursive: true, force: true });
  }
}
