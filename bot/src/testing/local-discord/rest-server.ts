import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody } from "./json.js";
import type { RestFaults } from "./rest-faults.js";
import { answerCall, type RestAnswer, type RestCall, type Route } from "./rest-router.js";

/** Discord's REST API on the harness's port: records every call, then answers it (or a fault arranged for it). */
export class RestServer {
  constructor(
    private readonly routes: readonly Route[],
    private readonly faults: RestFaults,
    private readonly calls: RestCall[],
  ) {}

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const body = await readBody(request);
    const call: RestCall = { method: request.method ?? "GET", path: url.pathname, query: url.search, body };
    this.calls.push(call);
    write(response, this.faults.take(call) ?? answerCall(this.routes, call, url.searchParams));
  }
}

function write(response: ServerResponse, answer: RestAnswer): void {
  if (answer.body === undefined) {
    response.writeHead(answer.status, { ...answer.headers }).end();
    return;
  }
  response.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
  response.end(JSON.stringify(answer.body));
}
