import type { Page } from "playwright-core";
import { expect } from "vitest";
import type { BrowserDashboard, PageOptions, WatchedPage } from "./browser-dashboard.js";

/** A password every sign-up form and API takes: long enough, and in no list of common passwords. */
export const strongPassword = "a long walk to the river bank";

export interface NewAccount {
  readonly name: string;
  readonly email: string;
  readonly password?: string;
}

/** An email address nobody has used on this server yet, so test files and reruns never collide. */
export const freshEmail = (who: string) => `${who}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;

/** Signs up with the landing page's form, which leads to the first step of the welcome. */
export async function signUpOnLanding(page: Page, account: NewAccount): Promise<void> {
  await page.goto("/");
  const form = page.locator("form#sign-up");
  await form.getByLabel("Your name").fill(account.name);
  await form.getByLabel("Email").fill(account.email);
  await form.getByLabel("Password", { exact: true }).fill(account.password ?? strongPassword);
  await form.getByRole("button", { name: "Create my account" }).click();
  await page.waitForURL("**/welcome?step=name");
}

/** A demo person to try, signed in with one click in a browser context of their own. */
export async function signInAs(browsed: BrowserDashboard, name: string, options?: PageOptions): Promise<WatchedPage> {
  const person = await browsed.openPage(options);
  await person.page.goto("/");
  await person.page.getByRole("button", { name: `Try it as ${name}` }).click();
  await person.page.waitForURL("**/me");
  await person.page.getByRole("link", { name: "Swaps" }).waitFor();
  return person;
}

export interface PublicPerson {
  readonly handle: string;
  readonly displayName: string;
}

export interface SkillOnProfile {
  readonly skill: string;
  readonly direction: "teach" | "learn";
  readonly level: number;
}

/**
 * Someone arranged through the API, as the dashboard's own calls would: signed up in this page's context (which
 * stays signed in as them), a public profile (a new account shares no community with anyone), and skills.
 */
export async function publicPersonThroughApi(
  page: Page,
  account: NewAccount,
  skills: readonly SkillOnProfile[],
): Promise<PublicPerson> {
  const signedUp = await page.request.post("/api/v1/auth/signup", {
    data: { displayName: account.name, email: account.email, password: account.password ?? strongPassword },
  });
  expect(signedUp.status()).toBe(201);
  const { handle, displayName } = (await signedUp.json()) as PublicPerson;
  const { csrfToken } = (await (await page.request.get("/api/v1/auth/session")).json()) as { csrfToken: string };
  const headers = { "x-csrf-token": csrfToken };
  expect((await page.request.patch("/api/v1/me", { headers, data: { visibility: "public" } })).status()).toBe(200);
  for (const skill of skills)
    expect((await page.request.post("/api/v1/me/skills", { headers, data: { ...skill, notes: "" } })).status()).toBe(
      201,
    );
  return { handle, displayName };
}

/** Fills and sends the landing page's log-in form; what it leads to is for the caller to wait for. */
export async function logInOnLanding(page: Page, email: string, password = strongPassword): Promise<void> {
  const form = page.locator("form#log-in");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill(password);
  await form.getByRole("button", { name: "Log in" }).click();
}

/**
 * On /account, with the deletion asked for: types the handle the label asks for and deletes for good, which
 * leads back to the home page.
 */
export async function confirmAccountDeletion(page: Page): Promise<void> {
  const label = await page.locator('label[for="delete-account-confirmHandle"]').textContent();
  await page.getByLabel(/type your handle/i).fill(/handle, (\S+), to confirm/.exec(label ?? "")?.[1] ?? "");
  await page.getByRole("button", { name: "Delete my account for good" }).click();
  await page.waitForURL((url) => url.pathname === "/");
}
