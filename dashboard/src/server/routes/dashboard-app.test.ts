import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type ApiHarness } from "../testing/api-harness.js";

const page =
  '<!doctype html><html lang="en"><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="app"></div></body></html>';

/** A dashboard build as Vite writes it: index.html and hashed assets. */
function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), "skillswap-dist-"));
  mkdirSync(join(dir, "assets"));
  writeFileSync(join(dir, "index.html"), page);
  writeFileSync(join(dir, "assets", "index-abc123.js"), "console.log('hello')");
  return dir;
}

const html = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };

describe("serving the built dashboard", () => {
  let api: ApiHarness;
  let dist: string;
  beforeAll(async () => {
    dist = fakeBuild();
    api = await startApi("sqlite", { dashboard: dist });
  });
  afterAll(async () => {
    await api.close();
    rmSync(dist, { recursive: true, force: true });
  });
  const get = (url: string, headers: Record<string, string> = html) => api.app.inject({ method: "GET", url, headers });

  it("answers / with the dashboard's page, revalidated on every visit and under the strict CSP", async () => {
    const answer = await get("/");
    expect(answer.statusCode).toBe(200);
    expect(answer.payload).toBe(page);
    expect(answer.headers["cache-control"]).toBe("no-cache");
    expect(answer.headers["content-security-policy"]).toContain("script-src 'self'");
  });

  it("answers any page address a browser opens with the same page, so links and reloads work", async () => {
    for (const url of ["/me", "/people/maria-lopez", "/swaps?tab=active"]) {
      const answer = await get(url);
      expect(answer.statusCode, url).toBe(200);
      expect(answer.payload, url).toBe(page);
    }
  });

  it("keeps hashed assets a year in the browser's cache", async () => {
    const answer = await get("/assets/index-abc123.js", {});
    expect(answer.statusCode).toBe(200);
    expect(answer.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("answers unknown API addresses, missing assets and non-browser requests with the JSON 404, never the page", async () => {
    for (const [url, headers] of [
      ["/api/v1/no-such-thing", html],
      ["/assets/index-gone.js", html],
      ["/health/extra", html],
      ["/auth/unknown", html],
      ["/me", { accept: "application/json" }],
    ] as const) {
      const answer = await get(url, headers);
      expect(answer.statusCode, url).toBe(404);
      expect(answer.json(), url).toMatchObject({ error: { code: "REQUEST.NOT_FOUND" } });
    }
  });

  it("still says 405 with Allow to a wrong verb on an API route", async () => {
    const answer = await get("/api/v1/auth/logout");
    expect(answer.statusCode).toBe(405);
    expect(answer.headers.allow).toBe("POST");
  });

  it("leaves the server's own pages alone", async () => {
    expect((await get("/health", {})).json()).toEqual({ ok: true });
  });
});

describe("the home page of a server whose dashboard was not built", () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it("says how to build the dashboard", async () => {
    const answer = await api.visitor.get("/");
    expect(answer.status).toBe(200);
    expect(String(answer.body)).toContain("npm run build");
  });
});
