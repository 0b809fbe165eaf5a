// The two times of `npm run bench:web`, read inside the page against the navigation's start (performance.now()
// counts from it): when the people search first shows a result card, and the landing page's first contentful
// paint. Each cold (a new context: empty cache, as a first visit) and warm (the same context loading again).
// The code run in the page is passed as text: this package is typed for Node, not for the DOM.
import type { Browser, Page } from "playwright-core";
import { openContext, pageTimeoutMs, summarise, type Deadline, type Summary } from "./web-browser.js";

/**
 * Installed before any of the page's own scripts: once a result card enters the document, notes the start of
 * the frame that paints it (the next animation frame), the moment a person sees the first result, and when the
 * search's API request started and ended, so a slow run says where its time went. "Nobody matches" is
 * noted as null. The strict CSP forbids eval in the page, so what is read back is a global that
 * Playwright reads with functions, not with strings of code.
 */
const firstCardWatch = `(() => {
  const observer = new MutationObserver(() => {
    if (document.querySelector(".no-results") !== null) window.__benchFirstCard = null;
    if (document.querySelector(".person-card") === null) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const search = performance.getEntriesByType("resource").filter((e) => e.name.includes("/api/v1/people?")).at(-1);
      window.__benchSearch = search === undefined ? null : [search.startTime, search.responseEnd];
      window.__benchFirstCard = performance.now();
    });
  });
  observer.observe(document, { childList: true, subtree: true });
})()`;

/** The same for the first contentful paint, which Chromium reports as a "paint" performance entry. */
const firstPaintWatch = `new PerformanceObserver((list, observer) => {
  const entry = list.getEntriesByName("first-contentful-paint")[0];
  if (entry === undefined) return;
  observer.disconnect();
  window.__benchFirstPaint = entry.startTime;
}).observe({ type: "paint", buffered: true })`;

/** Waits for an init script's global to be set and reads it: a time in ms, or null for "nothing to time". */
async function noted(page: Page, name: string): Promise<number | null> {
  await page.waitForFunction((global) => global in globalThis, name, { timeout: pageTimeoutMs });
  const value: unknown = await page.evaluate((global) => (globalThis as Record<string, unknown>)[global], name);
  return typeof value === "number" ? value : null;
}

/** One load of the search page: when its first card was painted and when its API request ran. */
interface CardTiming {
  readonly cardMs: number;
  readonly requestStartMs: number;
  readonly responseEndMs: number;
}

/** Loads an address and returns when its first result card was painted, or null when it found nobody. */
async function timeToFirstCard(page: Page, address: string): Promise<CardTiming | null> {
  await page.goto(address, { waitUntil: "commit" });
  const cardMs = await noted(page, "__benchFirstCard");
  if (cardMs === null) return null;
  const request: unknown = await page.evaluate(() => (globalThis as Record<string, unknown>)["__benchSearch"]);
  const [requestStartMs = NaN, responseEndMs = NaN] = Array.isArray(request) ? request.map(Number) : [];
  return { cardMs, requestStartMs, responseEndMs };
}

/** The first card's times, and the medians of when the search request started and ended in the same runs. */
function summariseCards(timings: readonly CardTiming[]) {
  const median = (ms: readonly number[]) => summarise(ms.filter((m) => !Number.isNaN(m))).medianMs;
  return {
    ...summarise(timings.map((t) => t.cardMs)),
    searchRequestMedianMs: {
      started: median(timings.map((t) => t.requestStartMs)),
      answered: median(timings.map((t) => t.responseEndMs)),
    },
  };
}

export interface SearchTimes {
  /** Which searches were made, in words, and every address loaded in order: the cold runs, then the warm
   * context's first (uncounted) load and its runs. */
  readonly queries: string;
  readonly addresses: readonly string[];
  readonly cold: ReturnType<typeof summariseCards>;
  readonly warm: ReturnType<typeof summariseCards>;
  /** Searches that showed "Nobody matches": no card to time, left out of the numbers above. */
  readonly foundNobody: readonly string[];
  readonly stoppedByDeadline: boolean;
}

/**
 * Every run a different search, so none is answered from the answers the server keeps (they live until the
 * index changes): the bench texts in turn around Paris, each run another distance, as bench:api's unrepeated
 * search does. A first, uncounted load wakes the server and the browser.
 */
export async function measureFirstResult(
  browser: Browser,
  server: { url: string; cookie: string; texts: readonly string[] },
  runs: number,
  deadline: Deadline,
): Promise<SearchTimes> {
  const addresses: string[] = [];
  const nextAddress = () => {
    const k = addresses.length;
    const text = server.texts[k % server.texts.length] ?? "guitar";
    const address = `/people?q=${encodeURIComponent(text)}&near=Paris&km=${300 + k}`;
    addresses.push(address);
    return address;
  };
  const foundNobody: string[] = [];
  const timed = async (page: Page, address: string, into: CardTiming[]) => {
    const timing = await timeToFirstCard(page, address);
    if (timing === null) foundNobody.push(address);
    else into.push(timing);
  };
  const open = async () => {
    const context = await openContext(browser, server.url, server.cookie);
    await context.addInitScript({ content: firstCardWatch });
    return { context, page: await context.newPage() };
  };

  const cold: CardTiming[] = [];
  const warm: CardTiming[] = [];
  const wake = await open();
  await timeToFirstCard(wake.page, "/people?q=warm-up");
  await wake.context.close();
  for (let run = 0; run < runs && !deadline.passed(); run += 1) {
    const { context, page } = await open();
    await timed(page, nextAddress(), cold);
    await context.close();
  }
  const { context, page } = await open();
  await timeToFirstCard(page, nextAddress());
  for (let run = 0; run < runs && !deadline.passed(); run += 1) await timed(page, nextAddress(), warm);
  await context.close();
  return {
    queries: `a different search each run: the bench texts (${server.texts.join(", ")}) in turn, near Paris, within 300 km + the run's number; warm runs load the next address in the context that loaded the previous one`,
    addresses,
    cold: summariseCards(cold),
    warm: summariseCards(warm),
    foundNobody,
    stoppedByDeadline: cold.length + warm.length + foundNobody.length < 2 * runs,
  };
}

export interface PaintTimes {
  readonly cold: Summary;
  readonly warm: Summary;
  readonly stoppedByDeadline: boolean;
}

/** The landing page signed out: cold in a new context each run, warm as reloads of one page. */
export async function measureLandingPaint(
  browser: Browser,
  url: string,
  runs: number,
  deadline: Deadline,
): Promise<PaintTimes> {
  const paintOf = (page: Page) => noted(page, "__benchFirstPaint");
  const cold: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < runs && !deadline.passed(); run += 1) {
    const context = await openContext(browser, url);
    await context.addInitScript({ content: firstPaintWatch });
    const page = await context.newPage();
    await page.goto("/");
    const ms = await paintOf(page);
    if (ms !== null) cold.push(ms);
    await context.close();
  }
  const context = await openContext(browser, url);
  await context.addInitScript({ content: firstPaintWatch });
  const page = await context.newPage();
  await page.goto("/");
  for (let run = 0; run < runs && !deadline.passed(); run += 1) {
    await page.reload();
    const ms = await paintOf(page);
    if (ms !== null) warm.push(ms);
  }
  await context.close();
  return { cold: summarise(cold), warm: summarise(warm), stoppedByDeadline: cold.length + warm.length < 2 * runs };
}
