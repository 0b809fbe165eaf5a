import { DomainError, type DomainErrorKind } from "@skillswap/core";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { handleError } from "./error-handler.js";

function appThrowing(error: unknown) {
  const app = Fastify();
  app.setErrorHandler(handleError);
  app.get("/", () => {
    throw error;
  });
  return app;
}

describe("how the web server answers failures", () => {
  it.each([
    ["not_found", 404],
    ["forbidden", 403],
    ["conflict", 409],
    ["invalid", 400],
    ["rate_limited", 429],
    ["unavailable", 503],
  ] as const)("answers a %s domain error with %i and its sentence", async (kind: DomainErrorKind, status) => {
    const app = appThrowing(new DomainError(kind, "SWAP.NOT_FOUND", "swap.not_found"));
    const response = await app.inject({ method: "GET", url: "/" });
    expect(response.statusCode).toBe(status);
    expect(response.json()).toEqual({
      error: { code: "SWAP.NOT_FOUND", message: "That swap request could not be found." },
    });
  });

  it("answers an unexpected fault with a generic sentence and the request id, never the cause or a stack", async () => {
    const app = appThrowing(new Error("password authentication failed for user skillswap"));
    const response = await app.inject({ method: "GET", url: "/" });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: { code: "INTERNAL", message: "Internal Server Error", requestId: expect.any(String) },
    });
    expect(response.body).not.toMatch(/password|at .*\.ts/);
  });

  it("keeps the short reason of the framework's own client errors", async () => {
    const app = appThrowing(new Error("unused"));
    app.post("/echo", () => ({ ok: true }));
    const response = await app.inject({
      method: "POST",
      url: "/echo",
      headers: { "content-type": "text/xml" },
      body: "<a/>",
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ error: { code: "FST_ERR_CTP_INVALID_MEDIA_TYPE" } });
  });
});
