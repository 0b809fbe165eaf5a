import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshEmail, signInAs, signUpOnLanding } from "./support/accounts.js";
import {
  checkPage,
  hasChromium,
  openDashboard,
  type BrowserDashboard,
  type WatchedPage,
} from "./support/browser-dashboard.js";
import { noticeableProblems, type Problem } from "./support/page-watch.js";

/**
 * The page addresses of the router, read from src/app.tsx so that a route added there is visited here too, each
 * ":param" filled with something a signed-in demo person can open; plus an address no page has.
 */
const routePatterns = [
  ...readFileSync(fileURLToPath(new URL("../src/app.tsx", import.meta.url)), "utf8").matchAll(/<Route path="([^"]+)"/g),
].map((match) => match[1] ?? "");

/** What fills each ":param", keyed by the area it is in and its name ("swaps:id", "people:handle"). */
type Params = ReadonlyMap<string, string>;

const routes = (params: Params): readonly string[] => [
  ...routePatterns.map((pattern) =>
    pattern.replaceAll(/:(\w+)/g, (_, name: string) => {
      const key = `${pattern.split("/")[1] ?? ""}:${name}`;
      const value = params.get(key);
      if (value === undefined) throw new Error(`nothing to open for ${key} in ${pattern}: add it to the params`);
      return value;
    }),
  ),
  "/no/page/here",
];

/** Pages that show what they have without asking the API anything. */
const pagesWithoutData: readonly string[] = ["/", "/no/page/here"];

/** Each list a newcomer has, and what it says while empty. */
const emptyLists: ReadonlyArray<readonly [string, RegExp]> = [
  ["/swaps", /^Nobody is waiting for your answer\./],
  ["/conversations", /^No conversation yet/],
  ["/reviews", /^Nobody has reviewed you yet/],
  ["/skills", /^No skills yet/],
  ["/feed", /^Nothing here yet\./],
  ["/following", /^You follow nobody yet\./],
  ["/followers", /^Nobody follows you yet\./],
  ["/admin", /^You are not an admin of any community\./],
];

/**
 * What a person would notice going wrong. This test reloads and moves on the moment a page has settled, which
 * cancels what the page still fetched in the background (the favicon, a count in the navigation): the browser
 * logs those as aborted, and nobody clicking through at human speed would meet them.
 */
const noticed = (watched: { readonly problems: readonly Problem[] }): Problem[] =>
  noticeableProblems(watched).filter(
    (problem) => !(problem.kind === "failed request" && problem.text.endsWith("net::ERR_ABORTED")),
  );

/** Sentences a page shows while it waits for the session or the API ("Loading the swap…"). */
const waiting = /^(Loading|Checking whether|Finding your)\b[^.]*…$/;

const itemsOf = async (page: Page, address: string): Promise<Array<{ id: string }>> => {
  const answer = await page.request.get(address);
  expect(answer.status(), address).toBe(200);
  return ((await answer.json()) as { items: Array<{ id: string }> }).items;
};

const firstId = async (page: Page, address: string): Promise<string> => {
  const [first] = await itemsOf(page, address);
  if (first === undefined) throw new Error(`the demo has nothing at ${address}`);
  return first.id;
};

/**
 * Opens an address directly (a deep link), waits until the page stopped waiting for anything, and returns its one
 * h1. Then reloads it, which must show the same page.
 */
async function openSettled(page: Page, address: string): Promise<string> {
  await page.goto(address);
  const heading = await settledHeading(page, address);
  await page.reload();
  expect(await settledHeading(page, address), `${address} after a reload`).toBe(heading);
  return heading;
}

async function settledHeading(page: Page, address: string): Promise<string> {
  const headings = page.getByRole("heading", { level: 1 });
  await expect.poll(() => headings.count(), { message: `${address} has exactly one h1` }).toBe(1);
  await expect.poll(() => page.getByText(waiting).count(), { message: `${address} stops loading` }).toBe(0);
  expect(await headings.count(), `${address} has exactly one h1 once loaded`).toBe(1);
  return (await headings.textContent()) ?? "";
}

/** A file-system-safe name for an address's screenshots. */
const shotName = (prefix: string, address: string) =>
  `${prefix}${address === "/" ? "-home" : address.replaceAll(/[^a-z0-9]+/gi, "-")}`.slice(0, 80);

/**
 * Walks back through the addresses visited, then forward again: each step must show the page it showed before,
 * with no reload of the visitor's own making.
 */
