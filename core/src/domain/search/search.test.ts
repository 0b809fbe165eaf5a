import { postgresSearchIndex } from "../../infra/postgres-search/postgres-search-index.js";
import { sqliteSearchIndex } from "../../infra/sqlite-fts/sqlite-search-index.js";
import { testProviders } from "../../testing/index.js";
import { describePeopleSearch } from "./people-search-suite.js";

// The suite itself is in people-search-suite.ts: Elasticsearch runs it too (infra/elasticsearch).
for (const provider of testProviders())
  describePeopleSearch({
    name: provider,
    provider,
    withoutShortcut: (core) =>
      provider === "sqlite"
        ? sqliteSearchIndex(core.database, { shortcuts: false })
        : postgresSearchIndex(core.database.url, { shortcuts: false }),
  });
