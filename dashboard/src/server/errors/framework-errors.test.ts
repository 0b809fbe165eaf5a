import { request as httpRequest } from "node:http";
import { newPerson } from "@skillswap/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type ApiHarness } from "../testing/api-harness.js";

/** A raw request on the socket, so Node's parser and Fastify's router see exactly what a client sent. */
function raw(url: string, target: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const request = httpRequest({ hostname, port, path: target, method: "GET", headers }, (response) => {
      let text = "";
      response.on("data", (chunk: Buffer) => (text += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as unknown }));
    });
    request.on("error", reject);
    request.end();
  });
}

describe("what the API answers to requests it cannot serve", () => {
  let api: ApiHarness;
  let url: string;

  beforeAll(async () => {
    api = await startApi();
    url = await api.app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(() => api.close());

  it("says 404 in the error shape for an address nothing answers", async () => {
    const response = await api.visitor.get("/api/v1/nothing-here");
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: "REQUEST.NOT_FOUND", message: "Nothing is at this address." } });
  });

  it("says 405 with Allow when the address exists for other methods", async () => {
    const response = await api.visitor.put("/api/v1/me");
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe("GET, HEAD, DELETE, PATCH");
    expect(response.body).toMatchObject({ error: { code: "REQUEST.METHOD_NOT_ALLOWED" } });
  });

  it("refuses a body that is not JSON, naming the problem", async () => {
    const ana = await api.as(await newPerson(api.core, "ana"));
    const response = await ana.raw("PATCH", "/api/v1/me", '{"bio": "half', "application/json");
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: { code: "FST_ERR_CTP_INVALID_JSON_BODY", message: "The body is not valid JSON." },
    });
  });

  it("refuses a body of another type with 415", async () => {
    const ben = await api.as(await newPerson(api.core, "ben"));
    const response = await ben.raw("PATCH", "/api/v1/me", "bio=hi", "text/plain");
    expect(response.status).toBe(415);
    expect(response.body).toEqual({
      error: {
        code: "FST_ERR_CTP_INVALID_MEDIA_TYPE",
        message: "Send the body as JSON, with Content-Type: application/json.",
      },
    });
  });

  it("refuses bad percent-encoding with 400 in the error shape", async () => {
    const response = await raw(url, "/api/v1/users/%E0%A4%A");
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: { code: "FST_ERR_BAD_URL", message: "The address is not valid: check its percent-encoding." },
    });
  });

  it("refuses an over-long path parameter with 414 and an over-long address with 431, both in the shape", async () => {
    const longParameter = await raw(url, `/api/v1/users/${"a".repeat(300)}`);
    expect(longParameter.status).toBe(414);
    expect(longParameter.body).toMatchObject({ error: { code: "FST_ERR_MAX_PARAM_LENGTH" } });
    const longAddress = await raw(url, `/api/v1/users/x?q=${"a".repeat(20_000)}`);
    expect(longAddress.status).toBe(431);
    expect(longAddress.body).toEqual({
      error: { code: "REQUEST.TOO_LARGE", message: "The address or headers are too long." },
    });
  });

  it("asks a visitor to sign in with 401 before looking at what they sent", async () => {
    const response = await api.visitor.patch("/api/v1/me", { bio: 42 });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: { code: "AUTH.REQUIRED", message: "Sign in first." } });
  });
});