async function walkHistory(page: Page, visited: ReadonlyArray<readonly [string, string]>): Promise<void> {
  for (const [address, heading] of [...visited].reverse().slice(1)) {
    await page.goBack();
    expect(await settledHeading(page, address), `back to ${address}`).toBe(heading);
  }
  for (const [address, heading] of visited.slice(1)) {
    await page.goForward();
    expect(await settledHeading(page, address), `forward to ${address}`).toBe(heading);
  }
}

describe.skipIf(!hasChromium)("every page address, opened directly", { timeout: 300_000 }, () => {
  let browsed: BrowserDashboard;
  let maria: WatchedPage;
  let params: Params;

  beforeAll(async () => {
    browsed = await openDashboard(process.env);
    maria = await signInAs(browsed, "María López", { timeoutMs: 30_000 });
    const { page } = maria;
    const group = "web-devs";
    // Someone whose profile a signed-out visitor may see too: the first public profile a signed-out search finds.
    const visitor = await browsed.browser.newContext({ baseURL: browsed.server.url });
    const publicPeople = await visitor.request.get("/api/v1/people?q=spanish&limit=1");
    const [someone] = ((await publicPeople.json()) as { items: Array<{ handle: string }> }).items;
    await visitor.close();
    if (someone === undefined) throw new Error("the demo has no public profile teaching Spanish");
    params = new Map([
      ["swaps:id", await firstId(page, "/api/v1/swaps?status=accepted&limit=1")],
      ["conversations:id", await firstId(page, "/api/v1/conversations?limit=1")],
      ["groups:id", group],
      ["groups:threadId", await firstId(page, `/api/v1/groups/${group}/threads?limit=1`)],
      ["people:handle", someone.handle],
    ]);
  }, 180_000);
  afterAll(() => browsed?.close());

  it("shows a signed-out visitor one h1 on each, the same after a reload, with no failing request and no console message", async () => {
    const { context, page, watched } = await browsed.openPage({ timeoutMs: 30_000 });
    try {
      const visited: Array<readonly [string, string]> = [];
      for (const address of routes(params)) {
        const heading = await openSettled(page, address);
        await checkPage(page, shotName("route-signed-out", address));
        visited.push([address, heading]);
        expect(noticed(watched), address).toEqual([]);
      }
      await walkHistory(page, visited.slice(-4));
      expect(noticed(watched)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("shows a signed-in person one h1 on each, the same after a reload and through back and forward", async () => {
    const { page } = maria;
    const visited: Array<readonly [string, string]> = [];
    for (const address of routes(params)) {
      const heading = await openSettled(page, address);
      await checkPage(page, shotName("route-signed-in", address));
      visited.push([address, heading]);
      expect(noticed(maria.watched), address).toEqual([]);
    }
    await walkHistory(page, visited.slice(-6));
    expect(noticed(maria.watched)).toEqual([]);
  });

  it("tells a newcomer, on each list of theirs, that it is empty and what fills it", async () => {
    const { context, page, watched } = await browsed.openPage({ timeoutMs: 30_000 });
    try {
      await signUpOnLanding(page, { name: "Nell Newcomb", email: freshEmail("nell") });
      for (const [address, empty] of emptyLists) {
        await page.goto(address);
        await settledHeading(page, address);
        await page.getByText(empty).first().waitFor();
      }
      await checkPage(page, "route-empty-admin");
      expect(noticed(watched)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("says so in an alert, under the page's one h1, when the API fails on a page that needs it", async () => {
    const { context, page } = await signInAs(browsed, "María López", { timeoutMs: 30_000 });
    try {
      // Everything but the session answers 503, as a server that lost its database would.
      await page.route(/\/api\/v1\/(?!auth\/session)/, (route) =>
        route.fulfill({
          status: 503,
          contentType: "application/json",
          body: JSON.stringify({ error: { code: "SERVICE.UNAVAILABLE", message: "SkillSwap is unavailable." } }),
        }),
      );
      const silent: string[] = [];
      for (const address of routes(params).filter((route) => !pagesWithoutData.includes(route))) {
        await page.goto(address);
        await settledHeading(page, address);
        if ((await page.getByRole("alert").count()) === 0) silent.push(address);
      }
      expect(silent, "pages that show no alert when the API fails").toEqual([]);
      await checkPage(page, "route-api-failing");
    } finally {
      await context.close();
    }
  });
});
