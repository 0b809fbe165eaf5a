import { readFileSync } from "node:fs";
import { crc32, deflateSync } from "node:zlib";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPage, hasChromium, openDashboard, pickCity, type BrowserDashboard } from "./support/browser-dashboard.js";
import type { Problem, watchPage } from "./support/page-watch.js";
import { confirmAccountDeletion, logInOnLanding, signUpOnLanding } from "./support/accounts.js";

const password = "a long walk to the river bank";
const email = `sam-${Date.now()}@example.org`;

type Rgb = readonly [number, number, number];
const red: Rgb = [220, 38, 38];
const blue: Rgb = [29, 78, 216];

/** A real RGB PNG, each column one colour, written chunk by chunk: no image library needed. */
function png(width: number, height: number, colourOf: (x: number) => Rgb): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB
  const row = Buffer.from([0, ...Array.from({ length: width }, (_, x) => colourOf(x)).flat()]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", pixels), chunk("IEND", Buffer.alloc(0))]);
}

/** A 64×64 blue square. */
const tinyPng = () => png(64, 64, () => blue);
/** 200×100: its left half red, its right half blue. Its centre square is half of each. */
const redThenBluePng = () => png(200, 100, (x) => (x < 100 ? red : blue));

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
    await signUpOnLanding(page, { name: "Sam Okafor", email, password });
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

  it("keeps the square of a wide picture I choose by dragging, centring and the arrow keys", async () => {
    await avatarInput().setInputFiles({ name: "wide.png", mimeType: "image/png", buffer: redThenBluePng() });
    const frame = page.getByRole("group", { name: "Crop frame", exact: true });
    const picture = frame.getByRole("img", { name: "Preview of the chosen picture" });
    /** The picture's left edge and width in frame widths (left 0: its left end shows; width 2: twice the frame). */
    const placed = async () => {
      const [outer, inner] = await Promise.all([frame.boundingBox(), picture.boundingBox()]);
      if (outer === null || inner === null) return null;
      const inFrames = (pixels: number) => Math.round((pixels / (outer.width - 2)) * 100) / 100; // 1 px border
      return { left: inFrames(inner.x - outer.x - 1), width: inFrames(inner.width) };
    };
    const pictureLeft = async () => (await placed())?.left;
    await expect.poll(placed).toEqual({ left: -0.5, width: 2 });
    expect(await picture.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(200);

    // Dragging the picture to the right shows its left end, and no further.
    const box = await frame.boundingBox();
    if (box === null) throw new Error("The crop frame is not shown.");
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width, box.y + box.height / 2, { steps: 5 });
    await page.mouse.move(box.x + box.width * 1.5, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(pictureLeft).toBe(0);
    await page.getByRole("button", { name: "Centre" }).click();
    await expect.poll(pictureLeft).toBe(-0.5);

    // Zoomed in as far as it goes: a square of 100 / 1.55 px, the most a 100 px high picture allows.
    const zoom = page.getByLabel("Zoom");
    await zoom.press("End");
    await expect.poll(placed).toEqual({ left: -1.05, width: 3.1 });
    await zoom.press("Home");
    await expect.poll(placed).toEqual({ left: -0.5, width: 2 });

    await frame.focus();
    await frame.press("ArrowRight");
    await expect.poll(pictureLeft).toBe(-0.55);
    for (let press = 0; press < 3; press++) await frame.press("Shift+ArrowRight");
    await expect.poll(pictureLeft).toBe(-1);
    await check("avatar-crop");

    const current = page.getByRole("img", { name: "Your current picture" });
    const before = await current.getAttribute("src");
    await page.getByRole("button", { name: "Use this picture" }).click();
    await status(/new picture is saved/i).waitFor();
    await expect.poll(() => current.getAttribute("src")).not.toBe(before);
    const saved = await current.evaluate(async (image: HTMLImageElement) => {
      const copy = new Image();
      copy.src = image.src;
      await copy.decode();
      const canvas = document.createElement("canvas");
      canvas.width = copy.naturalWidth;
      canvas.height = copy.naturalHeight;
      const context = canvas.getContext("2d");
      context?.drawImage(copy, 0, 0);
      // Read once: every further getImageData makes Chromium warn in the console, which the test watches.
      const { data } = context?.getImageData(0, 0, canvas.width, canvas.height) ?? { data: [] };
      const at = (x: number, y: number) => {
        const start = (y * canvas.width + x) * 4;
        return Array.from(data.slice(start, start + 3));
      };
      const far = canvas.width - 3;
      return { width: canvas.width, height: canvas.height, corners: [at(2, 2), at(far, 2), at(2, far), at(far, far)] };
    });
    expect({ width: saved.width, height: saved.height }).toEqual({ width: 512, height: 512 });
    // All blue: the right square was kept. Had the crop been ignored, the left half would be red.
    for (const [r = 0, g = 0, b = 0] of saved.corners) {
      expect(b).toBeGreaterThan(180);
      expect(r).toBeLessThan(80);
      expect(g).toBeLessThan(120);
    }
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

  it("unlinks Discord after I confirm, and refuses to unlink my last way to sign in in the API's words", async () => {
    // Linking Discord goes through Discord's OAuth, which this server has no client for: linked through core.
    const { accounts } = browsed.server.core.services;
    const me = await accounts.findByIdentity("email", "", email);
    await accounts.linkIdentity(
      { userId: me?.userId ?? "" },
      { provider: "discord", subject: "80351110224678912", username: "sam.okafor", displayName: "Sam Okafor" },
    );
    await page.reload();
    const row = (provider: string) => page.locator("ul.linked-accounts > li").filter({ hasText: provider });
    await expect.poll(() => row("Discord").textContent()).toContain("sam.okafor");
    expect(await row("Slack").textContent()).toContain("/skillswap login");

    await page.getByRole("button", { name: "Unlink Discord" }).click();
    const confirm = page.getByRole("button", { name: "Yes, unlink Discord" });
    await expect.poll(() => confirm.evaluate((button) => button === document.activeElement)).toBe(true);
    await check("account-unlink-confirm");
    await confirm.click();
    await status(/discord is unlinked/i).waitFor();
    await expect.poll(() => row("Discord").textContent()).not.toContain("sam.okafor");

    await page.getByRole("button", { name: "Unlink Email" }).click();
    await page.getByRole("button", { name: "Yes, unlink Email" }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toBe("You could no longer sign in without Email. Link Discord or Google first, then unlink Email.");
    expect(await row("Email").textContent()).toContain(email);
    await check("account-unlink-refused");
    // The refusal answers 409 on purpose: nothing else went wrong.
    expect(unexpected().filter((problem) => !/\b409\b/.test(problem.text))).toEqual([]);
    watched.clear();
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

    await confirmAccountDeletion(page);
    await status(/your account is deleted/i).waitFor();
    await page.getByRole("heading", { name: "Create an account" }).waitFor();
    expect(await page.getByRole("link", { name: "Account" }).count()).toBe(0);
    await check("account-deleted");
    expect(unexpected()).toEqual([]);

    await logInOnLanding(page, email, password);
    await page.locator("form#log-in .form-message").waitFor();
  });
});
