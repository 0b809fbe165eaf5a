import type { Page } from "playwright-core";
import { expect } from "vitest";

/**
 * On someone's profile: requests a swap with what the form offers (their first skill, my first skill in return)
 * and a message, and returns the sentence that confirms it.
 */
export async function requestSwapOnProfile(page: Page, message: string): Promise<string> {
  const form = page.locator("form.swap-form");
  // The button waits for my own skills, which the form offers in return.
  await expect.poll(() => form.getByRole("button", { name: "Request a swap" }).isEnabled()).toBe(true);
  await form.getByLabel("Message (optional)").fill(message);
  await form.getByRole("button", { name: "Request a swap" }).click();
  const sent = form.getByRole("status").filter({ hasText: "Swap requested" });
  await sent.waitFor();
  return (await sent.textContent()) ?? "";
}

/**
 * On a swap's page, once a session took place: publishes a review with its stars and words, and waits for the
 * page to confirm it ("Thank you for your review of …").
 */
export async function publishReview(page: Page, partner: string, stars: number, text: string): Promise<void> {
  const review = page.locator("form#review");
  await review.getByRole("radio", { name: new RegExp(`^${stars}`) }).check();
  await review.getByLabel(/What was it like/).fill(text);
  await review.getByRole("button", { name: "Publish review" }).click();
  await expect
    .poll(() => page.locator("p[role=status].confirmation").textContent())
    .toContain(`your review of ${partner}`);
}

/** On /swaps: opens the conversation of the active swap with `partner` from the Active box, and returns its id. */
export async function openConversationFromActiveSwaps(page: Page, partner: string): Promise<string> {
  await page.getByRole("link", { name: "Active" }).click();
  const card = page.locator(".swap-card", { hasText: `Swap with ${partner}` });
  await card.getByRole("link", { name: `Conversation with ${partner}` }).click();
  await page.waitForURL("**/conversations/*");
  return new URL(page.url()).pathname.split("/").at(-1) ?? "";
}
