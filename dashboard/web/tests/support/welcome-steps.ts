import type { Page } from "playwright-core";
import { expect } from "vitest";

/**
 * On the welcome's last step: adds a skill to teach or to learn, and waits for the sentence that says so
 * ("Guitar added. You teach Guitar…").
 */
export async function addSkillInWelcome(page: Page, skill: string, direction: "teach" | "learn"): Promise<void> {
  const form = page.locator("form#add-skill");
  await form.getByRole("combobox", { name: "Skill" }).fill(skill);
  await form.getByLabel(direction === "teach" ? "Teach it" : "Learn it").check();
  await form.getByRole("button", { name: "Add to my profile" }).click();
  const said = direction === "teach" ? `You teach ${skill}` : `You want to learn ${skill}`;
  await expect
    .poll(() => page.locator(".welcome-step p[role=status]").textContent())
    .toContain(`${skill} added. ${said}`);
}
