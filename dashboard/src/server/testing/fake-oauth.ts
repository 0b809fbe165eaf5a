import { createHash, randomBytes } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** The person signed in at the provider, as its user-info endpoint describes them. */
export type ProviderUser = Record<string, unknown>;

interface Grant {
  readonly user: ProviderUser;
  readonly redirectUri: string;
  readonly challenge: string | null;
  used: boolean;
}

/**
 * An OAuth 2.0 provider on loopback, strict where the real ones are: the client must be known and its secret
 * right, the redirect URI must match exactly, a code works once, and a PKCE challenge must be answered by
 * its verifier. It serves Discord's shape (/users/@me) and Google's (/userinfo) alike: the test says who is
 * signed in at the provider with `signedIn`.
 */
export class FakeOAuthProvider {
  signedIn: ProviderUser = {};
  /** Every authorization request's query, for tests that check what the app asked for. */
  readonly authorizations: URLSearchParams[] = [];
  private readonly grants = new Map<string, Grant>();
  private readonly tokens = new Map<string, ProviderUser>();
  private server: Server | undefined;
  private base = "";

  constructor(
    readonly clientId: string,
    readonly clientSecret: string,
    readonly redirectUri: string,
  ) {}

  get url(): string {
    return this.base;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      void this.route(request, response).catch(() => this.json(response, 500, { error: "server_error" }));
    });
    this.server.listen(0, "127.0.0.1");
    await once(this.server, "listening");
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", this.base);
    if (request.method === "GET" && url.pathname === "/authorize") return this.authorize(url.searchParams, response);
    if (request.method === "POST" && url.pathname === "/token") return this.token(await this.form(request), response);
    if (request.method === "GET" && (url.pathname === "/users/@me" || url.pathname === "/userinfo")) {
      // Google also takes the token as ?access_token= (passport-google-oauth20 sends it so); Discord only as a header.
      const token =
        /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1] ??
        (url.pathname === "/userinfo" ? (url.searchParams.get("access_token") ?? undefined) : undefined);
      const user = token === undefined ? undefined : this.tokens.get(token);
      return user === undefined
        ? this.json(response, 401, { message: "401: Unauthorized" })
        : this.json(response, 200, user);
    }
    this.json(response, 404, { error: "not_found" });
  }

  private authorize(query: URLSearchParams, response: ServerResponse): void {
    this.authorizations.push(query);
    const redirectUri = query.get("redirect_uri") ?? "";
    if (query.get("client_id") !== this.clientId || redirectUri !== this.redirectUri) {
      return this.json(response, 400, { error: "invalid_request" });
    }
    const method = query.get("code_challenge_method");
    if (method !== null && method !== "S256") return this.json(response, 400, { error: "invalid_request" });
    const code = randomBytes(12).toString("hex");
    this.grants.set(code, { user: this.signedIn, redirectUri, challenge: query.get("code_challenge"), used: false });
    const back = new URL(redirectUri);
    back.searchParams.set("code", code);
    const state = query.get("state");
    if (state !== null) back.searchParams.set("state", state);
    response.writeHead(302, { location: back.href }).end();
  }

  private token(form: URLSearchParams, response: ServerResponse): void {
    const grant = this.grants.get(form.get("code") ?? "");
    const verifier = form.get("code_verifier");
    const refused =
      form.get("grant_type") !== "authorization_code" ||
      form.get("client_id") !== this.clientId ||
      form.get("client_secret") !== this.clientSecret ||
      grant === undefined ||
      grant.used ||
      form.get("redirect_uri") !== grant.redirectUri ||
      (grant.challenge !== null &&
        (verifier === null || createHash("sha256").update(verifier).digest("base64url") !== grant.challenge));
    if (grant !== undefined) grant.used = true;
    if (refused || grant === undefined) return this.json(response, 400, { error: "invalid_grant" });
    const accessToken = randomBytes(16).toString("hex");
    this.tokens.set(accessToken, grant.user);
    this.json(response, 200, { access_token: accessToken, token_type: "Bearer", expires_in: 3600 });
  }

  private async form(request: IncomingMessage): Promise<URLSearchParams> {
    let body = "";
    for await (const chunk of request) body += String(chunk);
    return new URLSearchParams(body);
  }

  private json(response: ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  }
}
