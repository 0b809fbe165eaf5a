// The JavaScript each page of the dashboard makes a first visit download, for `npm run bench:web`: every route
// of dashboard/web/src/app.tsx visited signed in, in a new context (empty cache), each script it loaded gzipped
// as a server would send it. The entry (what index.html names) is counted once; each route then says its total
// and the lazy chunks it added.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { Browser, Response } from "playwright-core";
import { openContext, type Deadline } from "./web-browser.js";

const appSource = fileURLToPath(new URL("../dashboard/web/src/app.tsx", import.meta.url));
/** A page's scripts are all in when none has arrived for this long after it showed its heading. */
const quietMs = 750;

export interface ScriptSize {
  readonly file: string;
  readonly gzipBytes: number;
}

export interface RouteScripts {
  /** The address visited for the route's pattern. */
  readonly visited: string;
  readonly gzipBytes: number;
  readonly lazy: readonly ScriptSize[];
  readonly lazyGzipBytes: number;
}

export interface ScriptsResult {
  readonly gzip: string;
  readonly entry: { readonly files: readonly ScriptSize[]; readonly gzipBytes: number };
  readonly routes: Readonly<Record<string, RouteScripts>>;
  readonly stoppedByDeadline: boolean;
}

/** What fills a route's parameters: real people and conversations where the bench has them. */
export interface RouteParams {
  readonly handle: string;
  readonly conversationId: string;
}

/** The routes app.tsx declares, read from it so a page added there is measured without touching the bench. */
function routePatterns(): string[] {
  const patterns = [...readFileSync(appSource, "utf8").matchAll(/<Route path="([^"]+)"/g)].map((m) => m[1] ?? "");
  // The default route: any address no other route takes.
  return [...patterns.filter((p) => p !== ""), "(not found)"];
}

/**
 * Other parameters are ids the bench has no row for: their page shows "not found" after loading the same
 * code it would load for a real one.
 */
function addressFor(pattern: string, params: RouteParams): string {
  if (pattern === "(not found)") return "/bench-no-such-page";
  return pattern
    .replace(":handle", encodeURIComponent(params.handle))
    .replace(/^\/conversations\/:id$/, `/conversations/${encodeURIComponent(params.conversationId)}`)
    .replace(/:\w+/g, "bench-unknown");
}

/** The scripts index.html loads (its module script and the chunks it preloads), as site paths. */
function entryFiles(dashboardDir: string): Set<string> {
  const html = readFileSync(join(dashboardDir, "index.html"), "utf8");
  return new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? ""));
}

const gzipSize = (body: Buffer) => gzipSync(body, { level: 9 }).length;
const sum = (sizes: readonly ScriptSize[]) => sizes.reduce((total, s) => total + s.gzipBytes, 0);

/** Visits one address in a fresh context and returns every script it loaded, gzipped. */
async function scriptsOf(browser: Browser, url: string, cookie: string, address: string): Promise<ScriptSize[]> {
  const context = await openContext(browser, url, cookie);
  const page = await context.newPage();
  const responses: Response[] = [];
  let lastScriptAt = Date.now();
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    responses.push(response);
    lastScriptAt = Date.now();
  });
  await page.goto(address);
  // Every page has a heading; a page still loading its data shows its code's work by then all the same.
  await page
    .locator("h1")
    .first()
    .waitFor({ timeout: 10_000 })
    .catch(() => undefined);
  while (Date.now() - lastScriptAt < quietMs) await page.waitForTimeout(quietMs / 3);
  const sizes = await Promise.all(
    responses.map(async (response) => ({
      file: new URL(response.url()).pathname,
      gzipBytes: gzipSize(await response.body()),
    })),
  );
  await context.close();
  return sizes;
}

export async function measureRouteScripts(
  browser: Browser,
  server: { url: string; cookie: string; dashboardDir: string; params: RouteParams; conversationCookie: string },
  deadline: Deadline,
): Promise<ScriptsResult> {
  const entry = entryFiles(server.dashboardDir);
  const entrySizes = new Map<string, number>();
  const routes: Record<string, RouteScripts> = {};
  const patterns = routePatterns();
  for (const pattern of patterns) {
    if (deadline.passed()) break;
    // A conversation opens only for someone in it: its page is visited as one of the bench's conversation people.
    const cookie = pattern === "/conversations/:id" ? server.conversationCookie : server.cookie;
    const visited = addressFor(pattern, server.params);
    const sizes = await scriptsOf(browser, server.url, cookie, visited);
    for (const size of sizes) if (entry.has(size.file)) entrySizes.set(size.file, size.gzipBytes);
    const lazy = sizes.filter((size) => !entry.has(size.file));
    routes[pattern] = { visited, gzipBytes: sum(sizes), lazy, lazyGzipBytes: sum(lazy) };
  }
  const entryList = [...entrySizes].map(([file, gzipBytes]) => ({ file, gzipBytes }));
  return {
    gzip: "zlib level 9 of each script response's body",
    entry: { files: entryList, gzipBytes: sum(entryList) },
    routes,
    stoppedByDeadline: Object.keys(routes).length < patterns.length,
  };
}
