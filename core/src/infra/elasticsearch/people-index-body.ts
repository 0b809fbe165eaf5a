import type { estypes } from "@elastic/elasticsearch";

/** One spelling of an approved catalog skill (its name, an alias, a listed misspelling or a translation). */
export interface CatalogSpelling {
  /** Already normalised, as the catalog stores it. */
  readonly spelling: string;
  readonly skillId: string;
}

/** Words are normalised and split by the adapter (text/words.ts), as for the SQL indexes: ES only splits on spaces. */
const wordsField = { type: "text", analyzer: "words", norms: false, index_options: "docs" } as const;

/** A slot of a weekly schedule, [start, end) in minutes since Sunday 00:00 UTC. */
const week = { type: "integer_range" } as const;

/**
 * The catalog as Solr-format synonym rules, every spelling → the ids of the skills it spells. Commas, "=>",
 * "#" and backslashes inside a spelling are escaped: a proposed skill's alias is free text.
 */
export function synonymRules(spellings: readonly CatalogSpelling[]): string[] {
  const bySpelling = new Map<string, Set<string>>();
  for (const { spelling, skillId } of spellings) {
    const ids = bySpelling.get(spelling) ?? new Set<string>();
    ids.add(skillId);
    bySpelling.set(spelling, ids);
  }
  const escape = (text: string) => text.replace(/[\\,=>#]/g, (c) => `\\${c}`);
  return [...bySpelling]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([spelling, ids]) => `${escape(spelling)} => ${[...ids].sort().map(escape).join(", ")}`);
}

/**
 * Settings and mappings of a people index. One shard: the index is small (a document per person) and a
 * single shard keeps scores, term statistics and bulk order simple. `skills.skill_id.spelling` resolves
 * what someone typed through the catalog's synonyms (`js`, `gitar`, `ギター` → skill:javascript, skill:guitar)
 * for anyone querying the index directly; the adapter's own queries carry the skill ids the domain already
 * resolved (the live catalog: a skill approved after the index was built has no synonym rule until a reindex).
 */
export function peopleIndexBody(spellings: readonly CatalogSpelling[]): {
  settings: estypes.IndicesIndexSettings;
  mappings: estypes.MappingTypeMapping;
} {
  return {
    settings: {
      number_of_shards: 1,
      analysis: {
        analyzer: {
          words: { type: "custom", tokenizer: "whitespace" },
          skill_id: { type: "custom", tokenizer: "keyword", filter: ["lowercase"] },
          skill_spelling: { type: "custom", tokenizer: "keyword", filter: ["lowercase", "catalog_spellings"] },
        },
        filter: {
          catalog_spellings: { type: "synonym_graph", lenient: true, synonyms: synonymRules(spellings) },
        },
      },
    },
    mappings: {
      dynamic: "strict",
      properties: {
        doc_kind: { type: "keyword" },
        user_id: { type: "keyword" },
        handle: { type: "keyword", index: false },
        display_name: { type: "keyword", index: false },
        avatar_key: { type: "keyword", index: false },
        // Names and handles are also found by their beginning ("mar" → Maria): prefixes indexed, not scanned.
        name_words: { ...wordsField, copy_to: "vocabulary", index_prefixes: { min_chars: 2, max_chars: 10 } },
        handle_words: { ...wordsField, copy_to: "vocabulary", index_prefixes: { min_chars: 2, max_chars: 10 } },
        bio_words: { ...wordsField, copy_to: "vocabulary" },
        /** Every word of the three fields: whether a typed word is known, and typo neighbours (term suggester). */
        vocabulary: wordsField,
        visibility: { type: "keyword" },
        community_ids: { type: "keyword" },
        mode: { type: "keyword" },
        /** The person's mode and each skill's own: a person meets a mode if they can for something. */
        modes: { type: "keyword" },
        location: { type: "geo_point" },
        location_name: { type: "keyword", index: false },
        trust: { type: "double", index: false },
        trust_key: { type: "integer" },
        rating_count: { type: "integer", index: false },
        rating_key: { type: "long" },
        active_at: { type: "long" },
        week: { ...week, index: false },
        /** The general slots and every skill's own: a person is free at a time if they are for something. */
        any_week: week,
        skills: {
          type: "nested",
          properties: {
            skill_id: {
              type: "keyword",
              fields: { spelling: { type: "text", analyzer: "skill_id", search_analyzer: "skill_spelling" } },
            },
            category_id: { type: "keyword" },
            direction: { type: "keyword" },
            level: { type: "integer" },
            /** The level when taught, else 0: what the teaching bonus multiplies. */
            teach_level: { type: "integer" },
            mode: { type: "keyword" },
            own_week: { ...week, index: false },
            /** The slots the skill can be had in: its own when it has some, else the person's general ones. */
            slots: week,
          },
        },
        feed_cursor: { type: "keyword", index: false },
        feed_since: { type: "long", index: false },
      },
    },
  };
}
