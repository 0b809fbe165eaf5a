import { newPublicPerson, testProviders } from "@skillswap/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type ApiHarness } from "../../testing/api-harness.js";

describe.each(testProviders())("ETags on API reads (%s)", (provider) => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi(provider);
  });
  afterAll(() => api.close());

  const read = (url: string, headers: Record<string, string> = {}) => api.app.inject({ method: "GET", url, headers });

  it("tags a profile; asking again with the tag answers 304 with no body, until the profile changes", async () => {
    const ana = await newPublicPerson(api.core, "Ana", { Guitar: 4 });
    const url = `/api/v1/users/${ana.handle}`;
    const first = await read(url);
    expect(first.statusCode).toBe(200);
    const tag = String(first.headers.etag);
    expect(tag).toMatch(/^"[\w-]{27}"$/);
    expect(first.headers["cache-control"]).toBe("private, no-cache");
    expect(String(first.headers.vary)).toContain("cookie");

    const unchanged = await read(url, { "if-none-match": tag });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.payload).toBe("");
    expect(unchanged.headers.etag).toBe(tag);
    // Weak comparison, as RFC 9110 asks of If-None-Match, and any tag of a list.
    expect((await read(url, { "if-none-match": `"old", W/${tag}` })).statusCode).toBe(304);
    expect((await read(url, { "if-none-match": "*" })).statusCode).toBe(304);

    await api.core.services.profiles.update(ana, { bio: "Guitar on Tuesdays." });
    const changed = await read(url, { "if-none-match": tag });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ bio: "Guitar on Tuesdays." });
    expect(changed.headers.etag).not.toBe(tag);
  });

  it("tags what each viewer sees: the owner's view and the public's differ", async () => {
    const bea = await newPublicPerson(api.core, "Bea");
    const url = `/api/v1/users/${bea.handle}`;
    const publicTag = String((await read(url)).headers.etag);
    const own = await (await api.as(bea)).get(url);
    expect(own.status).toBe(200);
    expect(own.headers.etag).not.toBe(publicTag);
  });

  it("leaves writes and refusals untagged", async () => {
    const missing = await read("/api/v1/users/nobody_here");
    expect(missing.statusCode).toBe(404);
    expect(missing.headers.etag).toBeUndefined();
    const cy = await api.as(await newPublicPerson(api.core, "Cy"));
    const write = await cy.patch("/api/v1/me", { bio: "Hello" });
    expect(write.status).toBe(200);
    expect(write.headers.etag).toBeUndefined();
  });
});
