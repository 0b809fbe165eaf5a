import { newPerson } from "@skillswap/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type ApiHarness } from "../../testing/api-harness.js";

describe("how many API requests a client may make", () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi("sqlite", {
      requestLimits: { api: { max: 6, windowMs: 60_000 }, costly: { max: 2, windowMs: 60_000 } },
    });
  });
  afterAll(() => api.close());

  it("answers 429 with Retry-After, in the error shape, once a visitor's address is past the limit", async () => {
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push(await api.visitor.get("/api/v1/users/nobody"));
    expect(answers.slice(0, 6).map((a) => a.status)).toEqual([404, 404, 404, 404, 404, 404]);
    const refused = answers[6];
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers["retry-after"])).toBeGreaterThan(0);
    expect(refused?.body).toMatchObject({ error: { code: "RATE_LIMIT.EXCEEDED", message: expect.any(String) } });
  });

  it("counts a signed-in person apart from their address, and holds costly reads to a stricter bucket", async () => {
    const ana = await api.as(await newPerson(api.core, "Ana"));
    expect((await ana.get("/api/v1/people?q=guitar")).status).toBe(200);
    expect((await ana.get("/api/v1/skills/suggestions?q=gui")).status).toBe(200);
    expect((await ana.get("/api/v1/people?q=guitar")).status).toBe(429);
    // The general bucket still has room: other routes answer.
    expect((await ana.get("/api/v1/me")).status).toBe(200);
  });
});
