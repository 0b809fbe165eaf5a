import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPage, hasChromium, openDashboard, pickCity, type BrowserDashboard } from "./support/browser-dashboard.js";
import type { Problem, watchPage } from "./support/page-watch.js";
import {
  freshEmail,
  logInOnLanding,
  publicPersonThroughApi,
  signUpOnLanding,
  type PublicPerson,
} from "./support/accounts.js";
import { addSkillInWelcome } from "./support/welcome-steps.js";
/** Not the server's zone nor UTC: what the first step offers can only have come from the browser. */
const browserZone = "America/Lima";

/**
 * Someone to follow, arranged through the API in a browser context of their own: a public profile that teaches
 * Spanish, which is the activity the feed shows.
 */
async function publicPersonTeachingSpanish(browsed: BrowserDashboard): Promise<PublicPerson> {
  const { context, page } = await browsed.openPage();
  try {
    return await publicPersonThroughApi(page, { name: "Lina Ortega", email: freshEmail("lina") }, [
      { skill: "Spanish", direction: "teach", level: 5 },
    ]);
  } finally {
    await context.close();
  }
}

describe.skipIf(!hasChromium)("onboarding, following people and the feed", { timeout: 90_000 }, () => {
  let browsed: BrowserDashboard;
  let page: Page;
  let watched: ReturnType<typeof watchPage>;

  beforeAll(async () => {
    browsed = await openDashboard(process.env);
    ({ page, watched } = await browsed.openPage({ context: { timezoneId: browserZone } }));
  }, 180_000);
  afterAll(() => browsed?.close());

  const check = (name: string) => checkPage(page, name);
  const problems = (): readonly Problem[] => [...watched.problems];
  const heading = () => page.getByRole("heading", { level: 1 });
  const stepHeading = () => page.locator("#step-title");
  const flash = () => page.locator(".flash-notice[role=status]");

  describe("after sign-up", () => {
    it("leads to the first step of the welcome, the name given at sign-up filled in", async () => {
      await signUpOnLanding(page, { name: "Noor Haddad", email: freshEmail("noor") });
      await expect.poll(() => heading().textContent()).toBe("Welcome to SkillSwap");
      await expect.poll(() => stepHeading().textContent()).toBe("Step 1 of 3: Your name");
      expect(await page.getByRole("textbox", { name: "Your name" }).inputValue()).toBe("Noor Haddad");
      expect(await page.locator("[aria-current=step]").textContent()).toBe("1. Your name");
      await check("welcome-name");
      expect(problems()).toEqual([]);
    });

    it("shows the API's sentence next to an empty name, then saves a good one and moves on", async () => {
      const name = page.getByRole("textbox", { name: "Your name" });
      await name.fill("");
      await page.getByRole("button", { name: "Save and continue" }).click();
      await expect.poll(() => name.getAttribute("aria-invalid")).toBe("true");
      expect(await name.getAttribute("aria-describedby")).toContain("welcome-name-displayName-error");
      expect(await page.locator("#welcome-name-displayName-error").textContent()).not.toBe("");
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("welcome-name-displayName");
      await check("welcome-name-refused");
      // The refused name is the only failing request, as the browser logs it.
      expect(problems().filter((problem) => !problem.text.includes("400"))).toEqual([]);
      watched.clear();

      await name.fill("Noor H.");
      await page.getByRole("button", { name: "Save and continue" }).click();
      await page.waitForURL("**/welcome?step=place");
      await expect.poll(() => stepHeading().textContent()).toBe("Step 2 of 3: Where and when");
      expect(problems()).toEqual([]);
    });

    it("offers the time zone detected from the browser and a city from suggestions; back and forward move between steps", async () => {
      const zone = page.getByLabel("Time zone");
      expect(await zone.inputValue()).toBe(browserZone);
      expect(await page.locator("#welcome-place-timeZone-hint").textContent()).toMatch(/Detected from your browser/);

      const city = page.getByRole("combobox", { name: "City" });
      await pickCity(page, city, "Lyo", /^Lyon,/);
      await expect.poll(() => city.inputValue()).toMatch(/^Lyon, .*FR$/);
      await check("welcome-place");

      await page.goBack();
      await page.waitForURL("**/welcome?step=name");
      expect(await page.getByRole("textbox", { name: "Your name" }).inputValue()).toBe("Noor H.");
      await page.goForward();
      await page.waitForURL("**/welcome?step=place");
      await page.getByRole("combobox", { name: "City" }).fill("Lyo");
      await page
        .getByRole("option", { name: /^Lyon,/ })
        .first()
        .click();
      await page.getByRole("button", { name: "Save and continue" }).click();
      await page.waitForURL("**/welcome?step=skills");
      await expect.poll(() => stepHeading().textContent()).toBe("Step 3 of 3: What you teach and learn");

      const me = (await (await page.request.get("/api/v1/me")).json()) as {
        timeZone: string;
        location: { name: string } | null;
      };
      expect(me).toMatchObject({ timeZone: browserZone, location: { name: "Lyon" } });
      expect(problems()).toEqual([]);
    });

    it("adds a skill to teach and one to learn, then lands on the matches with a welcome", async () => {
      await addSkillInWelcome(page, "Guitar", "teach");
      await addSkillInWelcome(page, "Spanish", "learn");
      expect(await page.getByRole("list", { name: "Skills added" }).getByRole("listitem").count()).toBe(2);
      await check("welcome-skills");

      await page.getByRole("button", { name: "Finish", exact: true }).click();
      await page.waitForURL("**/matches");
      await expect.poll(() => flash().textContent()).toMatch(/^Welcome to SkillSwap, Noor H\.!/);
      await check("welcome-landed");
      expect(problems()).toEqual([]);
    });
  });

  describe("following people", () => {
    let lina: PublicPerson;

    beforeAll(async () => {
      lina = await publicPersonTeachingSpanish(browsed);
    });

    it("says nobody is followed yet, and the feed is empty", async () => {
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Feed" }).click();
      await page.waitForURL("**/feed");
      await expect.poll(() => heading().textContent()).toBe("Feed");
      await page.getByText("Nothing here yet.").waitFor();
      await check("feed-empty");
      await page.getByRole("navigation", { name: "Your network" }).getByRole("link", { name: "Following" }).click();
      await page.waitForURL("**/following");
      await page.getByText("You follow nobody yet.").waitFor();
      expect(problems()).toEqual([]);
    });

    it("follows someone from their profile page, then lists them and shows what they did in the feed", async () => {
      await page.goto(`/people/${lina.handle}`);
      await page.getByRole("button", { name: `Follow ${lina.displayName}` }).click();
      const said = page.locator(".profile-actions [role=status]");
      await expect.poll(() => said.textContent()).toBe(`You now follow ${lina.displayName}.`);

      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Feed" }).click();
      await page.waitForURL("**/feed");
      const entry = page.locator("ul.feed li").filter({ hasText: "teaches Spanish (expert)" });
      await entry.waitFor();
      expect(await entry.getByRole("link", { name: lina.displayName }).getAttribute("href")).toBe(
        `/people/${lina.handle}`,
      );
      await check("feed");

      await page.getByRole("navigation", { name: "Your network" }).getByRole("link", { name: "Following" }).click();
      await page.waitForURL("**/following");
      await expect.poll(() => heading().textContent()).toBe("Following");
      const link = page.locator("ul.network-people").getByRole("link", { name: new RegExp(lina.displayName) });
      await link.waitFor();
      expect(await link.getAttribute("href")).toBe(`/people/${lina.handle}`);
      await check("following");
      expect(problems()).toEqual([]);
    });

    it("unfollows from the list, says so, and the list is empty again after a reload", async () => {
      await page.getByRole("button", { name: `Unfollow ${lina.displayName}` }).click();
      const said = page.locator("section[aria-labelledby=people-list-title] [role=status]");
      await expect.poll(() => said.textContent()).toBe(`You no longer follow ${lina.displayName}.`);
      expect(await page.locator("ul.network-people li").count()).toBe(0);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("people-list-title");
      await page.reload();
      await page.getByText("You follow nobody yet.").waitFor();

      await page.getByRole("navigation", { name: "Your network" }).getByRole("link", { name: "Followers" }).click();
      await page.waitForURL("**/followers");
      await page.getByText("Nobody follows you yet.").waitFor();
      await check("followers");
      expect(problems()).toEqual([]);
    });
  });

  it("lets a newcomer skip the welcome, and leads them back to it at their next login while the profile is empty", async () => {
    const { context, page: newcomer, watched: seen } = await browsed.openPage();
    const email = `ines-${Date.now()}@example.org`;
    try {
      await signUpOnLanding(newcomer, { name: "Ines Baptiste", email });
      await newcomer.getByRole("button", { name: "Skip for now" }).click();
      await newcomer.waitForURL("**/people");
      await expect
        .poll(() => newcomer.locator(".flash-notice[role=status]").textContent())
        .toMatch(/You can finish your profile any time/);

      await newcomer.getByRole("navigation").getByRole("link", { name: "Your profile" }).click();
      await newcomer.getByRole("button", { name: "Log out" }).click();
      await newcomer.waitForURL((url) => url.pathname === "/");
      await logInOnLanding(newcomer, email);
      await newcomer.waitForURL("**/welcome?step=name");
      expect(seen.problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("asks a signed-out visitor to sign in on each of these pages, with no failing request", async () => {
    const { context, page: visitor, watched: seen } = await browsed.openPage();
    try {
      for (const [path, title] of [
        ["/welcome", "Welcome to SkillSwap"],
        ["/feed", "Feed"],
        ["/following", "Following"],
      ] as const) {
        await visitor.goto(path);
        await expect.poll(() => visitor.getByRole("heading", { level: 1 }).textContent()).toBe(title);
        await visitor.getByText("You are not signed in.").waitFor();
      }
      expect(seen.problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
