import type { FastifyInstance, InjectOptions } from "fastify";
import type { Method } from "./api-harness.js";

export interface BrowserAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | number | string[] | undefined>>;
  readonly body: unknown;
}

/**
 * A browser on the app, for the suites about sessions themselves: it keeps the session cookie exactly as it is
 * set and cleared, and sends only the headers a test gives (no CSRF token unless asked), so every step of
 * signing in and out is visible. Route suites use the API harness instead.
 */
export class Browser {
  /** The session token the browser holds; "" when it holds none. */
  token = "";

  constructor(private readonly app: FastifyInstance) {}

  async send(
    method: Method,
    url: string,
    options: { readonly body?: unknown; readonly headers?: Record<string, string>; readonly ip?: string } = {},
  ): Promise<BrowserAnswer> {
    const name = this.app.sessionCookie.name;
    const request: InjectOptions = {
      method,
      url,
      headers: {
        ...(this.token === "" ? {} : { cookie: `${name}=${this.token}` }),
        ...(options.body === undefined ? {} : { "content-type": "application/json" }),
        ...options.headers,
      },
      ...(options.body === undefined ? {} : { payload: JSON.stringify(options.body) }),
      ...(options.ip === undefined ? {} : { remoteAddress: options.ip }),
    };
    const response = await this.app.inject(request);
    const set = response.cookies.find((cookie) => cookie.name === name);
    if (set !== undefined) this.token = set.maxAge === 0 || set.value === "" ? "" : set.value;
    const type = String(response.headers["content-type"] ?? "");
    return {
      status: response.statusCode,
      headers: response.headers,
      body:
        response.payload === ""
          ? undefined
          : type.includes("json")
            ? (JSON.parse(response.payload) as unknown)
            : response.payload,
    };
  }

  /** The CSRF token of the browser's current session. */
  async csrfToken(): Promise<string> {
    const answer = await this.send("GET", "/api/v1/auth/csrf");
    if (answer.status !== 200) throw new Error(`no CSRF token: ${answer.status}`);
    return (answer.body as { token: string }).token;
  }

  /** A write as the dashboard's pages send it: with the session's CSRF token. */
  async write(method: Method, url: string, body?: unknown): Promise<BrowserAnswer> {
    return this.send(method, url, {
      ...(body === undefined ? {} : { body }),
      headers: { "x-csrf-token": await this.csrfToken() },
    });
  }
}
