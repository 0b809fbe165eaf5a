import { createRequire } from "node:module";
import type { BaseConnection } from "@elastic/elasticsearch";
import type { MockPattern } from "@elastic/elasticsearch-mock";
import { elasticsearchSearchIndex } from "../infra/elasticsearch/elasticsearch-search-index.js";
import type { CatalogSpelling } from "../infra/elasticsearch/people-index-body.js";

/** What these tests use of @elastic/elasticsearch-mock's class. */
interface MockServer {
  add(pattern: MockPattern, resolver: (params: MockPattern) => Record<string, unknown> | string): unknown;
  getConnection(): typeof BaseConnection;
}
type MockServerClass = new () => MockServer;

/** A request the mocked server answered: NDJSON bodies (bulk) arrive as their list of lines. */
export interface SentRequest {
  readonly method: string;
  readonly path: string;
  readonly querystring: Record<string, string>;
  readonly body: unknown;
}

/**
 * An Elasticsearch people index whose client talks to @elastic/elasticsearch-mock: `on` answers a route
 * ("/:index/_bulk") with a canned response, and `sent` records every request in order. The mock evaluates no
 * query: tests built on it check what the adapter asks and how it reads answers, not what a server would find.
 */
export function mockedElasticsearch(spellings: readonly CatalogSpelling[] = []) {
  // The package is CommonJS whose typings declare an ES default export: loaded as Node loads it.
  const Mock = createRequire(import.meta.url)("@elastic/elasticsearch-mock") as MockServerClass;
  const mock = new Mock();
  const sent: SentRequest[] = [];
  const on = (method: string, path: string, answer: (request: SentRequest) => unknown) =>
    mock.add({ method, path }, (params: MockPattern) => {
      const request: SentRequest = {
        method: String(params.method),
        path: String(params.path),
        querystring: params.querystring ?? {},
        body: params.body ?? null,
      };
      sent.push(request);
      return answer(request) as Record<string, unknown>;
    });
  const index = elasticsearchSearchIndex(
    "http://elasticsearch.test:9200",
    { alias: "people", spellings: () => Promise.resolve(spellings) },
    { Connection: mock.getConnection() },
  );
  return { index, on, sent, paths: () => sent.map((r) => `${r.method} ${r.path}`) };
}
