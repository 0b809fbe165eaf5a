import { DiscordHttpError, discordErrors } from "./discord-errors.js";

/** One REST call the bot made, as Discord would have received it. */
export interface RestCall {
  readonly method: string;
  /** Without the query string: "/api/v10/interactions/1/abc/callback". */
  readonly path: string;
  readonly query: string;
  /** The parsed JSON body, or the raw text when it was not JSON; null when there was none. */
  readonly body: unknown;
}

export interface RestAnswer {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface RouteRequest {
  readonly call: RestCall;
  readonly query: URLSearchParams;
  /** A path parameter named in the route (`:channel`), decoded. */
  readonly param: (name: string) => string;
}

export type RouteHandler = (request: RouteRequest) => RestAnswer;

export interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly handler: RouteHandler;
}

const apiPrefix = "/api/v10";

/** A route on Discord's v10 API, written as in Discord's docs: `/channels/:channel/messages`. */
export function route(method: string, path: string, handler: RouteHandler): Route {
  const source = path.replace(/:(\w+)/g, "(?<$1>[^/]+)");
  return { method, pattern: new RegExp(`^${apiPrefix}${source}$`), handler };
}

export function ok(body: unknown, status = 200): RestAnswer {
  return { status, body };
}

export const noContent: RestAnswer = { status: 204 };

/** The path as written in Discord's docs, without the `/api/v10` prefix. */
export function routePath(call: RestCall): string {
  return call.path.startsWith(apiPrefix) ? call.path.slice(apiPrefix.length) : call.path;
}

/** Runs the first route matching the call; unknown routes get Discord's own 404. */
export function answerCall(routes: readonly Route[], call: RestCall, query: URLSearchParams): RestAnswer {
  for (const candidate of routes) {
    if (candidate.method !== call.method) continue;
    const match = candidate.pattern.exec(call.path);
    if (match === null) continue;
    const param = (name: string): string => {
      const value = match.groups?.[name];
      if (value === undefined) throw new Error(`route ${candidate.pattern.source} has no :${name}`);
      return decodeURIComponent(value);
    };
    try {
      return candidate.handler({ call, query, param });
    } catch (error) {
      if (error instanceof DiscordHttpError) return { status: error.status, body: error.body };
      throw error;
    }
  }
  const notFound = discordErrors.notFound();
  return { status: notFound.status, body: notFound.body };
}
