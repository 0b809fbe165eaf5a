// npm run bench:web — the dashboard as a person meets it, in the Chromium the browser tests use, written into
// bench/results.json (key "web"). bench/api-server.ts seeds --users synthetic people (100,000 by default) into a
// fresh SQLite file and serves the API with the dashboard built from the current sources, on loopback. Measured:
// the time from navigation start to the first result card on /people (signed in as a synthetic person, whose
// community holds a fifth of everyone), the landing page's first contentful paint signed out, each cold (new
// context) and warm (same context), --runs times (default 10); and the gzipped JavaScript of each route.
// Target: first results under a second (p95 of the cold and of the warm loads). Options: --users N, --runs R,
// --minutes M (default 20: past it the remaining runs are skipped, and the results say so).
import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { buildDashboardForTest } from "../dashboard/web/tests/support/built-dashboard.js";
import type { ServerReady } from "./api-server.js";
import { deadlineIn, launchChromium } from "./web-browser.js";
import { measureRouteScripts } from "./web-scripts.js";
import { measureFirstResult, measureLandingPaint } from "./web-timing.js";

const { values } = parseArgs({
  options: {
    users: { type: "string", default: "100000" },
    runs: { type: "string", default: "10" },
    minutes: { type: "string", default: "20" },
  },
});
const runs = Number(values.runs);
const targetMs = 1000;

/** Starts bench/api-server.ts serving the dashboard in a fresh process and waits for its address and sessions. */
async function startServer(dir: string, dashboardDir: string): Promise<{ child: ChildProcess; ready: ServerReady }> {
  const server = fileURLToPath(new URL("./api-server.ts", import.meta.url));
  const child = fork(server, ["synthetic", dir, values.users, dashboardDir], {
    execArgv: ["--conditions=source", "--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const [ready] = (await once(child, "message")) as [ServerReady];
  return { child, ready };
}

async function measure(ready: ServerReady, dashboardDir: string) {
  const deadline = deadlineIn(Number(values.minutes));
  const [session] = ready.sessions;
  const [conversation] = ready.conversations;
  const [handle] = ready.handles;
  if (session === undefined || conversation === undefined || handle === undefined)
    throw new Error("The bench server signed nobody in: there is no one to search as.");
  const browser = await launchChromium();
  try {
    const firstResult = await measureFirstResult(
      browser,
      { url: ready.url, cookie: session.cookie, texts: ready.searchTexts },
      runs,
      deadline,
    );
    const landingFirstContentfulPaint = await measureLandingPaint(browser, ready.url, runs, deadline);
    const scripts = await measureRouteScripts(
      browser,
      {
        url: ready.url,
        cookie: session.cookie,
        conversationCookie: conversation.cookie,
        dashboardDir,
        params: { handle, conversationId: conversation.conversationId },
      },
      deadline,
    );
    return { chromium: browser.version(), results: { firstResult, landingFirstContentfulPaint, scripts } };
  } finally {
    await browser.close();
  }
}

const dashboardDir = await buildDashboardForTest({ ...process.env, NODE_ENV: "production" });
const dir = mkdtempSync(join(tmpdir(), "skillswap-web-bench-"));
const { child, ready } = await startServer(dir, dashboardDir);
let measured: Awaited<ReturnType<typeof measure>>;
try {
  measured = await measure(ready, dashboardDir);
} finally {
  child.kill("SIGTERM");
  await once(child, "exit");
  rmSync(dir, { recursive: true, force: true });
}

const { chromium } = measured;
const { firstResult, landingFirstContentfulPaint: paint, scripts } = measured.results;
const slowest = Math.max(firstResult.cold.p95Ms ?? Infinity, firstResult.warm.p95Ms ?? Infinity);
const web = {
  at: new Date().toISOString(),
  machine: { cpus: cpus().length, node: process.version, chromium },
  people: ready.people,
  runsEach: runs,
  ...measured.results,
  target: {
    firstResultUnderMs: targetMs,
    judgedBy: "p95 of the cold and of the warm loads, on loopback",
    met: slowest < targetMs,
  },
};
const file = new URL("./results.json", import.meta.url);
const previous: Record<string, unknown> = existsSync(file)
  ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>)
  : {};
writeFileSync(file, `${JSON.stringify({ ...previous, web }, null, 2)}\n`);

const row = (s: typeof paint.cold) => ({ runs: s.runs, median: s.medianMs, p95: s.p95Ms, max: s.maxMs });
const cardRow = (s: typeof firstResult.cold) => ({
  ...row(s),
  "search sent (median)": s.searchRequestMedianMs.started,
  "answered (median)": s.searchRequestMedianMs.answered,
});
console.log(`\nweb (${ready.people} people, Chromium ${chromium})`);
console.table({
  "first result card, cold": cardRow(firstResult.cold),
  "first result card, warm": cardRow(firstResult.warm),
  "landing FCP, cold": row(paint.cold),
  "landing FCP, warm": row(paint.warm),
});
console.log(`entry script: ${scripts.entry.gzipBytes} bytes gzipped`);
console.table(
  Object.fromEntries(
    Object.entries(scripts.routes).map(([route, r]) => [route, { total: r.gzipBytes, lazy: r.lazyGzipBytes }]),
  ),
);
if (firstResult.foundNobody.length > 0) console.warn(`Found nobody (not timed): ${firstResult.foundNobody.join(" ")}`);
if (firstResult.stoppedByDeadline || paint.stoppedByDeadline || scripts.stoppedByDeadline)
  console.warn(`Stopped at the ${values.minutes}-minute deadline: some runs were skipped.`);
console.log(`First results under ${targetMs} ms: ${web.target.met ? "met" : "not met"}`);
console.log("Written to bench/results.json (web)");
