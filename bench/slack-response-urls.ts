import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A message the app posted to a response_url, and when it arrived (`performance.now()` of this process). */
export interface PostedReply {
  readonly at: number;
  readonly message: unknown;
}

/**
 * Where the app's response_url messages land during the Slack benchmark: a loopback server handing out one URL
 * per request and noting when the first message to each arrived, which is when Slack would show it. Unlike the
 * tests' recorder, which polls, it wakes the waiter on arrival, so no poll interval is added to the times.
 */
export class ResponseUrlRecorder {
  private readonly posted = new Map<string, PostedReply>();
  private readonly waiting = new Map<string, (reply: PostedReply) => void>();
  private next = 0;
  private readonly server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const reply: PostedReply = { at: performance.now(), message: JSON.parse(Buffer.concat(chunks).toString("utf8")) };
      const path = request.url ?? "";
      if (!this.posted.has(path)) {
        this.posted.set(path, reply);
        this.waiting.get(path)?.(reply);
        this.waiting.delete(path);
      }
      response.writeHead(200, { "content-type": "text/plain" });
      response.end("ok");
    });
  });

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
  }

  stop(): Promise<void> {
    // Bolt's HTTP client keeps its connections alive: close them, or `close` waits for their idle timeout.
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** A fresh response_url. */
  url(): string {
    const { port } = this.server.address() as AddressInfo;
    this.next += 1;
    return `http://127.0.0.1:${port}/response/${this.next}`;
  }

  /** The first message posted to `url`, once it came. */
  firstTo(url: string, timeoutMs = 30_000): Promise<PostedReply> {
    const path = new URL(url).pathname;
    const posted = this.posted.get(path);
    if (posted !== undefined) return Promise.resolve(posted);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(path);
        reject(new Error(`nothing was posted to ${url} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(path, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
    });
  }
}
