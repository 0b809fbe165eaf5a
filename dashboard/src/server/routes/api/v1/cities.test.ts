import { newPerson, testProviders } from "@skillswap/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type ApiHarness } from "../../../testing/api-harness.js";

describe.each(testProviders())("city suggestions over HTTP (%s)", (provider) => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi(provider);
  });
  afterAll(() => api.close());

  it("suggests cities starting with what is typed, each with the query that finds exactly it", async () => {
    const response = await api.visitor.get("/api/v1/cities/suggestions?q=portla&limit=5");
    expect(response.status).toBe(200);
    const suggestions = response.body as Array<{ label: string; query: string }>;
    expect(suggestions.length).toBeGreaterThan(1);
    expect(suggestions.length).toBeLessThanOrEqual(5);
    for (const suggestion of suggestions) expect(suggestion.label).toMatch(/^Portla/);
  });

  it("sets my city from a suggestion's query without asking which one I meant", async () => {
    const ana = await api.as(await newPerson(api.core, "Ana"));
    const [, second] = (await ana.get("/api/v1/cities/suggestions?q=portland")).body as Array<{
      label: string;
      query: string;
    }>;
    expect(second).toBeDefined();
    const response = await ana.patch("/api/v1/me", { location: second?.query });
    expect(response.status).toBe(200);
    const { name, region, country } = (response.body as { location: Record<string, string> }).location;
    expect(second?.label).toBe([name, region, country].filter((part) => part !== "").join(", "));
  });

  it("answers nothing for nothing typed, and refuses a query it does not know", async () => {
    expect((await api.visitor.get("/api/v1/cities/suggestions")).body).toEqual([]);
    expect((await api.visitor.get("/api/v1/cities/suggestions?q=lyon&where=fr")).status).toBe(400);
  });
});
