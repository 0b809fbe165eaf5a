// npm run bench:scale — SkillSwap scaled out on this machine, on loopback only, written into bench/results.json
// (key "scale"). 2 web and 2 worker processes (`skillswap start --roles web|worker`) on PostgreSQL (a database of
// its own, skillswap_scale, dropped and created again each run) and a private Redis on another port (the shared
// one is never touched), under a bounded mixed load: --people signed-in people, one request in flight each,
// reading, writing, asking for swaps, accepting them and messaging, for --seconds. A third of the way in one
// worker is SIGKILLed (not replaced: the other must take its work over); half way Redis is restarted. Then the
// outbox must drain (within --drain seconds) and every acknowledged write must have reached its person exactly
// once (see scale-check.ts). The same load then runs on one embedded process (SQLite, in-process worker).
// Options: --seconds S (default 45), --people N (default 16), --drain S (default 120), --admin-url URL.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { exactlyOnce } from "./scale-check.js";
import { runScenario } from "./scale-scenario.js";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "45" },
    people: { type: "string", default: "16" },
    drain: { type: "string", default: "120" },
    "admin-url": { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
  },
});
// Other work on the machine shares its two cores with all five processes: say how busy it was.
const loadAverageBefore = loadavg()[0];
const common = { seconds: Number(values.seconds), people: Number(values.people), drainSeconds: Number(values.drain) };

const scaleOut = await runScenario({ ...common, mode: "scale-out", adminUrl: values["admin-url"] });
const embedded = await runScenario({ ...common, mode: "embedded" });

const file = new URL("./results.json", import.meta.url);
const previous: Record<string, unknown> = existsSync(file)
  ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>)
  : {};
const scale = {
  at: new Date().toISOString(),
  machine: { cpus: cpus().length, node: process.version, loadAverageBefore, loadAverageAfter: loadavg()[0] },
  load: { tool: "closed-loop fetch on loopback", ...common },
  scaleOut,
  embedded,
};
writeFileSync(file, `${JSON.stringify({ ...previous, scale }, null, 2)}\n`);

for (const result of [scaleOut, embedded]) {
  console.log(`\n${result.processes}: ${result.requestsPerSecond} req/s over ${result.seconds} s`);
  console.table(
    Object.fromEntries(
      Object.entries(result.routes).map(([route, r]) => [
        route,
        { "req/s": r.requestsPerSecond, p50: r.p50Ms, p99: r.p99Ms, "non-2xx": r.non2xx, errors: r.errors },
      ]),
    ),
  );
  const check = result.exactlyOnce;
  console.log(
    [
      `chaos: ${JSON.stringify(result.chaos)}`,
      `failures: ${JSON.stringify(result.failures)}`,
      `outbox drained ${result.drainedAfterS === null ? "NOT within the limit" : `${result.drainedAfterS} s after the load`}`,
      `events: ${check.events.delivered}/${check.events.total} delivered, ${check.eventsPerSecond}/s; ` +
        `notifications ${check.notificationsPerSecond}/s (while the load ran); retried ${check.retriedEvents}`,
      `exactly once: ${exactlyOnce(check) ? "yes" : "NO"} — ${check.acknowledged} acknowledged writes, ` +
        `missing events ${check.missingEvents}, doubled ${check.doubledEvents}, undelivered ${check.undelivered}, ` +
        `missing notifications ${check.missingNotifications}, extra ${check.extraNotifications}`,
    ].join("\n"),
  );
}
console.log("Written to bench/results.json (scale)");
const failed = [scaleOut, embedded].some((r) => !exactlyOnce(r.exactlyOnce) || r.failures.otherwise > 0);
process.exitCode = failed ? 1 : 0;
