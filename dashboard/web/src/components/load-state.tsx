import type { ComponentChildren } from "preact";

/** Said while a page or a panel waits for the API: a status, read out when the screen reader is idle. */
export function Loading({ children }: { children: ComponentChildren }) {
  return (
    <p role="status" class="muted">
      {children}
    </p>
  );
}

/** The API's sentence when something could not be loaded or done: an alert, read out at once. */
export function Failure({ children }: { children: ComponentChildren }) {
  return (
    <p class="form-message" role="alert">
      {children}
    </p>
  );
}
