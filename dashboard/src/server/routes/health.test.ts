import { describe, expect, it } from "vitest";
import { testRedisUrl } from "@skillswap/core/testing";
import { startApi } from "../testing/api-harness.js";

describe("health and readiness probes", () => {
  it("answers /health while the process runs, and /ready while the database answers", async () => {
    const api = await startApi();
    try {
      expect(await api.visitor.get("/health")).toMatchObject({ status: 200, body: { ok: true } });
      expect(await api.visitor.get("/ready")).toMatchObject({
        status: 200,
        body: {
          ready: true,
          checks: [
            { name: "database", ok: true },
            { name: "files (disk)", ok: true },
          ],
        },
      });
    } finally {
      await api.close();
    }
  });

  it("says 503 on /ready, naming the failing part, once the database is gone", async () => {
    const api = await startApi();
    try {
      await api.core.close();
      const ready = await api.visitor.get("/ready");
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({
        ready: false,
        checks: expect.arrayContaining([{ name: "database", ok: false, required: true, error: expect.any(String) }]),
      });
      expect((await api.visitor.get("/health")).status).toBe(200);
    } finally {
      await api.app.close();
    }
  });

  it("says 503 when the configured S3 bucket does not answer, and which part failed", async () => {
    const api = await startApi(
      "sqlite",
      {},
      {
        S3_BUCKET: "avatars",
        S3_ENDPOINT: "http://127.0.0.1:9",
        S3_ACCESS_KEY_ID: "key",
        S3_SECRET_ACCESS_KEY: "secret",
      },
    );
    try {
      const ready = await api.visitor.get("/ready");
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({
        ready: false,
        checks: [
          { name: "database", ok: true },
          { name: "files (s3)", ok: false },
        ],
      });
    } finally {
      await api.close();
    }
  });

  it("stays ready while a configured Redis is down, and says Redis is down but not required", async () => {
    // Nothing listens on port 9: the cache, the counters and the probe all find Redis gone.
    const api = await startApi("sqlite", {}, { REDIS_URL: "redis://127.0.0.1:9" });
    try {
      const ready = await api.visitor.get("/ready");
      expect(ready.status).toBe(200);
      expect(ready.body).toMatchObject({
        ready: true,
        checks: expect.arrayContaining([
          { name: "database", ok: true, required: true },
          { name: "redis", ok: false, required: false, error: expect.any(String) },
        ]),
      });
      // And it serves: a search answers from the database.
      expect((await api.visitor.get("/api/v1/people?q=spanish")).status).toBe(200);
    } finally {
      await api.close();
    }
  });

  // Redis is a real service here when the environment provides one (TEST_REDIS_URL), as for the other suites.
  it.skipIf(testRedisUrl() === undefined)("checks Redis when it is configured", async () => {
    const api = await startApi("sqlite", {}, { REDIS_URL: testRedisUrl() });
    try {
      const ready = await api.visitor.get("/ready");
      expect(ready.body).toMatchObject({
        ready: true,
        checks: expect.arrayContaining([{ name: "redis", ok: true, required: false }]),
      });
    } finally {
      await api.close();
    }
  });
});
