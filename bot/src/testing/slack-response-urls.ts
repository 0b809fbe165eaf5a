import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Where Slack's response_url messages land in a test: a loopback server handing out one URL per request and
 * keeping what the app posted to each, as Slack would show it under the command or the clicked message.
 */
export class ResponseUrls {
  private readonly posted = new Map<string, unknown[]>();
  private next = 0;
  private readonly server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "";
      const message: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      this.posted.set(path, [...(this.posted.get(path) ?? []), message]);
      response.writeHead(200, { "content-type": "text/plain" });
      response.end("ok");
    });
  });

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** A fresh response_url. */
  url(): string {
    const { port } = this.server.address() as AddressInfo;
    this.next += 1;
    return `http://127.0.0.1:${port}/response/${this.next}`;
  }

  /** The first message posted to `url`, once it came. */
  async firstTo(url: string, timeoutMs = 5000): Promise<unknown> {
    const path = new URL(url).pathname;
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const first = this.posted.get(path)?.[0];
      if (first !== undefined) return first;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`nothing was posted to ${url}`);
  }
}
