import { ReceiverMultipleAckError, type App, type Logger, type Receiver } from "@slack/bolt";
import { deliveryIdOf } from "./delivery-id.js";
import { readSlackBody, type SlackBody } from "./request-body.js";
import { isSignedBySlack } from "./request-signature.js";

/** A request to `/slack/events` as the web server received it: the exact bytes, and headers in lower case. */
export interface SlackHttpRequest {
  readonly rawBody: Buffer;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** The answer to write back: status, body ("" for none) and, with a body, its content type. */
export interface SlackHttpResponse {
  readonly status: number;
  readonly body: string;
  readonly contentType?: "application/json" | "text/plain; charset=utf-8";
}

/** Slack's HTTP delivery (commands, interactivity, options and events) as the web server sees it. */
export interface SlackEvents {
  handle(request: SlackHttpRequest): Promise<SlackHttpResponse>;
}

/** Core's inbox of platform events already handled (`core.services.inbox`). */
export interface SlackInbox {
  claim(platform: "slack", externalId: string): Promise<boolean>;
}

export interface SlackEventsReceiverOptions {
  readonly signingSecret: string;
  readonly inbox: SlackInbox;
  readonly logger: Logger;
  /** The time signed timestamps are judged by; the system's by default. */
  readonly clock?: { now(): Date };
  /** How long the app has to `ack` before the request is answered 200 anyway; 2.5 s by default. */
  readonly ackDeadlineMs?: number;
}

/**
 * Slack gives up on a request after 3 s and reports a failure to the person (or retries the event). Half a
 * second is left for the network and Fastify, so the answer leaves while Slack still waits.
 */
export const SLACK_ACK_DEADLINE_MS = 2500;

const empty: SlackHttpResponse = { status: 200, body: "" };
const refusal = (status: number, error: string): SlackHttpResponse => ({
  status,
  body: JSON.stringify({ error }),
  contentType: "application/json",
});

/** What `ack(response)` puts in the HTTP answer: options, `response_action` for a form, a text, or nothing. */
function acknowledgement(response: unknown): SlackHttpResponse {
  if (response === undefined || response === null || response === "") return empty;
  if (typeof response === "string") return { status: 200, body: response, contentType: "text/plain; charset=utf-8" };
  return { status: 200, body: JSON.stringify(response), contentType: "application/json" };
}

function header(request: SlackHttpRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === "string" ? value : undefined;
}

/** A delivery named for the log by its kind only: bodies carry response URLs and triggers, which act as keys. */
function kindOf(body: SlackBody): string {
  const command = typeof body.command === "string" ? body.command : undefined;
  return command ?? (typeof body.type === "string" ? body.type : "request");
}

/**
 * Bolt's receiver for `/slack/events` inside our own web server (Bolt's HTTPReceiver would listen on its own
 * port). Fastify listens, so start and stop do nothing; the route hands each request to `handle`, which checks
 * the signature on the raw bytes, answers 401 before anything is read or dispatched, claims retries and replays
 * in core's inbox (Bolt never deduplicates), and answers as soon as the app acks while its work goes on.
 */
export class SlackEventsReceiver implements Receiver, SlackEvents {
  private app: App | undefined;
  private readonly clock: { now(): Date };
  private readonly ackDeadlineMs: number;

  constructor(private readonly options: SlackEventsReceiverOptions) {
    this.clock = options.clock ?? { now: () => new Date() };
    this.ackDeadlineMs = options.ackDeadlineMs ?? SLACK_ACK_DEADLINE_MS;
  }

  init(app: App): void {
    this.app = app;
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  async handle(request: SlackHttpRequest): Promise<SlackHttpResponse> {
    const signed = isSignedBySlack(
      {
        signingSecret: this.options.signingSecret,
        rawBody: request.rawBody,
        signature: header(request, "x-slack-signature"),
        timestamp: header(request, "x-slack-request-timestamp"),
      },
      this.clock.now(),
    );
    if (!signed) return refusal(401, "Invalid request signature.");
    const read = readSlackBody(request.rawBody, header(request, "content-type"));
    if (read === undefined) return refusal(400, "Malformed request.");
    if (read.kind === "ssl_check") return empty;
    if (read.kind === "url_verification")
      return { status: 200, body: JSON.stringify({ challenge: read.challenge }), contentType: "application/json" };
    const deliveryId = deliveryIdOf(read.body);
    if (deliveryId === undefined) return refusal(400, "Malformed request.");
    // A retry or replay of something already handled: answered, so Slack stops retrying, and not run again.
    if (deliveryId !== null && !(await this.options.inbox.claim("slack", deliveryId))) return empty;
    if (this.app === undefined) throw new Error("The Slack receiver was not given to a Bolt App.");
    const retryNum = Number(header(request, "x-slack-retry-num"));
    const retryReason = header(request, "x-slack-retry-reason");
    return this.dispatch(this.app, read.body, {
      ...(Number.isInteger(retryNum) && retryNum > 0 ? { retryNum } : {}),
      ...(retryReason === undefined ? {} : { retryReason }),
    });
  }

  /** Runs the app's listeners; resolves with the answer at the first `ack`, or 200 at the deadline. */
  private dispatch(
    app: App,
    body: SlackBody,
    retry: { retryNum?: number; retryReason?: string },
  ): Promise<SlackHttpResponse> {
    const { logger } = this.options;
    const kind = kindOf(body);
    return new Promise((resolve) => {
      let answered = false;
      let acked = false;
      const answer = (response: SlackHttpResponse) => {
        if (answered) return;
        answered = true;
        clearTimeout(deadline);
        resolve(response);
      };
      const deadline = setTimeout(() => {
        logger.warn(`Slack ${kind} not acknowledged within ${this.ackDeadlineMs} ms: answered 200, work goes on`);
        answer(empty);
      }, this.ackDeadlineMs);
      const ack = (response?: unknown): Promise<void> => {
        if (acked) return Promise.reject(new ReceiverMultipleAckError());
        acked = true;
        // Too late for its answer to reach Slack; the listener is not failed for it, so its work still happens.
        if (answered && acknowledgement(response).body !== "")
          logger.warn(`Slack ${kind} acknowledged after the deadline: its answer was not sent`);
        answer(acknowledgement(response));
        return Promise.resolve();
      };
      app.processEvent({ body: { ...body }, ack, ...retry }).then(
        () => {
          if (!acked && !answered) logger.warn(`Slack ${kind} was handled without an acknowledgement: answered 200`);
          answer(empty);
        },
        (error: unknown) => {
          if (answered) logger.error(`Slack ${kind} failed after it was answered`, error);
          else {
            logger.error(`Slack ${kind} failed before it was acknowledged`, error);
            answer(refusal(500, "Internal Server Error"));
          }
        },
      );
    });
  }
}
