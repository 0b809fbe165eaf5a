import { readFileSync } from "node:fs";
import { crc32, deflateSync } from "node:zlib";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPage, hasChromium, openDashboard, pickCity, type BrowserDashboard } from "./support/browser-dashboard.js";
import type { Problem, watchPage } from "./support/page-watch.js";

const password = "a long walk to the river bank";
const email = `sam-${Date.now()}@example.org`;

/** A real 64×64 PNG of one colour, written chunk by chunk: no image library needed. */
function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const size = 64;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, Buffer.from([29, 78, 216]))]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: size }, () => row)));
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", pixels), chunk("IEND", Buffer.alloc(0))]);
}

const notAPicture = { name: "holiday.png", mimeType: "image/png", buffer: Buffer.from("this is text, not a picture") };

describe.skipIf(!hasChromium)("editing my profile and managing my account", { timeout: 90_000 }, () => {
  let browsed: BrowserDashboard;
  let page: Page;
  let watched: ReturnType<typeof watchPage>;

  beforeAll(async () => {
    browsed = await openDashboard(process.env);
    ({ page, watched } = await browsed.openPage({ context: { timezoneId: "Europe/Madrid" } }));
  }, 180_000);
  afterAll(() => browsed?.close());

  const check = (name: string) => checkPage(page, name);

  /** What went wrong in the browser besides the refusals (status 400) a step provokes on purpose. */
  const unexpected = (): readonly Problem[] => watched.problems.filter((problem) => !/\b400\b/.test(problem.text));
  const heading = () => page.getByRole("heading", { level: 1 });
  const status = (text: RegExp) => page.getByRole("status").filter({ hasText: text });
  const profileForm = () => page.locator("form#profile");
  const avatarInput = () => page.getByLabel("Choose a picture");

  it("signs up and opens the profile editor from the navigation, my browser's time zone already there", async () => {
    await page.goto("/");
    const form = page.locator("form#sign-up");
    await form.getByLabel("Your name").fill("Sam Okafor");
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Password", { exact: true }).fill(password);
    await form.getByRole("button", { name: "Create my account" }).click();
    await page.waitForURL("**/welcome?step=name");
    await page.getByRole("navigation").getByRole("link", { name: "Edit profile" }).click();
    await page.waitForURL("**/settings/profile");
    await expect.poll(() => heading().textContent()).toBe("Edit your profile");
    await expect.poll(() => profileForm().getByLabel("Your name").inputValue()).toBe("Sam Okafor");
    expect(await profileForm().getByLabel("Time zone").inputValue()).toBe("Europe/Madrid");
    await check("profile-editor");
    expect(watched.problems).toEqual([]);
  });

  it("puts the API's sentence next to a bad field, then saves the profile once it is fixed", async () => {
    const languages = profileForm().getByLabel("Languages you speak");
    await languages.fill("English!");
    await profileForm().getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => languages.getAttribute("aria-invalid")).toBe("true");
    const sentence = profileForm().locator(".field:has(#profile-languages) .field-error");
    expect(await sentence.textContent()).toMatch(/language codes/i);
    expect(await languages.getAttribute("aria-describedby")).toContain("profile-languages-error");
    await check("profile-refused");

    await languages.fill("en, es");
    await profileForm().getByLabel("Pronouns").fill("they/them");
    await profileForm().getByLabel("Bio").fill("I teach bread baking and want to learn Go.");
    const city = profileForm().getByRole("combobox", { name: "City" });
    await pickCity(page, city, "Lyo", /^Lyon,/);
    await expect.poll(() => city.inputValue()).toMatch(/^Lyon, .*FR$/);
    await profileForm().getByLabel("Online", { exact: true }).check();
    await profileForm().getByLabel("Everyone, even people not signed in").check();
    await profileForm().getByLabel("Reviews: Email").uncheck();
    await profileForm().getByRole("button", { name: "Save changes" }).click();
    await status(/your profile is saved/i).waitFor();
    expect(await languages.getAttribute("aria-invalid")).toBeNull();
  });

  it("keeps what was saved on reload, a deep link to the editor", async () => {
    await page.reload();
    await expect.poll(() => profileForm().getByLabel("Pronouns").inputValue()).toBe("they/them");
    expect(await profileForm().getByLabel("Languages you speak").inputValue()).toBe("en, es");
    expect(await profileForm().getByRole("combobox", { name: "City" }).inputValue()).toMatch(/^Lyon, /);
    expect(await profileForm().getByLabel("Everyone, even people not signed in").isChecked()).toBe(true);
    expect(await profileForm().getByLabel("Reviews: Email").isChecked()).toBe(false);
    expect(await profileForm().getByLabel("Reviews: Here").isChecked()).toBe(true);
    expect(await profileForm().getByLabel("Time zone").inputValue()).toBe("Europe/Madrid");
    expect(unexpected()).toEqual([]);
    watched.clear();
  });

  it("refuses a file that is not a picture, keeping my picture, then takes a PNG after a preview", async () => {
    await avatarInput().setInputFiles(notAPicture);
    await page.getByRole("button", { name: "Use this picture" }).click();
    await expect.poll(() => avatarInput().getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#avatar-file-error").textContent()).toMatch(/could not be read|JPEG, PNG/);
    expect(await page.getByText("No picture yet").count()).toBe(1);
    await check("avatar-refused");

    await avatarInput().setInputFiles({ name: "me.png", mimeType: "image/png", buffer: tinyPng() });
    const preview = page.getByRole("img", { name: "Preview of the chosen picture" });
    await expect.poll(() => preview.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(64);
    await page.getByRole("button", { name: "Use this picture" }).click();
    await status(/new picture is saved/i).waitFor();
    const current = page.getByRole("img", { name: "Your current picture" });
    await expect.poll(() => current.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
    const saved = await current.getAttribute("src");

    await avatarInput().setInputFiles(notAPicture);
    await page.getByRole("button", { name: "Use this picture" }).click();
    await expect.poll(() => avatarInput().getAttribute("aria-invalid")).toBe("true");
    expect(await current.getAttribute("src")).toBe(saved);
    await check("avatar-saved");
    expect(unexpected()).toEqual([]);
    watched.clear();
  });

  it("lists where I am signed in, and signs out another browser, then every other one", async () => {
    // Two other browsers, signed in with the same account through the API as a browser would be.
    for (let other = 0; other < 2; other++) {
      const elsewhere = await browsed.browser.newContext({ baseURL: browsed.server.url });
      const answer = await elsewhere.request.post("/api/v1/auth/login", {
        data: { email, password },
        headers: { origin: browsed.server.url },
      });
      expect(answer.status()).toBe(200);
      await elsewhere.close();
    }
    await page.getByRole("navigation").getByRole("link", { name: "Account" }).click();
    await page.waitForURL("**/account");
    await expect.poll(() => heading().textContent()).toBe("Your account");
    const sessions = page.locator("ul.sessions > li");
    await expect.poll(() => sessions.count()).toBe(3);
    expect(await sessions.first().textContent()).toContain("This browser");
    await check("account");
    await page.goBack();
    await expect.poll(() => heading().textContent()).toBe("Edit your profile");
    await page.goForward();
    await expect.poll(() => heading().textContent()).toBe("Your account");

    await page
      .getByRole("button", { name: /^Sign out / })
      .first()
      .click();
    await status(/that session is signed out/i).waitFor();
    await expect.poll(() => sessions.count()).toBe(2);
    await page.getByRole("button", { name: "Log out everywhere else" }).click();
    await status(/signed out everywhere else \(1 session\)/i).waitFor();
    await expect.poll(() => sessions.count()).toBe(1);
    expect(await page.getByRole("listitem").filter({ hasText: "Email" }).textContent()).toContain(email);
    expect(watched.problems).toEqual([]);
  });

  it("downloads all my data as one JSON file", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download my data" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^skillswap-export-.*\.json$/);
    const exported = JSON.parse(readFileSync(await download.path(), "utf8")) as unknown;
    expect(JSON.stringify(exported)).toContain("I teach bread baking");
  });

  it("deletes my account only once my handle is typed, signs me out and says so on the home page", async () => {
    watched.clear();
    await page.getByRole("button", { name: "Delete my account…" }).click();
    const confirm = page.getByLabel(/type your handle/i);
    await confirm.fill("someone-else");
    await page.getByRole("button", { name: "Delete my account for good" }).click();
    await expect.poll(() => confirm.getAttribute("aria-invalid")).toBe("true");
    await check("account-delete-confirm");

    const label = await page.locator('label[for="delete-account-confirmHandle"]').textContent();
    await confirm.fill(/handle, (\S+), to confirm/.exec(label ?? "")?.[1] ?? "");
    await page.getByRole("button", { name: "Delete my account for good" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await status(/your account is deleted/i).waitFor();
    await page.getByRole("heading", { name: "Create an account" }).waitFor();
    expect(await page.getByRole("link", { name: "Account" }).count()).toBe(0);
    await check("account-deleted");
    expect(unexpected()).toEqual([]);

    const form = page.locator("form#log-in");
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Password").fill(password);
    await form.getByRole("button", { name: "Log in" }).click();
    await form.locator(".form-message").waitFor();
  });
});
