import { describe, expect, it } from "vitest";
import { startApi } from "../../testing/api-harness.js";

describe("the web server's security headers", () => {
  it("sends a strict Content-Security-Policy and no framing on every answer", async () => {
    const api = await startApi();
    try {
      const response = await api.visitor.get("/api/v1/nothing");
      const csp = String(response.headers["content-security-policy"]);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain("unsafe-inline");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
      // Plain http://localhost: no HSTS, which would pin the browser to https.
      expect(response.headers["strict-transport-security"]).toBeUndefined();
    } finally {
      await api.close();
    }
  });

  it("keeps CORS closed by default: another origin gets no permission", async () => {
    const api = await startApi();
    try {
      const preflight = await api.app.inject({
        method: "OPTIONS",
        url: "/api/v1/me",
        headers: { origin: "https://evil.example", "access-control-request-method": "PATCH" },
      });
      expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
    } finally {
      await api.close();
    }
  });

  it("lets the origins named in CORS_ORIGINS call with credentials, and no other", async () => {
    const api = await startApi("sqlite", {}, { CORS_ORIGINS: "https://app.example.org" });
    try {
      const allowed = await api.app.inject({
        method: "OPTIONS",
        url: "/api/v1/me",
        headers: { origin: "https://app.example.org", "access-control-request-method": "PATCH" },
      });
      expect(allowed.headers["access-control-allow-origin"]).toBe("https://app.example.org");
      expect(allowed.headers["access-control-allow-credentials"]).toBe("true");
      const other = await api.app.inject({
        method: "GET",
        url: "/api/v1/users/someone",
        headers: { origin: "https://evil.example" },
      });
      expect(other.headers["access-control-allow-origin"]).toBeUndefined();
    } finally {
      await api.close();
    }
  });

  it("sends HSTS and upgrades requests when served over HTTPS", async () => {
    const api = await startApi("sqlite", {}, { PUBLIC_URL: "https://skillswap.example.org" });
    try {
      const response = await api.visitor.get("/health");
      expect(response.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
      expect(String(response.headers["content-security-policy"])).toContain("upgrade-insecure-requests");
    } finally {
      await api.close();
    }
  });
});
