/**
 * A Web API refusal: Slack answers HTTP 200 with `{ ok: false, error }` (plus fields such as `needed`), and
 * @slack/web-api turns it into a `WebAPIPlatformError` whose `data.error` is the same code. Thrown by method
 * handlers, written by the server.
 */
export class SlackApiError extends Error {
  constructor(
    readonly error: string,
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(error);
  }

  get body(): Record<string, unknown> {
    return { ok: false, error: this.error, ...this.extra };
  }
}

/** Throws `error` unless `condition` holds: the shape of most of Slack's argument checks. */
export function refuseUnless(condition: boolean, error: string): asserts condition {
  if (!condition) throw new SlackApiError(error);
}
