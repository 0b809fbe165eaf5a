import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConfigInput } from "../../config.js";
import { createTestCore, domainErrorOf, testRedisUrl, type TestCore } from "../../testing/index.js";

const redis = testRedisUrl();
const counters: { label: string; config: Partial<ConfigInput> }[] = [
  { label: "in process", config: {} },
  ...(redis === undefined ? [] : [{ label: "in Redis", config: { REDIS_URL: redis } }]),
];

describe.each(counters)("limiting attempts ($label)", ({ config }) => {
  let core: TestCore;
  beforeAll(async () => {
    core = await createTestCore("sqlite", {}, config);
  });
  afterAll(() => core.close());

  const limit = { max: 3, windowMs: 15 * 60_000 };

  it("allows up to the limit, then refuses saying how long to wait", async () => {
    const subject = `203.0.113.${Math.random()}`;
    for (let i = 0; i < 3; i++) await core.services.rateLimits.consume("login", subject, limit);
    const error = await domainErrorOf(() => core.services.rateLimits.consume("login", subject, limit));
    expect(error).toMatchObject({ kind: "rate_limited", code: "RATE_LIMIT.EXCEEDED" });
    expect(error.params.retryAfterSeconds).toBeGreaterThan(800);
    expect(error.params.retryAfterSeconds).toBeLessThanOrEqual(900);
    expect(error.params.minutes).toBe(15);
  });

  it("counts each action and subject apart", async () => {
    const subject = `ana-${Math.random()}@example.org`;
    for (let i = 0; i < 3; i++) await core.services.rateLimits.consume("login", subject, limit);
    await core.services.rateLimits.consume("password_reset", subject, limit);
    await core.services.rateLimits.consume("login", `${subject}.other`, limit);
  });
});

describe("an attempt window kept in process", () => {
  it("opens again once it has passed", async () => {
    const core = await createTestCore("sqlite");
    try {
      const limit = { max: 1, windowMs: 60_000 };
      await core.services.rateLimits.consume("login", "x", limit);
      await expect(core.services.rateLimits.consume("login", "x", limit)).rejects.toThrow("RATE_LIMIT.EXCEEDED");
      core.clock.advance(60_000);
      await core.services.rateLimits.consume("login", "x", limit);
    } finally {
      await core.close();
    }
  });
});
