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
  const seen: Problem[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning")
      seen.push({ kind: "console", text: `${message.type()}: ${message.text()}` });
  });
  page.on("pageerror", (error) => seen.push({ kind: "page error", text: error.message }));
  // A page that navigates away cancels the fetches its old document still had in flight (ERR_ABORTED): the
  // person asked to leave, so nothing went wrong. Such an abort is forgiven when a main-frame navigation started
  // after its request was issued — judged when the problems are read, as the browser may report the abort before
  // the navigation that caused it. An abort with no navigation after it is still a problem.
  let issued = 0;
  let lastNavigation = 0;
  const issuedAt = new WeakMap<Request, number>();
  const aborted: Array<{ readonly issuedAt: number; readonly problem: Problem }> = [];
  const navigated = () => (lastNavigation = ++issued);
  page.on("request", (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) navigated();
    else issuedAt.set(request, ++issued);
  });
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) navigated();
  });
  page.on("requestfailed", (request) => {
    const errorText = request.failure()?.errorText ?? "";
    const problem: Problem = { kind: "failed request", text: `${request.method()} ${request.url()}: ${errorText}` };
    const at = issuedAt.get(request);
    if (errorText.includes("ERR_ABORTED") && at !== undefined) aborted.push({ issuedAt: at, problem });
    else seen.push(problem);
  });
  page.on("response", (response) => {
    if (response.status() >= 400)
      seen.push({
        kind: "error response",
        text: `${response.request().method()} ${response.url()} ${response.status()}`,
      });
  });
  return {
    get problems() {
      return [...seen, ...aborted.filter((abort) => abort.issuedAt > lastNavigation).map((abort) => abort.problem)];
    },
    clear: () => {
      seen.splice(0);
      aborted.splice(0);
    },
  };
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
