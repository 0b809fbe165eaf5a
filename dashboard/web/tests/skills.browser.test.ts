import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousAccessibilityViolations } from "./support/axe.js";
import {
  artifacts,
  checkPage,
  hasChromium,
  openDashboard,
  type BrowserDashboard,
} from "./support/browser-dashboard.js";
import type { Problem, watchPage } from "./support/page-watch.js";
import { freshEmail, signUpOnLanding } from "./support/accounts.js";

describe.skipIf(!hasChromium)("the skills editor and the weekly availability grid", { timeout: 90_000 }, () => {
  let browsed: BrowserDashboard;
  let page: Page;
  let watched: ReturnType<typeof watchPage>;

  beforeAll(async () => {
    browsed = await openDashboard(process.env);
    ({ page, watched } = await browsed.openPage({ context: { hasTouch: true } }));
  }, 180_000);
  afterAll(() => browsed?.close());

  const check = (name: string) => checkPage(page, name);

  const problems = (): readonly Problem[] => [...watched.problems];
  const heading = () => page.getByRole("heading", { level: 1 });
  const status = () => page.locator("section[aria-labelledby=my-skills-title] [role=status]");
  const combobox = () => page.getByRole("combobox", { name: "Skill" });
  const guitar = () => page.locator("li.my-skill", { has: page.getByRole("heading", { name: /^Guitar/ }) });
  const cell = (name: string) => page.getByRole("gridcell", { name, exact: true });
  const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");
  const centre = async (target: Locator) => {
    const box = await target.boundingBox();
    if (box === null) throw new Error("the cell is not on screen");
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };

  it("asks a signed-out visitor to sign in, with no failing request", async () => {
    await page.goto("/skills");
    await expect.poll(() => heading().textContent()).toBe("Your skills and availability");
    await page.getByText("You are not signed in.").waitFor();
    expect(await page.getByRole("grid").count()).toBe(0);
    expect(problems()).toEqual([]);
  });

  it("signs up, then opens the skills page from the navigation, empty", async () => {
    await signUpOnLanding(page, { name: "Ada Quill", email: freshEmail("ada") });
    await page.getByRole("navigation").getByRole("link", { name: "Your profile" }).click();
    await page.waitForURL("**/me");
    await page.getByRole("navigation").getByRole("link", { name: "Skills" }).click();
    await page.waitForURL("**/skills");
    await expect.poll(() => heading().textContent()).toBe("Your skills and availability");
    await page.getByText("No skills yet").waitFor();
    await page.getByRole("grid").waitFor();
    await check("skills-empty");
    expect(problems()).toEqual([]);
  });

  it("suggests Guitar for “gitar”, picked with the arrow keys and Enter; Escape closes the list", async () => {
    await combobox().pressSequentially("gitar");
    await page.getByRole("option", { name: "Guitar", exact: true }).waitFor();
    await expect.poll(() => combobox().getAttribute("aria-expanded")).toBe("true");
    await combobox().press("Escape");
    await expect.poll(() => combobox().getAttribute("aria-expanded")).toBe("false");
    const activeOption = async () => {
      const id = await combobox().getAttribute("aria-activedescendant");
      return id === null ? "" : ((await page.locator(`[id="${id}"]`).textContent()) ?? "");
    };
    for (let step = 0; step < 8 && (await activeOption()) !== "Guitar"; step++) await combobox().press("ArrowDown");
    expect(await activeOption()).toBe("Guitar");
    expect(await page.getByRole("option", { name: "Guitar", exact: true }).getAttribute("aria-selected")).toBe("true");
    await check("skills-suggestions");
    await combobox().press("Enter");
    await expect.poll(() => combobox().inputValue()).toBe("Guitar");
    expect(await combobox().getAttribute("aria-expanded")).toBe("false");

    const form = page.locator("form#add-skill");
    await form.getByLabel("Learn it").check();
    await form.getByLabel("Level").selectOption("2");
    await form.getByRole("button", { name: "Add to my profile" }).click();
    await expect.poll(() => status().textContent()).toMatch(/Guitar added: you want to learn it, basics/);
    await guitar().waitFor();
    expect(await combobox().inputValue()).toBe("");
    expect(problems()).toEqual([]);
  });

  it("changes the level of Guitar and says so", async () => {
    await guitar().getByLabel("Level").selectOption("4");
    await guitar().getByRole("button", { name: "Save changes to Guitar" }).click();
    await expect.poll(() => status().textContent()).toBe("Guitar saved: advanced.");
    expect(await guitar().locator(".tag").first().textContent()).toBe("learning · advanced");
    expect(problems()).toEqual([]);
  });

  it("shows the API's sentence next to an unknown skill and offers to propose it", async () => {
    await combobox().fill("Zzyzx throat singing");
    await page.locator("form#add-skill").getByRole("button", { name: "Add to my profile" }).click();
    await expect.poll(() => combobox().getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#add-skill-skill-error").textContent()).toMatch(/propose it/);
    expect(await combobox().getAttribute("aria-describedby")).toContain("add-skill-skill-error");
    await page.getByRole("heading", { name: "Propose “Zzyzx throat singing” as a new skill" }).waitFor();
    await check("skills-unknown");
    // The refused skill is the only failing request, as the browser logs it.
    expect(problems().filter((problem) => !/ 404|404 \(Not Found\)/.test(problem.text))).toEqual([]);
    watched.clear();
  });

  it("marks free times with the keyboard: one Tab stop, arrows and Page Down move, Space, Shift+arrow, Enter", async () => {
    const grid = page.getByRole("grid");
    await grid.locator("[tabindex='0']").focus();
    expect(await grid.locator("[tabindex='0']").count()).toBe(1);
    await page.keyboard.press("Control+Home");
    expect(await focusedName()).toBe("Monday 06:00–06:30, not free");
    await page.keyboard.press("ArrowRight");
    for (let step = 0; step < 6; step++) await page.keyboard.press("PageDown");
    expect(await focusedName()).toBe("Tuesday 18:00–18:30, not free");
    await page.keyboard.press("Space");
    await expect.poll(focusedName).toBe("Tuesday 18:00–18:30, free");
    await page.keyboard.press("Shift+ArrowDown");
    await expect.poll(focusedName).toBe("Tuesday 18:30–19:00, free");
    await page.keyboard.press("End");
    expect(await focusedName()).toBe("Sunday 18:30–19:00, not free");
    await page.keyboard.press("Enter");
    await expect.poll(focusedName).toBe("Sunday 18:30–19:00, free");
    await page.keyboard.press("Enter");
    await expect.poll(focusedName).toBe("Sunday 18:30–19:00, not free");
    expect(await grid.locator("[tabindex='0']").count()).toBe(1);
    expect(await cell("Tuesday 18:00–18:30, free").getAttribute("aria-selected")).toBe("true");
  });

  it("paints free times by dragging with the mouse and with a finger, and unpaints by dragging from a free cell", async () => {
    const from = await centre(cell("Thursday 07:00–07:30, not free"));
    const to = await centre(cell("Thursday 08:30–09:00, not free"));
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.mouse.up();
    for (const time of ["07:00–07:30", "07:30–08:00", "08:00–08:30", "08:30–09:00"])
      await cell(`Thursday ${time}, free`).waitFor();

    // Unpainting: a drag that starts on a free cell clears what it passes over.
    const clearFrom = await centre(cell("Thursday 08:30–09:00, free"));
    const beyond = await centre(cell("Thursday 09:00–09:30, not free"));
    await page.mouse.move(clearFrom.x, clearFrom.y);
    await page.mouse.down();
    await page.mouse.move(beyond.x, beyond.y, { steps: 4 });
    await page.mouse.up();
    await cell("Thursday 08:30–09:00, not free").waitFor();
    expect(await cell("Thursday 09:00–09:30, not free").count()).toBe(1);

    const start = await centre(cell("Saturday 10:00–10:30, not free"));
    const end = await centre(cell("Saturday 11:30–12:00, not free"));
    const touch = await page.context().newCDPSession(page);
    await touch.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [start] });
    for (let step = 1; step <= 6; step++) {
      const y = start.y + ((end.y - start.y) * step) / 6;
      await touch.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x: start.x, y }] });
    }
    await touch.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    for (const time of ["10:00–10:30", "10:30–11:00", "11:00–11:30", "11:30–12:00"])
      await cell(`Saturday ${time}, free`).waitFor();
    await touch.detach();
  });

  it("lets María propose a skill the catalog lacks, shows it waiting for approval, and removes it once confirmed", async () => {
    const { context, page: maria, watched: seen } = await browsed.openPage();
    try {
      await maria.goto("/");
      await maria.getByRole("button", { name: "Try it as María López" }).click();
      await maria.waitForURL("**/me");
      await maria.getByRole("navigation").getByRole("link", { name: "Skills" }).click();
      await maria.waitForURL("**/skills");
      const mine = maria.locator("li.my-skill");
      await mine.first().waitFor();
      expect(await mine.count()).toBeGreaterThan(1);
      await maria.getByRole("combobox", { name: "Skill" }).fill("Zzyzx throat singing");
      await maria.getByRole("button", { name: "Add to my profile" }).click();
      const propose = maria.locator("form#propose-skill");
      await propose.getByLabel("Category").selectOption({ label: "Music" });
      await propose.getByRole("button", { name: "Propose it and add it" }).click();
      const said = maria.locator("section[aria-labelledby=my-skills-title] [role=status]");
      await expect.poll(() => said.textContent()).toMatch(/Zzyzx throat singing added.*waits for an admin/);
      const proposed = mine.filter({ has: maria.getByRole("heading", { name: /^Zzyzx throat singing/ }) });
      expect(await proposed.locator(".tag.pending").textContent()).toBe("waiting for approval");

      await proposed.getByRole("button", { name: "Remove Zzyzx throat singing" }).click();
      await expect.poll(() => maria.evaluate(() => document.activeElement?.textContent ?? "")).toBe("Keep it");
      await maria.screenshot({ path: `${artifacts}skills-remove-desktop.png`, fullPage: true });
      expect(await seriousAccessibilityViolations(maria)).toEqual([]);
      await proposed.getByRole("button", { name: "Yes, remove it" }).click();
      await expect.poll(() => said.textContent()).toBe("Zzyzx throat singing removed from your profile.");
      expect(await proposed.count()).toBe(0);
      // The refused name (404, before proposing it) is the only failing request.
      expect(seen.problems.filter((problem) => !/ 404|404 \(Not Found\)/.test(problem.text))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("saves the week as slots, announced, and keeps skills and times across a reload and back/forward", async () => {
    await page.getByRole("button", { name: "Save availability" }).click();
    const saved = page.locator(".availability [role=status]");
    await expect.poll(() => saved.textContent()).toBe("Saved: 3 weekly slots.");
    await check("skills-filled");

    const answer = await page.request.get("/api/v1/me/availability");
    expect((await answer.json()) as unknown).toMatchObject({
      slots: [
        { weekday: 2, startMinute: 18 * 60, endMinute: 19 * 60 },
        { weekday: 4, startMinute: 7 * 60, endMinute: 8 * 60 + 30 },
        { weekday: 6, startMinute: 10 * 60, endMinute: 12 * 60 },
      ],
    });

    await page.reload();
    await guitar().waitFor();
    expect(await guitar().getByLabel("Level").inputValue()).toBe("4");
    await cell("Tuesday 18:30–19:00, free").waitFor();
    expect(await page.locator("td.free").count()).toBe(2 + 3 + 4);

    await page.goBack();
    await page.waitForURL("**/me");
    await page.goForward();
    await page.waitForURL("**/skills");
    await cell("Saturday 11:30–12:00, free").waitFor();
    expect(problems()).toEqual([]);
  });
});
