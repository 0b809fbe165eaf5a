// What the parts of `npm run bench:web` share: the Chromium the browser tests use, contexts signed in with a
// session the bench server made, a deadline that bounds the whole run, and how samples are summarised.
import { chromium, type Browser, type BrowserContext } from "playwright-core";

const chromiumPath = "/usr/bin/chromium";
const desktop = { width: 1280, height: 800 };
/** No single load may hang the bench: a page that shows nothing in this long is a failed run. */
export const pageTimeoutMs = 30_000;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
}

/**
 * A fresh context (its own cookies and its own, empty HTTP cache: a cold visit), signed in when given the
 * bench server's session cookie header ("name=value; name=value").
 */
export async function openContext(browser: Browser, url: string, cookieHeader?: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: desktop, baseURL: url });
  context.setDefaultTimeout(pageTimeoutMs);
  const cookies = (cookieHeader ?? "")
    .split("; ")
    .filter((pair) => pair.includes("="))
    .map((pair) => {
      const at = pair.indexOf("=");
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url };
    });
  if (cookies.length > 0) await context.addCookies(cookies);
  return context;
}

/** The time the whole run may take: past it, the remaining runs are skipped and the results say so. */
export interface Deadline {
  passed(): boolean;
}

export function deadlineIn(minutes: number): Deadline {
  const end = Date.now() + minutes * 60_000;
  return { passed: () => Date.now() > end };
}

export interface Summary {
  readonly runs: number;
  readonly medianMs: number | null;
  readonly p95Ms: number | null;
  readonly maxMs: number | null;
  readonly samplesMs: readonly number[];
}

/** Nearest-rank percentile: with ten runs p95 is the slowest but none, never an interpolated time nobody saw. */
function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
}

export function summarise(samples: readonly number[]): Summary {
  const rounded = samples.map((ms) => Math.round(ms * 10) / 10);
  const sorted = [...rounded].sort((a, b) => a - b);
  return {
    runs: rounded.length,
    medianMs: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    maxMs: sorted.at(-1) ?? null,
    samplesMs: rounded,
  };
}
