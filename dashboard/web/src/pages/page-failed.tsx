import { usePageTitle } from "../page-title.js";

/** What a page that crashed (or whose code could not be downloaded) shows instead of a blank screen. */
export function PageFailed({ error }: { error: Error }) {
  usePageTitle("Something went wrong");
  return (
    <section aria-labelledby="failed-title">
      <h1 id="failed-title">Something went wrong</h1>
      <p>This page could not be shown. Reload it to try again; if it keeps failing, come back a little later.</p>
      <p class="muted">{error.message}</p>
      <p>
        <a href="/">Back to the home page</a>
      </p>
    </section>
  );
}
