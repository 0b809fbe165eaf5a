import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from "playwright-core";
import { expect } from "vitest";
import { seriousAccessibilityViolations } from "./axe.js";
import { buildDashboardForTest } from "./built-dashboard.js";
import { startDashboardServer, type DashboardServer } from "./dashboard-server.js";
import { watchPage } from "./page-watch.js";

const chromiumPath = "/usr/bin/chromium";
/** Browser tests run where Chromium is installed; elsewhere they are skipped, and say why. */
export const hasChromium = existsSync(chromiumPath);
if (!hasChromium) console.warn(`Browser tests skipped: no Chromium at ${chromiumPath} (apt-get install chromium).`);

/** Where screenshots go, for a person to look at after a run. */
export const artifacts = fileURLToPath(new URL("../../../../artifacts/browser/", import.meta.url));
const desktop = { width: 1280, height: 800 };
const phone = { width: 360, height: 740 };

/**
 * The dashboard built for production from the current sources (one build shared by every test file), with the
 * test's environment but NODE_ENV=production: the runner's "test" would make Vite build for development.
 */
export const builtDashboard = (env: NodeJS.ProcessEnv) => buildDashboardForTest({ ...env, NODE_ENV: "production" });

/** One browser context of its own (its own cookies), with a page whose problems are collected. */
export interface WatchedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly watched: ReturnType<typeof watchPage>;
}

export interface PageOptions {
  /** How long any wait may take. */
  readonly timeoutMs?: number;
  /** Anything else the context needs: a time zone, a touch screen. */
  readonly context?: Omit<BrowserContextOptions, "viewport" | "baseURL">;
}

/** The real server over a fresh demo community, and a headless Chromium to drive it. */
export interface BrowserDashboard {
  readonly server: DashboardServer;
  readonly browser: Browser;
  /** A new context at desktop size on the server, its page watched. */
  openPage(options?: PageOptions): Promise<WatchedPage>;
  close(): Promise<void>;
}

export async function openDashboard(env: NodeJS.ProcessEnv): Promise<BrowserDashboard> {
  mkdirSync(artifacts, { recursive: true });
  const dashboard = await builtDashboard(env);
  const [server, browser] = await Promise.all([
    startDashboardServer(dashboard),
    chromium.launch({ executablePath: chromiumPath, args: ["--headless", "--no-sandbox", "--disable-gpu"] }),
  ]);
  return {
    server,
    browser,
    async openPage({ timeoutMs = 20_000, context: options = {} } = {}) {
      const context = await browser.newContext({ ...options, viewport: desktop, baseURL: server.url });
      // Generous: a loaded two-core machine runs other test files meanwhile. Every wait is on a condition.
      context.setDefaultTimeout(timeoutMs);
      const page = await context.newPage();
      return { context, page, watched: watchPage(page) };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * What every page visited goes through: screenshots at desktop and phone sizes, no sideways scrolling on the
 * phone, then an axe-core scan.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${artifacts}${name}-desktop.png`, fullPage: true });
  await page.setViewportSize(phone);
  await page.screenshot({ path: `${artifacts}${name}-phone.png`, fullPage: true });
  const overflows = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  await page.setViewportSize(desktop);
  expect(overflows, `${name} scrolls sideways on a 360 px phone`).toBe(false);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

/** Types the start of a city into its autocomplete and picks the first suggestion with the keyboard. */
export async function pickCity(page: Page, field: Locator, typed: string, suggestion: RegExp): Promise<void> {
  await field.fill(typed);
  await page.getByRole("option", { name: suggestion }).first().waitFor();
  await field.press("ArrowDown");
  await field.press("Enter");
}
