import { randomBytes } from "node:crypto";
import { Client, type ClientOptions, type estypes } from "@elastic/elasticsearch";
import { editDistance } from "../../text/edit-distance.js";
import type { FeedPosition, PeopleQuery, SearchDocument, SearchIndex, SearchPage } from "../../ports/search-index.js";
import { peopleHits } from "./people-hits.js";
import { peopleIndexBody, type CatalogSpelling } from "./people-index-body.js";
import { mayBeMisspelt, peopleSearchBody } from "./people-query.js";
import { bulkOperations, feedDocumentId, feedSource, type FeedSource, type PersonSource } from "./person-source.js";

export interface ElasticsearchSearchOptions {
  /** The alias searches and updates go through; each rebuild fills a new `<alias>-<time>-<random>` index. */
  readonly alias: string;
  /** The catalog's spellings, read at every rebuild: the new index's synonym rules. */
  readonly spellings: () => Promise<readonly CatalogSpelling[]>;
}

const maxVariants = 8;
const notFound = { ignore: [404] };

/** The first failed item of a bulk response; deleting someone already gone is not a failure. */
function bulkFailure(response: estypes.BulkResponse): string | null {
  for (const item of response.items)
    for (const result of Object.values(item))
      if (result.error !== undefined && result.error !== null)
        return `${result.error.type}: ${result.error.reason ?? ""} (${result._id ?? ""})`;
  return null;
}

async function bulk(client: Client, request: estypes.BulkRequest): Promise<void> {
  const failure = bulkFailure(await client.bulk(request));
  if (failure !== null) throw new Error(`Elasticsearch refused part of a bulk write: ${failure}`);
}

/**
 * The people-search index in Elasticsearch (when ELASTICSEARCH_URL is set): one document per person with
 * nested skills, the same concepts, weights, filters and sort keys as the SQL indexes (see people-query.ts),
 * fed by the same outbox reader. Rebuilds fill a fresh index and move the alias to it in one atomic action,
 * so searches never see a half-built index.
 *
 * Elasticsearch has no transactions: `apply` writes people first and the feed position only once they are
 * all written, so a failure leaves the position behind and the feed applies the same events again (applying
 * them is idempotent: each reloads the person).
 */
export class ElasticsearchSearchIndex implements SearchIndex {
  readonly kind = "elasticsearch";

  constructor(
    private readonly client: Client,
    private readonly options: ElasticsearchSearchOptions,
  ) {}

  private get alias(): string {
    return this.options.alias;
  }

  async similarWords(word: string, maxEdits: number): Promise<string[]> {
    if (maxEdits <= 0) return [];
    const response = await this.client.search({
      index: this.alias,
      size: 0,
      suggest: {
        similar: {
          text: word,
          term: {
            field: "vocabulary",
            suggest_mode: "always",
            max_edits: Math.min(2, maxEdits),
            prefix_length: 0,
            size: maxVariants * 4,
          },
        },
      },
    });
    const options = (response.suggest?.similar ?? []).flatMap((entry) =>
      Array.isArray(entry.options) ? entry.options : [entry.options],
    );
    const scored = new Map<string, number>();
    for (const { text } of options) {
      const distance = editDistance(word, text, maxEdits);
      if (text !== word && distance <= maxEdits) scored.set(text, distance);
    }
    return [...scored]
      .sort(([a, da], [b, db]) => da - db || a.localeCompare(b))
      .map(([text]) => text)
      .slice(0, maxVariants);
  }

  /** Of the words the query may take as misspelt, those the index holds: those are taken as written. */
  async knownWords(query: PeopleQuery): Promise<Set<string>> {
    const words = [
      ...new Set(query.concepts.flatMap((c) => c.words.filter((w) => mayBeMisspelt(w, new Set())).map((w) => w.text))),
    ];
    if (words.length === 0) return new Set();
    const response = await this.client.search({
      index: this.alias,
      size: 0,
      aggs: {
        known: { filters: { filters: Object.fromEntries(words.map((w) => [w, { term: { vocabulary: w } }])) } },
      },
    });
    const buckets = (response.aggregations?.known as estypes.AggregationsFiltersAggregate | undefined)?.buckets ?? {};
    return new Set(Array.isArray(buckets) ? [] : words.filter((w) => (buckets[w]?.doc_count ?? 0) > 0));
  }

