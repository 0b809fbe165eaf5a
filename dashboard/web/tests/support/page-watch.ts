import type { Page } from "playwright-core";

/** Something a person would see go wrong in the browser's console or network panel. */
export interface Problem {
  readonly kind: "console" | "page error" | "failed request" | "error response";
  readonly text: string;
}

/**
 * Collects console errors and warnings, uncaught exceptions, requests that failed and answers of 400 and above,
 * for a test to assert there were none (or exactly the ones a step expects, such as a refused password).
 */
export function watchPage(page: Page): { readonly problems: Problem[]; clear(): void } {
  const problems: Problem[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning")
      problems.push({ kind: "console", text: `${message.type()}: ${message.text()}` });
  });
  page.on("pageerror", (error) => problems.push({ kind: "page error", text: error.message }));
  page.on("requestfailed", (request) =>
    problems.push({
      kind: "failed request",
      text: `${request.method()} ${request.url()}: ${request.failure()?.errorText}`,
    }),
  );
  page.on("response", (response) => {
    if (response.status() >= 400)
      problems.push({
        kind: "error response",
        text: `${response.request().method()} ${response.url()} ${response.status()}`,
      });
  });
  return { problems, clear: () => problems.splice(0) };
}

/**
 * The problems a person would notice. Closing a live stream (leaving a conversation, reloading) cancels its
 * request, and the browser lists that in the network panel: no problem for anyone.
 */
export function noticeableProblems(watched: { readonly problems: readonly Problem[] }): Problem[] {
  return watched.problems.filter(
    (problem) => !(problem.kind === "failed request" && /\/events(\?|:)/.test(problem.text)),
  );
}
