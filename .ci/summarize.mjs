// Prints the closing line CI is judged by, "N passed, N failed", from vitest's JSON report.
// A check step that failed before the tests (lint, type-check, drift) counts as one failure each.
import { existsSync, readFileSync } from "node:fs";

const [reportPath = "test-results/vitest.json", failedStepsArg = "0"] = process.argv.slice(2);
const failedSteps = Number(failedStepsArg) || 0;
let passed = 0;
let failed = failedSteps;
if (existsSync(reportPath)) {
  const report = JSON.parse(readFileSync(reportPath, "utf8"));
  passed = report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  // A suite that fails to load reports no tests at all: count it, or a broken file would look green.
  failed += (report.testResults ?? []).filter(
    (file) => file.status === "failed" && (file.assertionResults ?? []).length === 0,
  ).length;
} else {
  console.log("No test report was written.");
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
