import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { CallLog, WebApiCall } from "./call-log.js";
import { readArgs, type MethodArgs } from "./method-args.js";
import { SlackApiError } from "./web-api-errors.js";
import type { WebApiFaults } from "./web-api-faults.js";
import { grantedScopes } from "./auth-methods.js";
import type { ClientRequest, MethodTable, WebApiMethod } from "./web-api-method.js";
import type { Workspaces } from "./workspaces.js";

const json = { "content-type": "application/json; charset=utf-8" };

/**
 * Slack's Web API on a loopback port: `POST /api/<method>`, each call recorded, then answered by the fault a
 * test arranged for it or by the method. Like Slack, refusals are HTTP 200 with `ok: false`; only rate limits
 * (429) and server faults use other statuses.
 */
export class WebApiServer {
  private readonly server: Server;

  constructor(
    private readonly methods: MethodTable,
    private readonly workspaces: Workspaces,
    private readonly faults: WebApiFaults,
    private readonly log: CallLog,
  ) {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        write(response, 500, { ok: false, error: "fatal_error", detail: String(error) });
      });
    });
  }

  /** What to pass as @slack/web-api's and Bolt's `slackApiUrl`, trailing slash included as Slack's own. */
  get apiUrl(): string {
    const address = this.server.address() as AddressInfo | null;
    if (address === null) throw new Error("LocalSlack is not started");
    return `http://127.0.0.1:${address.port}/api/`;
  }

  async start(): Promise<void> {
    this.server.listen(0, "127.0.0.1");
    await once(this.server, "listening");
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((e) => (e ? reject(e) : resolve())));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const name = /^\/api\/([\w.]+)$/.exec(url.pathname)?.[1];
    if (name === undefined) {
      response.writeHead(404, { "content-type": "text/plain" }).end("Not Found");
      return;
    }
    let args: MethodArgs = {};
    let unreadable: SlackApiError | undefined;
    try {
      args = await readArgs(request, url.searchParams);
    } catch (error) {
      if (!(error instanceof SlackApiError)) throw error;
      unreadable = error;
    }
    const { token: bodyToken, ...rest } = args;
    const token = bearer(request) ?? (typeof bodyToken === "string" && bodyToken !== "" ? bodyToken : undefined);
    const call: WebApiCall = { method: name, args: rest, token, at: Date.now() };
    this.log.record(call);
    const fault = this.faults.take(call);
    if (fault !== undefined) {
      response.writeHead(fault.status, fault.headers).end(fault.body);
      return;
    }
    write(response, 200, unreadable?.body ?? this.answer(this.methods[name], call, request), this.scopesOf(call));
  }

  /** Slack names a working token's scopes on every answer (the WebClient reads them as response_metadata.scopes). */
  private scopesOf(call: WebApiCall): Record<string, string> {
    const team = call.token === undefined ? "not_authed" : this.workspaces.teamOfToken(call.token);
    return typeof team === "string" ? {} : { "x-oauth-scopes": grantedScopes.join(",") };
  }

  private answer(
    method: WebApiMethod | undefined,
    call: WebApiCall,
    request: IncomingMessage,
  ): Record<string, unknown> {
    // Slack names an unknown method before it looks at the token: a typo is not mistaken for a bad token.
    if (method === undefined) return { ok: false, error: "unknown_method", req_method: call.method };
    try {
      if (method.auth === "client") return { ok: true, ...method.run({ args: call.args, basic: basicAuth(request) }) };
      if (call.token === undefined) throw new SlackApiError("not_authed");
      const team = this.workspaces.teamOfToken(call.token);
      if (typeof team === "string") throw new SlackApiError(team);
      return { ok: true, ...method.run({ args: call.args, team }) };
    } catch (error) {
      if (error instanceof SlackApiError) return error.body;
      throw error;
    }
  }
}

function write(
  response: ServerResponse,
  status: number,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { ...json, ...headers }).end(JSON.stringify(body));
}

function bearer(request: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "");
  return match?.[1];
}

/** oauth.v2.access accepts the client id and secret as HTTP Basic credentials (Slack's preferred way). */
function basicAuth(request: IncomingMessage): ClientRequest["basic"] {
  const match = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? "");
  if (match?.[1] === undefined) return undefined;
  const [clientId, ...secretParts] = Buffer.from(match[1], "base64").toString("utf8").split(":");
  if (clientId === undefined) return undefined;
  return { clientId, clientSecret: secretParts.join(":") };
}
