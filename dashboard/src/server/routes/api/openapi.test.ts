import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type ApiHarness } from "../../testing/api-harness.js";

interface Operation {
  readonly operationId?: string;
  readonly summary?: string;
  readonly tags?: readonly string[];
  readonly responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
interface Document {
  readonly openapi: string;
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: { readonly schemas: Record<string, unknown> };
}

/** "/users/:handle" as OpenAPI writes it: "/users/{handle}". */
const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, "{$1}");

describe("the OpenAPI document", () => {
  let api: ApiHarness;
  let document: Document;

  beforeAll(async () => {
    api = await startApi();
    const response = await api.visitor.get("/api/openapi.json");
    expect(response.status).toBe(200);
    document = response.body as Document;
  });
  afterAll(() => api.close());

  const apiRoutes = () =>
    api.app.knownRoutes.filter((route) => route.url.startsWith("/api/v1/") && route.method !== "HEAD");

  it("is OpenAPI 3.1 with one shared Error schema", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.components.schemas).toHaveProperty("Error");
  });

  it("describes every API route with an operationId, a summary and tags", () => {
    expect(apiRoutes().length).toBeGreaterThan(0);
    for (const route of apiRoutes()) {
      const operation = document.paths[openApiPath(route.url)]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.url}`).toBeDefined();
      expect(operation?.operationId, `${route.method} ${route.url}`).toMatch(/^[a-z][A-Za-z]+$/);
      expect(operation?.summary, `${route.method} ${route.url}`).toBeTruthy();
      expect(operation?.tags?.length, `${route.method} ${route.url}`).toBeGreaterThan(0);
    }
  });

  it("gives every operation its own operationId", () => {
    const ids = Object.entries(document.paths)
      .filter(([path]) => path.startsWith("/api/v1/"))
      .flatMap(([, methods]) => Object.values(methods).map((operation) => operation.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("answers every client error of every operation with the shared Error schema", () => {
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        for (const [status, response] of Object.entries(operation.responses ?? {})) {
          if (!status.startsWith("4")) continue;
          expect(response.content?.["application/json"]?.schema, `${method} ${path} ${status}`).toEqual({
            $ref: "#/components/schemas/Error",
          });
        }
      }
    }
  });

  it("is browsable at /api/docs", async () => {
    const response = await api.visitor.get("/api/docs/");
    expect(response.status).toBe(200);
    expect(String(response.body)).toContain("swagger");
  });
});
