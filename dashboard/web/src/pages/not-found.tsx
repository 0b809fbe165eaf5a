import { usePageTitle } from "../page-title.js";

export function NotFound() {
  usePageTitle("Page not found");
  return (
    <section aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>Nothing is at this address. The link may be old, or mistyped.</p>
      <p>
        <a href="/">Go to the home page</a>
      </p>
    </section>
  );
}
