import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkPage,
  hasChromium,
  openDashboard,
  type BrowserDashboard,
  type WatchedPage,
} from "./support/browser-dashboard.js";
import { signInAs } from "./support/accounts.js";
import { postFromDiscord } from "./support/discord-messages.js";
import { noticeableProblems, type Problem } from "./support/page-watch.js";
import { openConversationFromActiveSwaps, publishReview } from "./support/swap-steps.js";
import { onClockOf } from "./support/zoned-clock.js";

const minute = 60_000;

/** One person in a browser context of their own, signed in with "try it as". */
type Person = WatchedPage;

const noticeable = (person: Person): Problem[] => noticeableProblems(person.watched);

describe.skipIf(!hasChromium)(
  "swaps, a live conversation, sessions and reviews in Chromium",
  { timeout: 120_000 },
  () => {
    let browsed: BrowserDashboard;
    let sam: Person;
    let theo: Person;
    let swapId = "";
    let conversationId = "";
    const ratingsBefore = new Map<string, number>();

    beforeAll(async () => {
      browsed = await openDashboard(process.env);
      const patient = { timeoutMs: 30_000 };
      [sam, theo] = await Promise.all([
        signInAs(browsed, "Sam Okafor", patient),
        signInAs(browsed, "Théo Martin", patient),
      ]);
      for (const handle of ["sam-okafor", "theo-martin"]) ratingsBefore.set(handle, await ratingCount(handle));
    }, 180_000);
    afterAll(() => browsed?.close());

    async function ratingCount(handle: string): Promise<number> {
      const answer = await sam.page.request.get(`/api/v1/users/${handle}`);
      expect(answer.status()).toBe(200);
      return ((await answer.json()) as { rating: { count: number } }).rating.count;
    }

    const check = (person: Person, name: string) => checkPage(person.page, name);

    const heading = (person: Person) => person.page.getByRole("heading", { level: 1 });
    const status = (person: Person) => person.page.locator("p[role=status].confirmation");

    it("shows Sam's request to Théo in Sam's outgoing box, with only the move to withdraw it", async () => {
      const session = await sam.page.request.get("/api/v1/auth/session");
      const { csrfToken } = (await session.json()) as { csrfToken: string };
      const asked = await sam.page.request.post("/api/v1/swaps", {
        headers: { "x-csrf-token": csrfToken },
        data: { to: "theo-martin", want: "French", message: "Bonjour Théo! French conversation on Tuesdays?" },
      });
      expect(asked.status()).toBe(201);
      swapId = ((await asked.json()) as { id: string }).id;

      await sam.page.getByRole("link", { name: "Swaps" }).click();
      await sam.page.getByRole("link", { name: "Outgoing" }).click();
      await sam.page.waitForURL("**/swaps?box=outgoing");
      const card = sam.page.locator(".swap-card", { hasText: "Swap with Théo Martin" });
      await card.getByText("Théo Martin teaches you French").waitFor();
      expect(await card.getByRole("button", { name: /Withdraw request/ }).count()).toBe(1);
      expect(await card.getByRole("button", { name: /Accept/ }).count()).toBe(0);
      expect(await heading(sam).count()).toBe(1);
      await check(sam, "swaps-outgoing");
      expect(noticeable(sam)).toEqual([]);
    });

    it("lets Théo accept it from his incoming box, announces it, and moves it to his active swaps", async () => {
      await theo.page.goto("/swaps");
      await theo.page.getByRole("link", { name: /^Swaps \(\d+ waiting\)$/ }).waitFor();
      const card = theo.page.locator(".swap-card", { hasText: "Swap with Sam Okafor" });
      await card.getByText("Bonjour Théo!").waitFor();
      await card.getByRole("button", { name: "Decline the request from Sam Okafor" }).click();
      await card.getByLabel("Reason (optional)").waitFor();
      await check(theo, "swaps-incoming-declining");
      await card.getByRole("button", { name: "Keep it" }).click();
      await card.getByRole("button", { name: "Accept the request from Sam Okafor" }).click();
      await expect.poll(() => status(theo).textContent()).toMatch(/You accepted the swap with Sam Okafor/);
      await expect.poll(() => card.count()).toBe(0);

      conversationId = await openConversationFromActiveSwaps(theo.page, "Sam Okafor");
      expect(conversationId).not.toBe("");
      expect(noticeable(theo)).toEqual([]);
    });

    it("carries messages live both ways, each labelled with its author and surface, and a Discord one too", async () => {
      await sam.page.goto(`/conversations/${conversationId}`);
      for (const person of [sam, theo]) {
        await expect.poll(() => heading(person).textContent()).toMatch(/Conversation with/);
        await person.page.getByText("Live: new messages appear").waitFor();
      }
      const samLog = sam.page.getByRole("log", { name: "Messages" });
      const theoLog = theo.page.getByRole("log", { name: "Messages" });

      await sam.page.getByLabel("Your message").fill("Salut Théo ! Mardi soir, ça te va ?");
      await sam.page.getByRole("button", { name: "Send" }).click();
      const samsMessage = theoLog.locator("li", { hasText: "Mardi soir" });
      await samsMessage.waitFor();
      expect(await samsMessage.locator(".message-author").textContent()).toBe("Sam Okafor");
      expect(await samsMessage.locator(".surface").textContent()).toBe("on the web");

      await theo.page.getByLabel("Your message").fill("Parfait, mardi 19h.");
      await theo.page.getByLabel("Your message").press("Control+Enter");
      await samLog.locator("li", { hasText: "mardi 19h" }).waitFor();
      expect(await samLog.locator("li", { hasText: "mardi 19h" }).locator(".message-author").textContent()).toBe(
        "Théo Martin",
      );

      await postFromDiscord(
        browsed.server.core,
        "theo-martin",
        conversationId,
        "Sent from my phone, in the Discord thread.",
      );
      const fromDiscord = samLog.locator("li", { hasText: "in the Discord thread" });
      await fromDiscord.waitFor();
      expect(await fromDiscord.locator(".surface").textContent()).toBe("from Discord");
      // Each message once: the sender's own post and its live echo are one message.
      expect(await samLog.locator("li", { hasText: "Mardi soir" }).count()).toBe(1);
      await check(sam, "conversation");

      await theo.page.getByRole("link", { name: /^Messages/ }).click();
      await expect.poll(() => heading(theo).textContent()).toBe("Messages");
      const listed = theo.page.locator(".swap-card", { hasText: "Sam Okafor" });
      await listed.getByText("in the Discord thread").waitFor();
      await check(theo, "conversations");
      await theo.page.goBack();
      await theo.page.getByRole("log", { name: "Messages" }).locator("li", { hasText: "Mardi soir" }).waitFor();
      expect(noticeable(sam)).toEqual([]);
      expect(noticeable(theo)).toEqual([]);
    });

    it("schedules a session on Sam's own clock, and after it both confirm it took place", async () => {
      await sam.page.getByRole("link", { name: "The swap and its sessions" }).click();
      await sam.page.waitForURL(`**/swaps/${swapId}`);
      await expect.poll(() => heading(sam).textContent()).toBe("Swap with Théo Martin");
      const me = (await (await sam.page.request.get("/api/v1/me")).json()) as { timeZone: string };
      // The server's clock is the test's: minutes from its now, read on Sam's clock.
      const onSamsClock = (instant: Date) => onClockOf(me.timeZone, instant);
      const firstProposal = new Date(browsed.server.core.clock.now().getTime() + 3 * minute);
      const startsAt = new Date(browsed.server.core.clock.now().getTime() + 5 * minute);
      const form = sam.page.locator("form", { has: sam.page.getByRole("heading", { name: "Schedule a session" }) });
      await form.getByText(`your time, ${me.timeZone}`).waitFor();
      await form.getByLabel("Date").fill(onSamsClock(firstProposal).date);
      await form.getByLabel("Time").fill(onSamsClock(firstProposal).time);
      await form.getByLabel("Length").selectOption("15");
      await form.getByLabel("Link or address (optional)").fill("https://meet.example/french");
      await check(sam, "swap-schedule");
      await form.getByRole("button", { name: "Schedule" }).click();
      await expect.poll(() => status(sam).textContent()).toMatch(/French session scheduled/);
      const session = sam.page.locator(".session", { hasText: "French" });
      await session.getByRole("button", { name: /^Move/ }).click();
      await session.getByLabel("Date").fill(onSamsClock(startsAt).date);
      await session.getByLabel("Time").fill(onSamsClock(startsAt).time);
      await session.getByRole("button", { name: "Move it" }).click();
      await expect.poll(() => status(sam).textContent()).toMatch(/The French session moved to/);
      const sessions = (await (await sam.page.request.get(`/api/v1/swaps/${swapId}/sessions`)).json()) as {
        items: Array<{ startsAt: string }>;
      };
      expect(sessions.items.map((s) => s.startsAt)).toEqual([startsAt.toISOString()]);

      // Twenty-one minutes on: the fifteen-minute session has ended, and nobody has been idle long enough to be
      // signed out.
      browsed.server.core.clock.advance(21 * minute);
      await sam.page.reload();
      await sam.page.getByRole("button", { name: /^It took place/ }).click();
      await expect.poll(() => status(sam).textContent()).toMatch(/You confirmed the French session/);

      await theo.page.goto(`/swaps/${swapId}`);
      await theo.page.getByRole("button", { name: /^It took place/ }).click();
      await expect.poll(() => status(theo).textContent()).toMatch(/took place/);
      await theo.page.getByRole("heading", { name: "Review Sam Okafor" }).waitFor();
      await check(theo, "swap-review-form");
      expect(noticeable(sam)).toEqual([]);
      expect(noticeable(theo)).toEqual([]);
    });

    it("takes both reviews, shows the API's sentence next to a missing rating, and Sam replies to his", async () => {
      const review = theo.page.locator("form#review");
      await review.getByRole("button", { name: "Publish review" }).click();
      await expect.poll(() => review.locator("#review-rating-error").count()).toBe(1);
      theo.watched.clear();
      await publishReview(theo.page, "Sam Okafor", 5, "Sam came with questions every time. Super élève !");

      await sam.page.reload();
      await publishReview(sam.page, "Théo Martin", 4, "Patient, funny, and very clear.");

      await sam.page.getByRole("link", { name: "Reviews" }).click();
      await expect.poll(() => heading(sam).textContent()).toBe("Reviews about you");
      const theirs = sam.page.locator(".review", { hasText: "Super élève" });
      await theirs.getByLabel("Your reply to Théo Martin").fill("Merci Théo, à mardi !");
      await theirs.getByRole("button", { name: "Reply" }).click();
      await expect.poll(() => status(sam).textContent()).toMatch(/Your reply to Théo Martin is published/);
      await theirs.getByText("Merci Théo, à mardi !").waitFor();
      await check(sam, "reviews-received");
      expect(noticeable(sam)).toEqual([]);
      expect(noticeable(theo)).toEqual([]);
    });

    it("shows both ratings on both profiles, and the completed swap in the completed box", async () => {
      for (const handle of ["sam-okafor", "theo-martin"])
        expect(await ratingCount(handle), handle).toBe((ratingsBefore.get(handle) ?? 0) + 1);
      await theo.page.goto("/swaps?box=completed");
      await theo.page.locator(".swap-card", { hasText: "Swap with Sam Okafor" }).first().waitFor();
      await check(theo, "swaps-completed");
      expect(noticeable(theo)).toEqual([]);
    });
  },
);
