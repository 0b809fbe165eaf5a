import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  confirmAccountDeletion,
  freshEmail,
  logInOnLanding,
  publicPersonThroughApi,
  signInAs,
  signUpOnLanding,
  type PublicPerson,
} from "./support/accounts.js";
import {
  checkPage,
  hasChromium,
  openDashboard,
  pickCity,
  type BrowserDashboard,
  type WatchedPage,
} from "./support/browser-dashboard.js";
import * as admin from "./support/community-admin-steps.js";
import { postFromDiscord } from "./support/discord-messages.js";
import { noticeableProblems } from "./support/page-watch.js";
import { openConversationFromActiveSwaps, publishReview, requestSwapOnProfile } from "./support/swap-steps.js";
import { markFreeWithKeyboard } from "./support/availability-steps.js";
import { addSkillInWelcome } from "./support/welcome-steps.js";
import { onClockOf } from "./support/zoned-clock.js";

const minute = 60_000;
/** Amara's browser's zone: what the welcome offers, and the clock her sessions are scheduled on. */
const amarasZone = "Europe/Berlin";

/**
 * One person's whole way through SkillSwap, each step starting where the one before left off: Amara signs up, finds
 * Bruno (who teaches what she wants to learn and wants what she teaches), swaps, talks, meets and reviews; an admin
 * does their part; then Amara leaves. Every page visited is screenshot at desktop and phone sizes, and axe-scanned.
 */
