import type { Page, Request } from "playwright-core";

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
  // A page that navigates away cancels the fetches its old document still had in flight (ERR_ABORTED): the
  // person asked to leave, so nothing went wrong. Only requests issued before a later main-frame navigation
  // are forgiven; an abort with no navigation after it is still a problem.
  let issued = 0;
  let lastNavigation = 0;
  const issuedAt = new WeakMap<Request, number>();
  page.on("request", (request) => {
    issuedAt.set(request, ++issued);
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) lastNavigation = issued;
  });
  page.on("requestfailed", (request) => {
    const errorText = request.failure()?.errorText ?? "";
    const leftBehind = errorText.includes("ERR_ABORTED") && (issuedAt.get(request) ?? Infinity) < lastNavigation;
    if (!leftBehind)
      problems.push({ kind: "failed request", text: `${request.method()} ${request.url()}: ${errorText}` });
  });
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
