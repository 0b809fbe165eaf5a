import { once } from "node:events";
import { PassThrough } from "node:stream";
import type { FastifyReply, FastifyRequest } from "fastify";

/** One Server-Sent Event: `id` is what EventSource sends back as Last-Event-ID when it reconnects. */
export interface ServerSentEvent {
  readonly id: string;
  readonly event: string;
  readonly data: unknown;
}

export interface EventStreamsOptions {
  /** A comment sent this often on a quiet stream, so proxies and load balancers do not close it as idle. */
  readonly heartbeatMs: number;
}

/** How long EventSource waits before reconnecting after the stream ends (a server restart, a network blip). */
const reconnectAfterMs = 2_000;

/**
 * The open `text/event-stream` answers of one app, so that closing the app ends them: an answer that never
 * ends would keep `server.close()` waiting for its connection for as long as the client stays, so they are
 * ended in a preClose hook, before the server waits for its connections.
 */
export class EventStreams {
  private readonly open = new Map<AbortController, Promise<void>>();

  constructor(private readonly options: EventStreamsOptions) {}

  /**
   * Answers with a stream of `events` until they end, the client goes away or the app closes; `abort` is the
   * controller whose signal ends `events`. Errors after the answer started end the stream (the client
   * reconnects with its Last-Event-ID); they are logged.
   */
  send(
    request: FastifyRequest,
    reply: FastifyReply,
    abort: AbortController,
    events: AsyncIterable<ServerSentEvent>,
    stillAllowed: () => Promise<boolean> = () => Promise.resolve(true),
  ): FastifyReply {
    const body = new PassThrough();
    // Fastify destroys the body when the connection closes early: that is the client going away.
    body.once("close", () => abort.abort());
    body.write(`retry: ${reconnectAfterMs}\n\n`);
    // Each heartbeat also asks whether the stream may go on (the session that opened it may have ended: signed
    // out, revoked, expired): a stream outliving its session would go on showing messages to nobody signed in.
    const heartbeat = setInterval(() => {
      stillAllowed().then(
        (allowed) => (allowed ? write(body, ": heartbeat\n\n") : abort.abort()),
        () => abort.abort(),
      );
    }, this.options.heartbeatMs);
    const done = pump(events, body, abort.signal)
      .catch((error: unknown) => {
        if (!abort.signal.aborted) request.log.error({ err: error }, "event stream failed");
      })
      .finally(() => {
        clearInterval(heartbeat);
        if (!body.destroyed) body.end();
        this.open.delete(abort);
      });
    this.open.set(abort, done);
    return (
      reply
        .header("content-type", "text/event-stream; charset=utf-8")
        .header("cache-control", "no-store")
        // Proxies such as nginx buffer answers unless told not to, which would hold events back.
        .header("x-accel-buffering", "no")
        // The connection is the stream's alone: once it ends the socket closes, and nothing keeps a closing server.
        .header("connection", "close")
        .send(body)
    );
  }

  /** Ends every open stream and waits until each has written its last byte. */
  async closeAll(): Promise<void> {
    for (const abort of this.open.keys()) abort.abort();
    await Promise.all(this.open.values());
  }
}

async function pump(events: AsyncIterable<ServerSentEvent>, body: PassThrough, signal: AbortSignal): Promise<void> {
  for await (const event of events) {
    if (signal.aborted) return;
    const chunk = `id: ${event.id}\nevent: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`;
    if (!write(body, chunk)) await once(body, "drain", { signal });
  }
}

/** Writes unless the client has gone (a write to a destroyed stream would raise an unhandled error); false: wait. */
function write(body: PassThrough, chunk: string): boolean {
  if (body.destroyed || body.writableEnded) return true;
  return body.write(chunk);
}