describe.skipIf(!hasChromium)("a swap from sign-up to account deletion, in Chromium", { timeout: 120_000 }, () => {
  let browsed: BrowserDashboard;
  let amara: WatchedPage;
  let bruno: WatchedPage;
  let brunoProfile: PublicPerson;
  const amaraEmail = freshEmail("amara");
  let amaraHandle = "";
  let swapId = "";
  let conversationId = "";

  beforeAll(async () => {
    browsed = await openDashboard(process.env);
    const patient = { timeoutMs: 30_000 };
    [amara, bruno] = await Promise.all([
      browsed.openPage({ ...patient, context: { timezoneId: amarasZone } }),
      browsed.openPage(patient),
    ]);
    // Bruno arrives first, through the API: he teaches Esperanto and wants to learn the ukulele.
    brunoProfile = await publicPersonThroughApi(bruno.page, { name: "Bruno Valdivieso", email: freshEmail("bruno") }, [
      { skill: "Esperanto", direction: "teach", level: 5 },
      { skill: "Ukulele", direction: "learn", level: 2 },
    ]);
  }, 180_000);
  afterAll(() => browsed?.close());

  const check = (person: WatchedPage, name: string) => checkPage(person.page, `journey-${name}`);
  const heading = (person: WatchedPage) => person.page.getByRole("heading", { level: 1 });
  const confirmation = (person: WatchedPage) => person.page.locator("p[role=status].confirmation");
  const nav = (person: WatchedPage, name: string) =>
    person.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name });

  it("signs Amara up on the landing page and welcomes her: name, city and time zone, first skills", async () => {
    const { page } = amara;
    await signUpOnLanding(page, { name: "Amara Lindqvist", email: amaraEmail });
    await expect.poll(() => heading(amara).textContent()).toBe("Welcome to SkillSwap");
    await check(amara, "welcome-name");
    await page.getByRole("textbox", { name: "Your name" }).fill("Amara L.");
    await page.getByRole("button", { name: "Save and continue" }).click();

    await page.waitForURL("**/welcome?step=place");
    expect(await page.getByLabel("Time zone").inputValue()).toBe(amarasZone);
    const city = page.getByRole("combobox", { name: "City" });
    await pickCity(page, city, "Lyo", /^Lyon,/);
    await expect.poll(() => city.inputValue()).toMatch(/^Lyon, /);
    await check(amara, "welcome-place");
    await page.getByRole("button", { name: "Save and continue" }).click();

    await page.waitForURL("**/welcome?step=skills");
    await addSkillInWelcome(page, "Ukulele", "teach");
    await addSkillInWelcome(page, "Esperanto", "learn");
    await check(amara, "welcome-skills");
    await page.getByRole("button", { name: "Finish", exact: true }).click();

    await page.waitForURL("**/matches");
    await expect.poll(() => page.locator(".flash-notice[role=status]").textContent()).toMatch(/Amara L\./);
    await check(amara, "matches");
    amaraHandle = ((await (await page.request.get("/api/v1/me")).json()) as { handle: string }).handle;
    expect(noticeableProblems(amara.watched)).toEqual([]);
  });

  it("lets Amara add a skill and a weekly free time on the skills page, kept after a reload", async () => {
    const { page } = amara;
    await nav(amara, "Skills").click();
    await page.waitForURL("**/skills");
    await expect.poll(() => heading(amara).textContent()).toBe("Your skills and availability");
    const form = page.locator("form#add-skill");
    await form.getByRole("combobox", { name: "Skill" }).fill("Harmonica");
    await form.getByLabel("Learn it").check();
    await form.getByLabel("Level").selectOption("2");
    await form.getByRole("button", { name: "Add to my profile" }).click();
    const status = page.locator("section[aria-labelledby=my-skills-title] [role=status]");
    await expect.poll(() => status.textContent()).toMatch(/Harmonica added: you want to learn it, basics/);

    await markFreeWithKeyboard(page, "Tuesday", 18, 2);
    await page.getByRole("button", { name: "Save availability" }).click();
    await expect.poll(() => page.locator(".availability [role=status]").textContent()).toBe("Saved: 1 weekly slot.");
    await check(amara, "skills");

    await page.reload();
    await page.locator("li.my-skill", { has: page.getByRole("heading", { name: /^Harmonica/ }) }).waitFor();
    await page.getByRole("gridcell", { name: "Tuesday 18:00–18:30, free", exact: true }).waitFor();
    expect(noticeableProblems(amara.watched)).toEqual([]);
  });

  // Amara keeps the default and shares no community with Bruno: he sees her page all the same once she asks him
  // for a swap, and his review of her on it once they are done (see the steps below).
  it("shows Amara her profile editor, her profile shown to her communities only as it is by default", async () => {
    const { page } = amara;
    await nav(amara, "Edit profile").click();
    await page.waitForURL("**/settings/profile");
    const profile = page.locator("form#profile");
    await expect.poll(() => profile.getByLabel("People in your communities").isChecked()).toBe(true);
    await check(amara, "profile-editor");
    expect(noticeableProblems(amara.watched)).toEqual([]);
  });

  it("finds Bruno with a search and filters, opens his profile and requests a swap", async () => {
    const { page } = amara;
    await nav(amara, "Find people").click();
    await expect.poll(() => heading(amara).textContent()).toBe("Find people");
    const search = page.getByRole("search");
    await search.getByLabel("Skill, name or words").fill("Esperanto");
    await search.getByLabel("Category").selectOption({ label: "Languages" });
    await search.getByLabel("They").selectOption("teach");
    await search.getByLabel("Level at least").selectOption({ label: "Expert" });
    await search.getByRole("button", { name: "Search" }).click();
    await page.waitForURL((url) => url.search.includes("q=Esperanto") && url.search.includes("minLevel=5"));
    const card = page.locator("ul.people-results > li").filter({ hasText: brunoProfile.displayName });
    await card.waitFor();
    await check(amara, "people-search");

    await card.getByRole("link", { name: brunoProfile.displayName }).click();
    await page.waitForURL(`**/people/${brunoProfile.handle}`);
    await expect.poll(() => heading(amara).textContent()).toBe(brunoProfile.displayName);
    const form = page.locator("form.swap-form");
    await expect.poll(() => form.getByLabel("I teach in return").inputValue()).toBe("Ukulele");
    expect(await requestSwapOnProfile(page, "Saluton! Ukulele for Esperanto, Tuesday evenings?")).toBe(
      `Swap requested: ${brunoProfile.displayName} teaches you Esperanto, you teach Ukulele. They will be told.`,
    );
    await check(amara, "people-profile-requested");
    expect(noticeableProblems(amara.watched)).toEqual([]);
  });

  it("lets Bruno accept the request in his own browser, which opens a conversation for both", async () => {
    const { page } = bruno;
    await page.goto("/swaps");
    const card = page.locator(".swap-card", { hasText: "Swap with Amara L." });
    await card.getByText("Ukulele for Esperanto").waitFor();
    await check(bruno, "swaps-incoming");
    await card.getByRole("button", { name: "Accept the request from Amara L." }).click();
    await expect.poll(() => confirmation(bruno).textContent()).toMatch(/You accepted the swap with Amara L\./);

    conversationId = await openConversationFromActiveSwaps(page, "Amara L.");
    expect(noticeableProblems(bruno.watched)).toEqual([]);
  });

  it("carries their messages live both ways, and one Bruno writes on Discord, labelled with its surface", async () => {
    await amara.page.goto("/swaps");
    await check(amara, "swaps");
    expect(await openConversationFromActiveSwaps(amara.page, brunoProfile.displayName)).toBe(conversationId);
    for (const person of [amara, bruno]) await person.page.getByText("Live: new messages appear").waitFor();
    const amarasLog = amara.page.getByRole("log", { name: "Messages" });
    const brunosLog = bruno.page.getByRole("log", { name: "Messages" });

    await amara.page.getByLabel("Your message").fill("Does Tuesday at seven suit you?");
    await amara.page.getByRole("button", { name: "Send" }).click();
    const fromAmara = brunosLog.locator("li", { hasText: "Tuesday at seven" });
    await fromAmara.waitFor();
    expect(await fromAmara.locator(".message-author").textContent()).toBe("Amara L.");
    expect(await fromAmara.locator(".surface").textContent()).toBe("on the web");

    await bruno.page.getByLabel("Your message").fill("Jes, bonege! Tuesday at seven.");
    await bruno.page.getByRole("button", { name: "Send" }).click();
    await amarasLog.locator("li", { hasText: "Jes, bonege!" }).waitFor();

    await postFromDiscord(browsed.server.core, brunoProfile.handle, conversationId, "Written in the Discord thread.");
    const fromDiscord = amarasLog.locator("li", { hasText: "Written in the Discord thread." });
    await fromDiscord.waitFor();
    expect(await fromDiscord.locator(".message-author").textContent()).toBe(brunoProfile.displayName);
    expect(await fromDiscord.locator(".surface").textContent()).toBe("from Discord");
    // Each message once: the sender's own post and its live echo are one message.
    expect(await amarasLog.locator("li", { hasText: "Tuesday at seven suit you" }).count()).toBe(1);
    await check(amara, "conversation");
    await check(bruno, "conversation-other-side");
    expect(noticeableProblems(amara.watched)).toEqual([]);
    expect(noticeableProblems(bruno.watched)).toEqual([]);
  });

  it("schedules a session on Amara's clock, and once it is over both confirm that it took place", async () => {
    const { page } = amara;
    await page.getByRole("link", { name: "The swap and its sessions" }).click();
    await page.waitForURL("**/swaps/*");
    swapId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
    await expect.poll(() => heading(amara).textContent()).toBe(`Swap with ${brunoProfile.displayName}`);
    const startsAt = onClockOf(amarasZone, new Date(browsed.server.core.clock.now().getTime() + 5 * minute));
    const form = page.locator("form", { has: page.getByRole("heading", { name: "Schedule a session" }) });
    await form.getByText(`your time, ${amarasZone}`).waitFor();
    await form.getByLabel("Date").fill(startsAt.date);
    await form.getByLabel("Time").fill(startsAt.time);
    await form.getByLabel("Length").selectOption("15");
    await check(amara, "swap-schedule");
    await form.getByRole("button", { name: "Schedule" }).click();
    await expect.poll(() => confirmation(amara).textContent()).toMatch(/session scheduled/);

    // The server's clock is the test's: twenty-one minutes on, the fifteen-minute session is over.
    browsed.server.core.clock.advance(21 * minute);
    await page.reload();
    await page.getByRole("button", { name: /^It took place/ }).click();
    await expect.poll(() => confirmation(amara).textContent()).toMatch(/You confirmed the .* session/);

    await bruno.page.goto(`/swaps/${swapId}`);
    await bruno.page.getByRole("button", { name: /^It took place/ }).click();
    await expect.poll(() => confirmation(bruno).textContent()).toMatch(/took place/);
    await bruno.page.getByRole("heading", { name: "Review Amara L." }).waitFor();
    await check(bruno, "swap-review-form");
    expect(noticeableProblems(amara.watched)).toEqual([]);
    expect(noticeableProblems(bruno.watched)).toEqual([]);
  });

  it("takes both reviews, and shows each on the other person's profile with their rating", async () => {
    await publishReview(bruno.page, "Amara L.", 5, "Amara plays beautifully and explains every chord.");

    await amara.page.reload();
    await publishReview(amara.page, brunoProfile.displayName, 4, "Patient and clear: my first Esperanto sentences!");

    const seen = [
      { viewer: amara, handle: brunoProfile.handle, text: "my first Esperanto sentences", rating: "4 out of 5" },
      { viewer: bruno, handle: amaraHandle, text: "explains every chord", rating: "5 out of 5" },
    ];
    for (const { viewer, handle, text, rating } of seen) {
      await viewer.page.goto(`/people/${handle}`);
      const review = viewer.page
        .getByRole("region", { name: "Reviews" })
        .getByRole("listitem")
        .filter({ hasText: text });
      await review.waitFor();
      expect(await review.textContent()).toContain(rating);
      expect(await viewer.page.locator("dl.facts").textContent()).toMatch(/Rating.*out of 5, from 1/);
      await check(viewer, `profile-reviewed-${handle}`);
    }
    expect(noticeableProblems(amara.watched)).toEqual([]);
    expect(noticeableProblems(bruno.watched)).toEqual([]);
  });

  it("lets a community admin link a channel to a group and resolve a report", async () => {
    const maria = await signInAs(browsed, "María López", { timeoutMs: 30_000 });
    try {
      await admin.openCommunityAdmin(maria.page, "Makers & Learners");
      await maria.page.getByRole("heading", { name: "A forum reply", exact: true }).waitFor();
      await check(maria, "admin");
      await admin.linkChannelToGroup(maria.page, {
        channelId: admin.demoChannelId,
        group: "Guitar circle",
        kind: "Chat",
      });
      await admin.resolveReport(maria.page, "a forum reply");
      const audit = maria.page.getByRole("region", { name: "Audit log" });
      await audit.getByRole("cell", { name: "Linked a channel" }).waitFor();
      await audit.getByRole("cell", { name: "Resolved a report" }).waitFor();
      await check(maria, "admin-after-actions");
      expect(noticeableProblems(maria.watched)).toEqual([]);
    } finally {
      await maria.context.close();
    }
  });

  it("deletes Amara's account once she confirms with her handle, after which she cannot sign in", async () => {
    const { page } = amara;
    await nav(amara, "Account").click();
    await page.waitForURL("**/account");
    await expect.poll(() => heading(amara).textContent()).toBe("Your account");
    await check(amara, "account");
    await page.getByRole("button", { name: "Delete my account…" }).click();
    await confirmAccountDeletion(page);
    await page.getByText(/your account is deleted/i).waitFor();
    await check(amara, "account-deleted");

    await logInOnLanding(page, amaraEmail);
    await page.locator("form#log-in .form-message").waitFor();
    expect(await page.getByRole("link", { name: "Account" }).count()).toBe(0);
    // The refused log-in (403, as for any wrong password) is the only failing request, as the browser logs it.
    expect(noticeableProblems(amara.watched).filter((problem) => !/\b403\b/.test(problem.text))).toEqual([]);
  });
});
