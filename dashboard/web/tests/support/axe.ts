import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AxeResults, ImpactValue } from "axe-core";
import type { Page } from "playwright-core";

declare global {
  interface Window {
    readonly axe: { run(context: Document): Promise<AxeResults> };
  }
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const blocking: readonly ImpactValue[] = ["serious", "critical"];

/**
 * Runs axe-core in the page and returns its serious and critical violations, each with the elements at fault.
 * The script is evaluated through the DevTools protocol, not added as a <script>: the page's CSP refuses inline
 * scripts, and must stay as strict during the test as in production.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() => window.axe.run(document));
  return results.violations
    .filter((violation) => violation.impact != null && blocking.includes(violation.impact))
    .map((v) => `${v.impact ?? ""} ${v.id}: ${v.help} (${v.nodes.map((node) => node.target.join(" ")).join("; ")})`);
}
