import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testImages } from "@skillswap/core/testing";
import { checkPage, hasChromium, openDashboard, type BrowserDashboard } from "./support/browser-dashboard.js";
import type { Problem, watchPage } from "./support/page-watch.js";
import { requestSwapOnProfile } from "./support/swap-steps.js";

describe.skipIf(!hasChromium)("finding people, their profiles and my matches", { timeout: 90_000 }, () => {
  let browsed: BrowserDashboard;
  let page: Page;
  let watched: ReturnType<typeof watchPage>;

  beforeAll(async () => {
    browsed = await openDashboard(process.env);
    ({ page, watched } = await browsed.openPage({ timeoutMs: 30_000 }));
  }, 180_000);
  afterAll(() => browsed?.close());

  async function check(name: string) {
    await checkPage(page, `people-${name}`);
    expect(await page.getByRole("heading", { level: 1 }).count(), `${name} has one h1`).toBe(1);
  }
  const problems = (): readonly Problem[] => [...watched.problems];
  const heading = () => page.getByRole("heading", { level: 1 });
  const search = () => page.getByRole("search");
  const cards = () => page.locator("ul.people-results > li");
  let personName = "";

  it("searches the public when signed out, from a link that holds the search", async () => {
    await page.goto("/people?q=spanish");
    await cards().first().waitFor();
    expect(await search().getByLabel("Skill, name or words").inputValue()).toBe("spanish");
    expect(await page.getByText("You are searching public profiles").count()).toBe(1);
    await check("signed-out");
    expect(problems()).toEqual([]);
  });

  it("shows a person's picture on their card, and initials for whoever has none", async () => {
    const first = cards().first();
    const href = (await first.getByRole("link").first().getAttribute("href")) ?? "";
    const handle = decodeURIComponent(href.replace("/people/", ""));
    const { accounts, profiles } = browsed.server.core.services;
    const person = await accounts.actorByHandle(handle);
    const profile = await profiles.setAvatar(person, await testImages.png(200, 200));
    await page.reload();
    const picture = cards().first().locator("img");
    await expect.poll(() => picture.getAttribute("src")).toBe(profile.avatarSmallUrl);
    // Decorative beside the name, sized before it loads, fetched only when scrolled near.
    expect(await picture.getAttribute("alt")).toBe("");
    expect([await picture.getAttribute("width"), await picture.getAttribute("height")]).toEqual(["48", "48"]);
    expect(await picture.getAttribute("loading")).toBe("lazy");
    await expect.poll(() => picture.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(128);
    expect(await cards().first().locator(".monogram").count()).toBe(0);
    expect(await cards().nth(1).locator(".monogram").count()).toBe(1);
    await check("card-picture");
    expect(problems()).toEqual([]);
  });

  it("searches with a typo and filters as a demo person, shown in the address and undone by back", async () => {
    await page.goto("/");
    await page.getByRole("button", { name: "Try it as María López" }).click();
    await page.waitForURL("**/me");
    await page.getByRole("navigation").getByRole("link", { name: "Find people" }).click();
    await expect.poll(() => heading().textContent()).toBe("Find people");

    await search().getByLabel("Skill, name or words").fill("gitar");
    await search().getByLabel("Category").selectOption({ label: "Music" });
    await search().getByLabel("They").selectOption("teach");
    await search().getByRole("button", { name: "Search" }).click();
    await page.waitForURL((url) => url.search.includes("q=gitar") && url.search.includes("direction=teach"));
    await cards().first().waitFor();
    expect(await cards().first().textContent()).toMatch(/guitar/i);
    expect(await page.locator(".people-results a").count()).toBe(await cards().count());
    await check("search");

    // A distance the API refuses: its sentence next to the field, the field focused.
    await search().getByLabel("Within (km)").fill("-5");
    await search().getByRole("button", { name: "Search" }).click();
    const km = search().getByLabel("Within (km)");
    await expect.poll(() => km.getAttribute("aria-invalid")).toBe("true");
    expect(await search().locator("#people-km-error").textContent()).not.toBe("");
    expect(await km.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(problems().filter((problem) => !problem.text.includes("400"))).toEqual([]);
    watched.clear();

    // Back: the previous search, in the form and in the results.
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes("km="));
    await cards().first().waitFor();
    expect(await search().getByLabel("Within (km)").inputValue()).toBe("");
    expect(await search().getByLabel("Skill, name or words").inputValue()).toBe("gitar");
    expect(await search().getByLabel("They").inputValue()).toBe("teach");
    expect(problems()).toEqual([]);
  });

  it("loads more results with the next cursor, and keeps the search on reload", async () => {
    await page.reload();
    await cards().first().waitFor();
    const before = await cards().count();
    await page.getByRole("button", { name: "Load more" }).click();
    await expect.poll(() => cards().count()).toBeGreaterThan(before);
    // Focus moves to the first person added, for keyboard users.
    const focused = await page.evaluate(() => document.activeElement?.closest("li")?.parentElement?.className);
    expect(focused).toBe("people-results");
    expect(problems()).toEqual([]);
  });

  it("opens a result, follows them, and requests a swap with a confirmation", async () => {
    const link = cards().first().getByRole("link");
    personName = (await link.textContent()) ?? "";
    await link.click();
    await page.waitForURL(/\/people\/[^/?]+$/);
    await expect.poll(() => heading().textContent()).toBe(personName);
    await page.getByRole("heading", { name: "Reviews" }).waitFor();

    await page.getByRole("button", { name: `Follow ${personName}` }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `You now follow ${personName}` })
      .waitFor();
    await page.getByRole("button", { name: `Unfollow ${personName}` }).waitFor();

    expect(await requestSwapOnProfile(page, "Hola! Guitar for guitar?")).toMatch(/^Swap requested: /);
    await check("profile");

    // A block asks first; cancelling leaves the profile as it was.
    await page.getByRole("button", { name: "Block" }).click();
    await page.getByText(`Block ${personName}?`).waitFor();
    await page.getByRole("button", { name: "Cancel" }).click();

    await page.reload();
    await page.getByRole("button", { name: `Unfollow ${personName}` }).waitFor();
    expect(problems()).toEqual([]);
  });

  it("says clearly when a profile is not there", async () => {
    await page.goto("/people/nobody-by-that-name");
    await expect.poll(() => heading().textContent()).toBe("Profile not found");
    await check("profile-not-found");
    expect(problems().filter((problem) => !problem.text.includes("404"))).toEqual([]);
    watched.clear();
  });

  it("shows my matches with their explanations and a three-person swap as who teaches whom", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Matches" }).click();
    await expect.poll(() => heading().textContent()).toBe("Your matches");
    await page.getByRole("heading", { name: "Three-person swaps" }).waitFor();
    const cycle = page.locator("figure.cycle").first();
    await cycle.waitFor();
    expect(await cycle.locator("figcaption").textContent()).toMatch(/teaches you/);
    expect(await cycle.locator("ol > li").count()).toBe(3);
    expect(await cycle.getByRole("link").count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator(".why").count()).toBeGreaterThan(0);
    await check("matches");
    expect(problems()).toEqual([]);
  });
});
