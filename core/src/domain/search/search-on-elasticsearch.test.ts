import { randomBytes } from "node:crypto";
import { Client } from "@elastic/elasticsearch";
import { afterAll, describe, it } from "vitest";
import { testElasticsearchUrl } from "../../config.js";
import { describePeopleSearch } from "./people-search-suite.js";

// The people-search suite (people-search-suite.ts), the one the SQL indexes pass, against a real
// Elasticsearch. It needs a server: set TEST_ELASTICSEARCH_URL (docker-compose.yml's elasticsearch service,
// http://127.0.0.1:9200). Each run works under an alias of its own and deletes its indexes afterwards.
const url = testElasticsearchUrl();

if (url === undefined) {
  describe.skip("people search on Elasticsearch: skipped, TEST_ELASTICSEARCH_URL is not set (no server to run against)", () => {
    it.todo("passes the people-search suite against a real Elasticsearch server");
  });
} else {
  const alias = `skillswap-test-${randomBytes(4).toString("hex")}`;
  describePeopleSearch({
    name: `Elasticsearch (${url})`,
    provider: "sqlite",
    config: { ELASTICSEARCH_URL: url, ELASTICSEARCH_INDEX: alias },
  });
  afterAll(async () => {
    const client = new Client({ node: url });
    try {
      // By name: Elasticsearch refuses wildcard deletes by default (action.destructive_requires_name).
      const indexes = Object.keys(await client.indices.get({ index: `${alias}-*` }, { ignore: [404] }));
      for (const index of indexes.filter((name) => name.startsWith(`${alias}-`)))
        await client.indices.delete({ index }, { ignore: [404] });
    } finally {
      await client.close();
    }
  });
}
