import type { Page } from "playwright-core";
import { expect } from "vitest";

/** A channel id of the demo's Discord guild: the guild is not real, and the API takes any channel id of it. */
export const demoChannelId = "1100000000000000042";

const confirmation = (page: Page) => page.locator("p[role=status].confirmation");

/** On /admin: links a channel to a group as its chat or forum, and waits until the page says so. */
export async function linkChannelToGroup(
  page: Page,
  link: { readonly channelId: string; readonly group: string; readonly kind: "Chat" | "Forum" },
): Promise<void> {
  const links = page.getByRole("region", { name: "Channels linked to groups" });
  await links.getByLabel("Channel id").fill(link.channelId);
  await links.getByLabel("Group").selectOption({ label: link.group });
  await links.getByRole("radio", { name: link.kind }).check();
  await links.getByRole("button", { name: "Link the channel" }).click();
  await expect
    .poll(() => confirmation(page).textContent())
    .toBe(`Channel ${link.channelId} is now the ${link.kind.toLowerCase()} of ${link.group}.`);
  await links.getByRole("button", { name: `Unlink channel ${link.channelId}` }).waitFor();
}

/** On /admin: resolves the open report of what its label names ("a forum reply"), and waits until it is gone. */
export async function resolveReport(page: Page, what: string): Promise<void> {
  const reports = page.getByRole("region", { name: "Open reports" });
  const report = reports.getByRole("listitem").filter({ hasText: new RegExp(what, "i") });
  await report.getByRole("button", { name: `Resolve the report of ${what}` }).click();
  await expect.poll(() => confirmation(page).textContent()).toBe(`The report of ${what} is resolved.`);
  await expect.poll(() => report.count()).toBe(0);
}

/** Opens /admin from the navigation, which only a community's admin has, and waits for its title. */
export async function openCommunityAdmin(page: Page, community: string): Promise<void> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  await page.waitForURL("**/admin");
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(`Admin of ${community}`);
}
