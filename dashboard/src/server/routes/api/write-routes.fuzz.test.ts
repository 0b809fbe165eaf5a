import { acceptedSwap, newCommunity, newPublicPerson, testProviders } from "@skillswap/core/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type ApiClient, type ApiHarness, type Method } from "../../testing/api-harness.js";

/**
 * Every route that changes something, fed random JSON bodies and path parameters that are sometimes real ids
 * and handles (so requests go past "not found" into the use cases) and sometimes junk. Whatever arrives, the
 * API answers with a result or a 4xx in the error shape — never a 5xx. The routes are read from the app
 * itself, so a route added later is fuzzed without anyone listing it here.
 */

const writeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);
// Signing out, revoking sessions or deleting the account would end the fuzzer's own session midway; each is
// tested on its own.
const sessionEnding = /\/auth\/(logout|sessions)|^\/api\/v1\/me$/;

describe.each(testProviders())("random input to every write route (%s)", (provider) => {
  let api: ApiHarness;
  let client: ApiClient;
  let realIds: string[];
  let realHandles: string[];

  beforeAll(async () => {
    api = await startApi(provider);
    // The fuzzer is in a swap, a conversation and administers a community, so ids lead somewhere it may act.
    const { swapId, conversationId, ana, bea } = await acceptedSwap(api.core);
    const other = await newPublicPerson(api.core, "Cleo");
    const communityId = await newCommunity(api.core, [bea, other], [ana]);
    realIds = [swapId, conversationId, communityId];
    realHandles = [ana.handle, bea.handle, other.handle];
    client = await api.as(ana);
  });
  afterAll(() => api.close());

  const routes = () =>
    api.app.knownRoutes.filter(
      (route) => route.url.startsWith("/api/v1/") && writeMethods.has(route.method) && !sessionEnding.test(route.url),
    );

  it("never answers 5xx, and every refusal is in the error shape", async () => {
    expect(routes().length).toBeGreaterThan(0);
    for (const route of routes()) {
      const parameter = fc.oneof(
        fc.constantFrom(...realIds, ...realHandles),
        fc.string({ minLength: 1, maxLength: 40 }),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(parameter, { minLength: 4, maxLength: 4 }), fc.jsonValue(), async (values, body) => {
          let next = 0;
          const url = route.url.replace(/:[A-Za-z0-9_]+/g, () =>
            encodeURIComponent(values[next++ % values.length] ?? "x"),
          );
          const response = await client.request(route.method as Method, url, body);
          const context = `${route.method} ${url} ${JSON.stringify(body)?.slice(0, 200)} → ${response.status}`;
          expect(response.status, context).toBeLessThan(500);
          if (response.status >= 400) {
            expect(response.body, context).toMatchObject({
              error: { code: expect.any(String), message: expect.any(String) },
            });
          }
        }),
        { numRuns: 12, seed: 20261207 },
      );
    }
  }, 300_000);
});
