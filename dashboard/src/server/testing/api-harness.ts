import { ABSOLUTE_LIMIT_MS, IDLE_LIMIT_MS, type Actor } from "@skillswap/core";
import { createTestCore, type TestCore } from "@skillswap/core/testing";
import type { ConfigInput, DatabaseProvider } from "@skillswap/core";
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
  /**
   * The headers this client sends with a request of `method` (its session cookie; its CSRF token on writes),
   * for requests made another way: over a real socket, or with headers of the test's own added.
   */
  headers(method?: Method): Record<string, string>;
}

export interface ApiHarness {
  readonly core: TestCore;
  readonly app: FastifyInstance;
  /** A visitor with no session. */
  readonly visitor: ApiClient;
  /**
   * A client signed in as `person` through a login link, as the bot hands out, sending the session's CSRF token
   * with every write. It keeps its cookie as a browser does (a rotated session replaces it, a sign-out ends it),
   * and signs in again when the test's clock has moved past the session's idle or absolute limit, so suites that
   * move time by days keep their people signed in.
   */
  as(person: Actor): Promise<ApiClient>;
  close(): Promise<void>;
}

function parse(payload: string, contentType: string): unknown {
  if (payload === "") return undefined;
  return contentType.includes("json") ? (JSON.parse(payload) as unknown) : payload;
}

interface ClientHooks {
  /** Headers to send with a request of `method`. */
  headers(method: Method): Record<string, string>;
  /** Runs before each request (a lapsed session is renewed here). */
  before?(): Promise<void>;
  /** Sees each response (a browser's cookie jar would). */
  after?(setCookie: string | string[] | undefined): Promise<void>;
}

function clientWith(app: FastifyInstance, hooks: ClientHooks): ApiClient {
  const send = async (
    method: Method,
    url: string,
    body?: { readonly payload: string; readonly contentType: string },
  ): Promise<ApiResponse> => {
    await hooks.before?.();
    const response = await app.inject({
      method,
      url,
      headers: { ...hooks.headers(method), ...(body === undefined ? {} : { "content-type": body.contentType }) },
      ...(body === undefined ? {} : { payload: body.payload }),
    });
    await hooks.after?.(response.headers["set-cookie"]);
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
    headers: (method = "GET") => hooks.headers(method),
  };
}

/** The value a Set-Cookie list gives the cookie `name`: undefined when untouched, "" when it is cleared. */
function cookieSet(setCookie: string | string[] | undefined, name: string): string | undefined {
  for (const header of [setCookie ?? []].flat()) {
    const [pair = "", ...attributes] = header.split(";");
    if (!pair.startsWith(`${name}=`)) continue;
    const cleared = attributes.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a));
    return cleared ? "" : pair.slice(name.length + 1);
  }
  return undefined;
}

const writes = new Set<Method>(["POST", "PUT", "PATCH", "DELETE"]);
// A session is renewed a little before its limits, so no request of a test lands on the boundary.
const renewalMarginMs = 2 * 60 * 1000;

/** A person's browser: signed in through a login link, holding the session cookie and its CSRF token. */
async function signedInClient(app: FastifyInstance, core: TestCore, person: Actor): Promise<ApiClient> {
  const name = app.sessionCookie.name;
  let session = { cookie: "", csrf: "", startedAt: 0, usedAt: 0 };
  let signedOut = false;
  const csrfFor = async (cookie: string) => {
    const answer = await app.inject({ method: "GET", url: "/api/v1/auth/csrf", headers: { cookie } });
    return (JSON.parse(answer.payload) as { token: string }).token;
  };
  const signIn = async () => {
    const { token } = await core.services.accounts.issueLoginLink(person);
    const landing = await app.inject({ method: "GET", url: `/login/link?token=${token}` });
    const value = cookieSet(landing.headers["set-cookie"], name);
    if (value === undefined || value === "")
      throw new Error(`signing in failed: ${landing.statusCode} ${landing.payload}`);
    const cookie = `${name}=${value}`;
    const now = core.clock.now().getTime();
    session = { cookie, csrf: await csrfFor(cookie), startedAt: now, usedAt: now };
  };
  await signIn();
  return clientWith(app, {
    headers: (method) =>
      signedOut ? {} : { cookie: session.cookie, ...(writes.has(method) ? { "x-csrf-token": session.csrf } : {}) },
    async before() {
      const now = core.clock.now().getTime();
      const lapsed =
        now - session.usedAt >= IDLE_LIMIT_MS - renewalMarginMs ||
        now - session.startedAt >= ABSOLUTE_LIMIT_MS - renewalMarginMs;
      // A person whose account is gone meanwhile cannot sign in again: the browser stays signed out.
      if (!signedOut && lapsed) await signIn().catch(() => (signedOut = true));
      session.usedAt = now;
    },
    async after(setCookie) {
      const value = cookieSet(setCookie, name);
      if (value === undefined) return;
      if (value === "") {
        signedOut = true;
        return;
      }
      const cookie = `${name}=${value}`;
      session = { ...session, cookie, csrf: await csrfFor(cookie), startedAt: core.clock.now().getTime() };
    },
  });
}

// Generous: suites signing many people in through the API must not trip the limits; their own test sets them.
const testAttemptLimits = {
  perIp: { max: 10_000, windowMs: 60_000 },
  perEmail: { max: 10_000, windowMs: 60_000 },
};
const testRequestLimits = {
  api: { max: 1_000_000, windowMs: 60_000 },
  costly: { max: 1_000_000, windowMs: 60_000 },
};

/** The API over a fresh core on `provider`, ready for requests through `inject`. */
export async function startApi(
  provider: DatabaseProvider = "sqlite",
  options: AppOptions = {},
  config: Partial<Omit<ConfigInput, "DATABASE_URL">> = {},
): Promise<ApiHarness> {
  const core = await createTestCore(provider, {}, config);
  const app = await buildApp(core, { attemptLimits: testAttemptLimits, requestLimits: testRequestLimits, ...options });
  await app.ready();
  return {
    core,
    app,
    visitor: clientWith(app, { headers: () => ({}) }),
    as: (person) => signedInClient(app, core, person),
    async close() {
      await app.close();
      await core.close();
    },
  };
}
