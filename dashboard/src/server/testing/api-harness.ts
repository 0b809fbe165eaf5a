import type { Actor } from "@skillswap/core";
import { createTestCore, type TestCore } from "@skillswap/core/testing";
import type { DatabaseProvider } from "@skillswap/core";
import type { FastifyInstance } from "fastify";
import { buildApp, type AppOptions } from "../app.js";

export interface ApiResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | number | string[] | undefined>>;
  /** The parsed JSON body, or the text when it is not JSON; undefined when empty. */
  readonly body: unknown;
}

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Someone using the API: a signed-in person or a visitor, speaking to the app through `inject`. */
export interface ApiClient {
  request(method: Method, url: string, body?: unknown): Promise<ApiResponse>;
  get(url: string): Promise<ApiResponse>;
  post(url: string, body?: unknown): Promise<ApiResponse>;
  patch(url: string, body?: unknown): Promise<ApiResponse>;
  put(url: string, body?: unknown): Promise<ApiResponse>;
  delete(url: string, body?: unknown): Promise<ApiResponse>;
  /** A body sent as given, with its own content type: for what a careless client sends. */
  raw(method: Method, url: string, payload: string, contentType: string): Promise<ApiResponse>;
}

export interface ApiHarness {
  readonly core: TestCore;
  readonly app: FastifyInstance;
  /** A visitor with no session. */
  readonly visitor: ApiClient;
  /** A client signed in as `person` (through a login link, as the bot hands out). */
  as(person: Actor): Promise<ApiClient>;
  close(): Promise<void>;
}

function parse(payload: string, contentType: string): unknown {
  if (payload === "") return undefined;
  return contentType.includes("json") ? (JSON.parse(payload) as unknown) : payload;
}

function clientWith(app: FastifyInstance, headers: () => Record<string, string>): ApiClient {
  const send = async (
    method: Method,
    url: string,
    body?: { readonly payload: string; readonly contentType: string },
  ): Promise<ApiResponse> => {
    const response = await app.inject({
      method,
      url,
      headers: { ...headers(), ...(body === undefined ? {} : { "content-type": body.contentType }) },
      ...(body === undefined ? {} : { payload: body.payload }),
    });
    return {
      status: response.statusCode,
      headers: response.headers,
      body: parse(response.payload, String(response.headers["content-type"] ?? "")),
    };
  };
  const request = (method: Method, url: string, body?: unknown) =>
    send(
      method,
      url,
      body === undefined ? undefined : { payload: JSON.stringify(body), contentType: "application/json" },
    );
  return {
    request,
    get: (url) => request("GET", url),
    post: (url, body) => request("POST", url, body),
    patch: (url, body) => request("PATCH", url, body),
    put: (url, body) => request("PUT", url, body),
    delete: (url, body) => request("DELETE", url, body),
    raw: (method, url, payload, contentType) => send(method, url, { payload, contentType }),
  };
}

/** The cookie header a Set-Cookie list leaves a browser sending. */
function cookieHeader(setCookie: string | string[] | undefined): string {
  return [setCookie ?? []]
    .flat()
    .map((cookie) => cookie.split(";")[0] ?? "")
    .join("; ");
}

/** The API over a fresh core on `provider`, ready for requests through `inject`. */
export async function startApi(provider: DatabaseProvider = "sqlite", options: AppOptions = {}): Promise<ApiHarness> {
  const core = await createTestCore(provider);
  const app = await buildApp(core, options);
  await app.ready();
  return {
    core,
    app,
    visitor: clientWith(app, () => ({})),
    async as(person) {
      const { token } = await core.services.accounts.issueLoginLink(person);
      const landing = await app.inject({ method: "GET", url: `/login/link?token=${token}` });
      const cookie = cookieHeader(landing.headers["set-cookie"]);
      if (cookie === "") throw new Error(`signing in failed: ${landing.statusCode} ${landing.payload}`);
      return clientWith(app, () => ({ cookie }));
    },
    async close() {
      await app.close();
      await core.close();
    },
  };
}
