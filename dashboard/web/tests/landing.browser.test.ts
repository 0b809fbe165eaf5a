import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  builtDashboard,
  checkPage,
  hasChromium,
  openDashboard,
  type BrowserDashboard,
} from "./support/browser-dashboard.js";
import { firstPageScripts } from "./support/first-page-size.js";
import type { Problem, watchPage } from "./support/page-watch.js";

const strongPassword = "a long walk to the river bank";

let dashboard = "";
beforeAll(async () => {
  dashboard = await builtDashboard(process.env);
});

describe("the first page's JavaScript", () => {
  it("is at most 100 kB gzipped: the entry and the landing page's chunk, every other page loaded lazily", () => {
    const scripts = firstPageScripts(dashboard);
    const total = scripts.reduce((sum, script) => sum + script.gzipBytes, 0);
    console.info(
      `First page JavaScript: ${(total / 1024).toFixed(1)} kB gzipped (${scripts.map((s) => s.file).join(", ")})`,
    );
    expect(scripts.some((script) => script.file.includes("landing"))).toBe(true);
    expect(scripts.some((script) => script.file.includes("me-"))).toBe(false);
    expect(total).toBeLessThanOrEqual(100 * 1024);
  });
});

describe.skipIf(!hasChromium)("the dashboard in Chromium", { timeout: 60_000 }, () => {
  let browsed: BrowserDashboard;
  let page: Page;
  let watched: ReturnType<typeof watchPage>;

  beforeAll(async () => {
    browsed = await openDashboard(process.env);
    ({ page, watched } = await browsed.openPage());
  });
  afterAll(() => browsed?.close());

  const check = (name: string) => checkPage(page, name);

  const problems = (): readonly Problem[] => [...watched.problems];
  const heading = () => page.getByRole("heading", { level: 1 });

  it("says what SkillSwap is, in one h1 inside header, navigation and main landmarks, with no failing request", async () => {
    const answer = await page.goto("/");
    expect(answer?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await page.getByRole("button", { name: "Try it as María López" }).waitFor();
    await expect.poll(() => heading().count()).toBe(1);
    expect(await heading().textContent()).toMatch(/trade/i);
    for (const landmark of ["banner", "navigation", "main", "contentinfo"] as const)
      expect(await page.getByRole(landmark).count(), landmark).toBe(1);
    expect(await page.getByRole("heading", { name: "Create an account" }).count()).toBe(1);
    // No Discord or Google button: this server has no OAuth credentials.
    expect(await page.getByRole("link", { name: /continue with/i }).count()).toBe(0);
    await check("landing");
    expect(problems()).toEqual([]);
  });

  it("shows the API's sentence next to the password when it is too weak, then signs up and shows my page", async () => {
    const form = page.locator("form#sign-up");
    await form.getByLabel("Your name").fill("Robin Vega");
    await form.getByLabel("Email").fill(`robin-${Date.now()}@example.org`);
    await form.getByLabel("Password", { exact: true }).fill("short");
    await form.getByRole("button", { name: "Create my account" }).click();
    const password = form.getByLabel("Password", { exact: true });
    await expect.poll(() => password.getAttribute("aria-invalid")).toBe("true");
    const sentence = form.locator("#sign-up-password-error");
    expect(await sentence.textContent()).toMatch(/12/);
    // Next to the field: in the same field group, and read out with it.
    expect(await password.getAttribute("aria-describedby")).toContain("sign-up-password-error");
    expect(await form.locator(".field:has(#sign-up-password) .field-error").count()).toBe(1);
    await check("sign-up-refused");
    // The refused sign-up is the only failing request, as the browser logs it.
    expect(problems().filter((problem) => !problem.text.includes("400"))).toEqual([]);
    watched.clear();

    await password.fill(strongPassword);
    await form.getByRole("button", { name: "Create my account" }).click();
    await page.waitForURL("**/welcome?step=name");
    await page.getByRole("navigation").getByRole("link", { name: "Your profile" }).click();
    await page.waitForURL("**/me");
    await expect.poll(() => heading().textContent()).toBe("Robin Vega");
    expect(await page.getByText(/@robin-vega/).count()).toBe(1);
    await check("me");
    expect(problems()).toEqual([]);
  });

  it("logs out back to the landing page's forms", async () => {
    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.getByRole("heading", { name: "Create an account" }).waitFor();
    expect(await page.getByRole("link", { name: "Your profile" }).count()).toBe(0);
    expect(problems()).toEqual([]);
  });

  it("signs in as María in one click with “try it as”, and shows her populated profile", async () => {
    await page.getByRole("button", { name: "Try it as María López" }).click();
    await page.waitForURL("**/me");
    await expect.poll(() => heading().textContent()).toBe("María López");
    await page.getByText("Guitar").first().waitFor();
    await check("me-demo-person");
    expect(problems()).toEqual([]);
  });

  it("opens a page address directly or on reload, and says when an address has no page", async () => {
    await page.reload();
    await expect.poll(() => heading().textContent()).toBe("María López");
    await page.goto("/people/nobody/anywhere");
    await expect.poll(() => heading().textContent()).toBe("Page not found");
    await check("not-found");
    expect(problems()).toEqual([]);
  });

  it("keeps unknown API addresses and missing assets JSON 404s, never the dashboard's page", async () => {
    const api = await page.request.get("/api/v1/no-such-thing", { headers: { accept: "text/html" } });
    expect(api.status()).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: "REQUEST.NOT_FOUND" } });
    const asset = await page.request.get("/assets/gone-1234.js");
    expect(asset.status()).toBe(404);
    const entry = await page.request.get("/me", { headers: { accept: "text/html" } });
    expect(entry.headers()["cache-control"]).toBe("no-cache");
    const script = (await entry.text()).match(/src="(\/assets\/[^"]+\.js)"/)?.[1] ?? "";
    const cached = await page.request.get(script);
    expect(cached.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  });
});