  async people(query: PeopleQuery): Promise<SearchPage> {
    const known = await this.knownWords(query);
    const response = await this.client.search<PersonSource>({ index: this.alias, ...peopleSearchBody(query, known) });
    const hits = response.hits.hits;
    return { hits: peopleHits(query, known, hits.slice(0, query.limit)), more: hits.length > query.limit };
  }

  async apply(change: {
    readonly upsert: readonly SearchDocument[];
    readonly remove: readonly string[];
    readonly position: FeedPosition | null;
  }): Promise<void> {
    // require_alias: a write before the first rebuild must fail, not create an index named like the alias.
    if (change.upsert.length > 0 || change.remove.length > 0)
      await bulk(this.client, {
        index: this.alias,
        require_alias: true,
        refresh: "wait_for",
        operations: bulkOperations(change.upsert, change.remove),
      });
    if (change.position !== null)
      await this.client.index({
        index: this.alias,
        id: feedDocumentId,
        document: feedSource(change.position),
        require_alias: true,
        refresh: "wait_for",
      });
  }

  async rebuild(batches: AsyncIterable<readonly SearchDocument[]>, position: FeedPosition | null): Promise<number> {
    const index = `${this.alias}-${Date.now()}-${randomBytes(3).toString("hex")}`;
    const { settings, mappings } = peopleIndexBody(await this.options.spellings());
    await this.client.indices.create({ index, settings, mappings });
    try {
      let indexed = 0;
      for await (const documents of batches) {
        if (documents.length === 0) continue;
        await bulk(this.client, { index, operations: bulkOperations(documents, []) });
        indexed += documents.length;
      }
      if (position !== null) await this.client.index({ index, id: feedDocumentId, document: feedSource(position) });
      await this.client.indices.refresh({ index });
      await this.swapAlias(index);
      return indexed;
    } catch (error) {
      // The half-built index goes; if even that fails, the rebuild's own error is the one worth reporting.
      await this.client.indices.delete({ index }, notFound).catch(() => undefined);
      throw error;
    }
  }

  /** Points the alias at the new index and deletes the indexes it pointed at, in one atomic action. */
  private async swapAlias(index: string): Promise<void> {
    const current = await this.client.indices.getAlias({ name: this.alias }, notFound);
    const previous = Object.keys(current).filter((name) => name !== "error" && name !== "status");
    // An index named like the alias (made by a write before any rebuild) would refuse the alias: it goes too.
    const squatting = previous.length === 0 && (await this.client.indices.exists({ index: this.alias }));
    await this.client.indices.updateAliases({
      actions: [
        { add: { index, alias: this.alias } },
        ...[...previous, ...(squatting ? [this.alias] : [])].map((old) => ({ remove_index: { index: old } })),
      ],
    });
  }

  async position(): Promise<FeedPosition | null> {
    const response = await this.client.get<FeedSource>({ index: this.alias, id: feedDocumentId }, notFound);
    const source = response.found ? response._source : undefined;
    return source === undefined ? null : { cursor: source.feed_cursor, since: new Date(source.feed_since) };
  }

  async size(): Promise<number> {
    const response = await this.client.count({ index: this.alias, query: { term: { doc_kind: "person" } } }, notFound);
    return response.count ?? 0;
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

/** The index behind `url` (ELASTICSEARCH_URL); `client` options replace the connection in tests. */
export function elasticsearchSearchIndex(
  url: string,
  options: ElasticsearchSearchOptions,
  client: Omit<ClientOptions, "node"> = {},
): ElasticsearchSearchIndex {
  return new ElasticsearchSearchIndex(new Client({ ...client, node: url }), options);
}
