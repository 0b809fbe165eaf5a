// npm run bench:api — the HTTP API under load on this machine, written into bench/results.json (key "api").
// For each data set (the demo community, then --users synthetic people, 100,000 by default) a server process is
// started on a fresh SQLite file, as `skillswap start --roles web` runs it, and autocannon drives it on loopback
// from this process: a trivial Fastify route (the ceiling: what the framework alone serves here), a profile read,
// people search (the same ten texts over and over, as people repeat searches, then every request a different
// query), recommendations, and posting a message. Each route runs --seconds (default 10) with
// --connections (default 10); signed-in routes rotate through 20 people's sessions.
// Options: --users N, --seconds S, --connections C, --datasets demo,synthetic.
import { fork, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import type { ServerReady } from "./api-server.js";

const { values } = parseArgs({
  options: {
    users: { type: "string", default: "100000" },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    datasets: { type: "string", default: "demo,synthetic" },
  },
});

interface RouteResult {
  readonly requestsPerSecond: number;
  readonly latencyMs: { readonly p50: number; readonly p99: number };
  readonly non2xx: number;
  readonly errors: number;
  readonly ofCeiling?: number;
}

/** Starts bench/api-server.ts in a fresh process and waits for its address, sessions and ids. */
async function startServer(dataset: string, dir: string): Promise<{ child: ChildProcess; ready: ServerReady }> {
  const child = fork(fileURLToPath(new URL("./api-server.ts", import.meta.url)), [dataset, dir, values.users], {
    execArgv: ["--conditions=source", "--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const [ready] = (await once(child, "message")) as [ServerReady];
  return { child, ready };
}

async function load(
  url: string,
  sessions: ServerReady["sessions"],
  route: { method: "GET" | "POST"; path: (i: number) => string; body?: (i: number) => string },
): Promise<RouteResult> {
  let i = 0;
  const result = await autocannon({
    url,
    connections: Number(values.connections),
    duration: Number(values.seconds),
    requests: [
      {
        method: route.method,
        setupRequest: (request) => {
          i += 1;
          const session = sessions.length === 0 ? undefined : sessions[i % sessions.length];
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(request.headers ?? {}))
            if (typeof value === "string") headers[name] = value;
          if (session !== undefined) {
            headers.cookie = session.cookie;
            headers["x-csrf-token"] = session.csrf;
          }
          if (route.body !== undefined) headers["content-type"] = "application/json";
          return {
            ...request,
            path: route.path(i),
            headers,
            ...(route.body === undefined ? {} : { body: route.body(i) }),
          };
        },
      },
    ],
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99 },
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** A route that answered anything but 2xx was not measured doing its work: say so rather than report its speed. */
function checked(name: string, result: RouteResult): RouteResult {
  if (result.non2xx > 0 || result.errors > 0)
    console.warn(
      `${name}: ${result.non2xx} answers were not 2xx and ${result.errors} failed — its numbers do not count`,
    );
  return result;
}

async function benchDataset(dataset: string) {
  const dir = mkdtempSync(join(tmpdir(), `skillswap-api-bench-${dataset}-`));
  const { child, ready } = await startServer(dataset, dir);
  try {
    const { url, sessions, handles, searchTexts, conversations } = ready;
    const pick = <T>(items: readonly T[], i: number): T => items[i % items.length] as T;
    const ceiling = await load(url, [], { method: "GET", path: () => "/bench/ceiling" });
    const routes = {
      profile: checked(
        "profile",
        await load(url, [], { method: "GET", path: (i) => `/api/v1/users/${pick(handles, i)}` }),
      ),
      search: checked(
        "search",
        await load(url, sessions, {
          method: "GET",
          path: (i) => `/api/v1/people?q=${encodeURIComponent(pick(searchTexts, i))}&limit=20`,
        }),
      ),
      // Every request a different query (a text around Paris, each time another distance): none is answered from
      // the kept pages, so this is what a search costs when it has to run.
      searchUnrepeated: checked(
        "searchUnrepeated",
        await load(url, sessions, {
          method: "GET",
          path: (i) =>
            `/api/v1/people?q=${encodeURIComponent(pick(searchTexts, i))}&near=Paris&km=${500 + i / 100}&limit=20`,
        }),
      ),
      recommendations: checked(
        "recommendations",
        await load(url, sessions, { method: "GET", path: () => "/api/v1/recommendations?limit=10" }),
      ),
      postMessage: checked(
        "postMessage",
        await load(url, conversations, {
          method: "POST",
          path: (i) => `/api/v1/conversations/${pick(conversations, i).conversationId}/messages`,
          body: (i) => JSON.stringify({ text: `Bench message ${i}` }),
        }),
      ),
    };
    const ofCeiling = (r: RouteResult) =>
      Math.round((r.requestsPerSecond / Math.max(ceiling.requestsPerSecond, 1)) * 100) / 100;
    return {
      people: ready.people,
      ceiling,
      routes: Object.fromEntries(Object.entries(routes).map(([name, r]) => [name, { ...r, ofCeiling: ofCeiling(r) }])),
    };
  } finally {
    child.kill("SIGTERM");
    await once(child, "exit");
    rmSync(dir, { recursive: true, force: true });
  }
}

const results: Record<string, unknown> = {};
for (const dataset of values.datasets.split(",")) results[dataset] = await benchDataset(dataset);

const file = new URL("./results.json", import.meta.url);
const previous: Record<string, unknown> = existsSync(file)
  ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>)
  : {};
const api = {
  at: new Date().toISOString(),
  machine: { cpus: cpus().length, node: process.version },
  load: { tool: "autocannon on loopback", seconds: Number(values.seconds), connections: Number(values.connections) },
  ...results,
  targets: {
    profileOfCeiling: 0.5,
    searchAndRecommendationsAt100kUsers: { requestsPerSecond: 1000, p99Ms: 100 },
  },
};
writeFileSync(file, `${JSON.stringify({ ...previous, api }, null, 2)}\n`);
for (const [dataset, result] of Object.entries(results)) {
  const { ceiling, routes, people } = result as Awaited<ReturnType<typeof benchDataset>>;
  console.log(`\n${dataset} (${people} people)`);
  console.table({
    ceiling: {
      "req/s": ceiling.requestsPerSecond,
      p50: ceiling.latencyMs.p50,
      p99: ceiling.latencyMs.p99,
      "of ceiling": 1,
    },
    ...Object.fromEntries(
      Object.entries(routes).map(([name, r]) => [
        name,
        {
          "req/s": r.requestsPerSecond,
          p50: r.latencyMs.p50,
          p99: r.latencyMs.p99,
          "of ceiling": r.ofCeiling,
          "non-2xx": r.non2xx,
        },
      ]),
    ),
  });
}
console.log("Written to bench/results.json (api)");
