import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkPage,
  hasChromium,
  openDashboard,
  type BrowserDashboard,
  type WatchedPage,
} from "./support/browser-dashboard.js";
import { signInAs } from "./support/accounts.js";
import {
  demoChannelId,
  linkChannelToGroup,
  openCommunityAdmin,
  resolveReport,
} from "./support/community-admin-steps.js";

describe.skipIf(!hasChromium)(
  "groups, their forums and the community admin page in Chromium",
  { timeout: 120_000 },
  () => {
    let browsed: BrowserDashboard;
    let sam: WatchedPage;
    let maria: WatchedPage;

    beforeAll(async () => {
      browsed = await openDashboard(process.env);
      const patient = { timeoutMs: 30_000 };
      [sam, maria] = await Promise.all([
        signInAs(browsed, "Sam Okafor", patient),
        signInAs(browsed, "María López", patient),
      ]);
    }, 180_000);
    afterAll(() => browsed?.close());

    const heading = (person: WatchedPage) => person.page.getByRole("heading", { level: 1 });
    const status = (person: WatchedPage) => person.page.locator("p[role=status].confirmation");

    it("shows Sam the groups, then a group's members, roles and forum threads", async () => {
      const { page } = sam;
      expect(await page.getByRole("link", { name: "Admin" }).count()).toBe(0);
      await page.getByRole("link", { name: "Groups" }).click();
      await page.waitForURL("**/groups");
      await page.getByRole("link", { name: "Web developers" }).waitFor();
      expect(await heading(sam).textContent()).toBe("Groups");
      await checkPage(page, "groups-list");

      await page.getByRole("link", { name: "Web developers" }).click();
      await page.waitForURL("**/groups/web-devs");
      await expect.poll(() => heading(sam).textContent()).toBe("Web developers");
      await page.getByText("You are a member.").waitFor();
      const members = page.getByRole("region", { name: "Members" });
      await members.getByRole("link", { name: "Sam Okafor" }).waitFor();
      expect(await members.getByText("Owner").count()).toBeGreaterThanOrEqual(1);
      await page.getByRole("link", { name: /Show your first project/ }).waitFor();
      await checkPage(page, "groups-detail");
      expect(sam.watched.problems).toEqual([]);
    });

    it("lets Sam reply in a thread and then edit the reply, announcing both", async () => {
      const { page } = sam;
      await page.getByRole("link", { name: /Show your first project/ }).click();
      await page.waitForURL("**/groups/web-devs/threads/*");
      await expect.poll(() => heading(sam).textContent()).toMatch(/Show your first project/);
      await page.locator(".post-item").first().waitFor();
      await checkPage(page, "groups-thread");

      await page.getByLabel("Write a reply").fill("A to-do list in TypeScript, with tests!");
      await page.getByRole("button", { name: "Post the reply" }).click();
      await expect.poll(() => status(sam).textContent()).toBe("Your reply is posted.");
      const reply = page.locator(".post-item", { hasText: "A to-do list in TypeScript, with tests!" });
      await reply.waitFor();

      await reply.getByRole("button", { name: "Edit your reply" }).click();
      const field = reply.getByRole("textbox", { name: "Your reply" });
      await field.fill("A to-do list in TypeScript, with tests and a dark mode!");
      await checkPage(page, "groups-thread-editing");
      await reply.getByRole("button", { name: "Save the reply" }).click();
      await expect.poll(() => status(sam).textContent()).toBe("Your reply is saved.");
      const edited = page.locator(".post-item", { hasText: "with tests and a dark mode!" });
      await edited.getByText("edited").waitFor();

      await page.reload();
      await page.locator(".post-item", { hasText: "with tests and a dark mode!" }).waitFor();
      expect(
        await page
          .locator(".post-item", { hasText: "with tests and a dark mode!" })
          .getByRole("button", { name: "Edit your reply" })
          .count(),
      ).toBe(1);
      expect(sam.watched.problems).toEqual([]);
    });

    it("tells someone who administers no community that the admin page is not for them", async () => {
      await sam.page.goto("/admin");
      await expect.poll(() => heading(sam).textContent()).toBe("Community admin");
      await sam.page.getByText("You are not an admin of any community.").waitFor();
      await checkPage(sam.page, "admin-not-an-admin");
    });

    it("lets María link a channel to a group and resolve the report of the spam post, both in the audit log", async () => {
      const { page } = maria;
      await openCommunityAdmin(page, "Makers & Learners");
      const reports = page.getByRole("region", { name: "Open reports" });
      const spam = reports.getByRole("listitem").filter({ hasText: "A forum reply" });
      await spam.waitFor();
      await page
        .getByRole("region", { name: "Audit log" })
        .getByText(/Nothing yet|When/)
        .first()
        .waitFor();
      await checkPage(page, "admin");

      await linkChannelToGroup(page, { channelId: demoChannelId, group: "Guitar circle", kind: "Forum" });
      await resolveReport(page, "a forum reply");

      const audit = page.getByRole("region", { name: "Audit log" });
      await audit.getByRole("cell", { name: "Resolved a report" }).waitFor();
      await audit.getByRole("cell", { name: "Linked a channel" }).waitFor();
      await checkPage(page, "admin-after-actions");

      await page.reload();
      await page.getByRole("region", { name: "Audit log" }).getByRole("cell", { name: "Linked a channel" }).waitFor();
      expect(
        await page
          .getByRole("region", { name: "Open reports" })
          .getByRole("listitem")
          .filter({ hasText: "A forum reply" })
          .count(),
      ).toBe(0);
      expect(maria.watched.problems).toEqual([]);
    });
  },
);
