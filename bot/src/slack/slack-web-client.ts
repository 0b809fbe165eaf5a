import { LogLevel, WebClient, type RetryOptions } from "@slack/web-api";

/**
 * How long a worker's Slack call keeps trying: a 429 is waited out for as long as Slack's Retry-After says
 * (the client pauses its queue for it, then retries), a 5xx or a network fault is retried with backoff, up to
 * about a minute in all. Past that the call fails and the outbox retries the whole event later with its own
 * backoff, which is the better place to wait longer: the worker goes on with other events meanwhile.
 */
export const workerRetries: RetryOptions = {
  retries: 4,
  factor: 2,
  minTimeout: 1_000,
  maxTimeout: 30_000,
  randomize: true,
};

/** A Web API client on SLACK_API_URL (Slack's, or a local Slack in tests), as every Slack call must use. */
export function slackWebClient(
  token: string,
  slackApiUrl: string,
  retryConfig: RetryOptions = workerRetries,
): WebClient {
  // The client's own info lines (each wait for a 429) would go to stdout, which `skillswap start --json` keeps
  // for its one document; warnings go to stderr.
  return new WebClient(token, { slackApiUrl, retryConfig, logLevel: LogLevel.WARN });
}
