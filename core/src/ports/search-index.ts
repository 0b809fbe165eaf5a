/**
 * The people-search index: a derived, rebuildable copy of what search needs about each person. Use cases hand
 * it a fully resolved query (skill ids already looked up in the catalog, cities already turned into
 * coordinates, the viewer's communities and blocks already read), so an implementation only retrieves,
 * filters, ranks and pages. Implementations: SQLite FTS5 + trigram (embedded), PostgreSQL tsvector + pg_trgm.
 */

export type SearchDirection = "teach" | "learn";
export type SearchMeetingMode = "online" | "in_person" | "either";
export type SearchSort = "relevance" | "distance" | "rating" | "recent";

/** Minutes since Sunday 00:00 UTC, [start, end). */
export interface WeekInterval {
  readonly start: number;
  readonly end: number;
}

export interface SearchDocument {
  readonly userId: string;
  readonly handle: string;
  readonly displayName: string;
  readonly bio: string;
  /** The key of the person's picture (see profiles/avatars.ts), null without one: hits show it as found. */
  readonly avatarKey: string | null;
  /** Private profiles are never indexed. */
  readonly visibility: "public" | "communities";
  readonly communityIds: readonly string[];
  readonly mode: SearchMeetingMode;
  readonly location: { readonly name: string; readonly latitude: number; readonly longitude: number } | null;
  readonly ratingCount: number;
  /** Bayesian average rating, 0–5, already computed by the domain rule. */
  readonly trust: number;
  readonly lastActiveAt: Date;
  readonly skills: ReadonlyArray<{
    readonly skillId: string;
    readonly categoryId: string;
    readonly direction: SearchDirection;
    readonly level: number;
    /** How the person meets for this skill: its own mode when they set one, else their profile's. */
    readonly mode: SearchMeetingMode;
    /** The skill's own weekly slots in UTC, when it has some (then `week` does not apply to it). */
    readonly week: readonly WeekInterval[] | null;
  }>;
  /** General weekly availability in UTC; empty when the person gave none. */
  readonly week: readonly WeekInterval[];
}

/**
 * How a catalog skill was reached from what the person typed: one of its spellings, a typo of one, or the
 * beginning of one (a short last word: "gui" → Guitar).
 */
export type SkillMatchKind = "name" | "fuzzy" | "prefix";

/**
 * One thing the query asks for; a person must satisfy every concept. A concept matches a person through any
 * of its skills, or through its word in their name, handle or bio — the word also fuzzily, when allowed.
 */
export interface SearchConcept {
  /** What the person typed for this concept, normalised ("gitar", "machine learning"). */
  readonly typed: string;
  readonly skills: ReadonlyArray<{ readonly skillId: string; readonly kind: SkillMatchKind }>;
  /** Words to find, all of them, in one text field; each may carry typos up to its `maxEdits`. */
  readonly words: ReadonlyArray<{ readonly text: string; readonly maxEdits: number }>;
  /** The last word of a query also matches as a prefix ("mar" → Maria). */
  readonly prefix: boolean;
  /** Whether text fields may satisfy the concept (not when skill filters constrain it to skills). */
  readonly textAllowed: boolean;
}

export interface SkillFilter {
  readonly categoryId?: string;
  readonly direction?: SearchDirection;
  readonly minLevel?: number;
}

export interface SortPosition {
  readonly key: number;
  readonly userId: string;
}

export interface PeopleQuery {
  readonly viewer: {
    readonly userId: string;
    readonly communityIds: readonly string[];
    /** People blocked by or blocking the viewer: never returned. */
    readonly hidden: readonly string[];
  };
  readonly concepts: readonly SearchConcept[];
  readonly skillFilter: SkillFilter;
  /** Reference point for distances; `km` (when set) keeps only people within it. */
  readonly origin?: { readonly latitude: number; readonly longitude: number; readonly km?: number };
  /**
   * Keeps people who can meet this way: a skill that the query names or filters on must be had so (its own mode,
   * else the person's); otherwise the person must, for something (generally or for one of their skills).
   */
  readonly mode?: "online" | "in_person";
  readonly communityId?: string;
  /**
   * Keeps people whose weekly availability overlaps one of these UTC intervals, the same way as `mode`: a
   * matching skill by its own slots when it has some, else the person's; otherwise any of their slots.
   */
  readonly window?: readonly WeekInterval[];
  readonly sort: SearchSort;
  readonly after?: SortPosition | undefined;
  readonly limit: number;
}

/**
 * Relevance, the same for every implementation: a concept scores its best way of matching a person, a person
 * scores the sum over concepts. Skills weigh most (and teaching well a little more: most searches look for a
 * teacher), then the name, the handle, the bio; a typo or prefix match weighs about three quarters of an exact
 * one. Every skill named or misspelt outweighs every text match, so a one-skill search lists all who list the
 * skill first. A skill whose name a short word only begins is a guess: even with the best teaching bonus (28)
 * it weighs less than any word found as typed and any name or handle the word begins, so "gui" lists a Gui or a
 * Guillaume before guitarists.
 */
export const relevance = {
  skill: 100,
  fuzzySkill: 80,
  prefixSkill: 8,
  teachLevelBonus: 4,
  text: {
    name: { exact: 70, loose: 52 },
    handle: { exact: 55, loose: 41 },
    bio: { exact: 30, loose: 22 },
  },
} as const;

export type TextField = keyof typeof relevance.text;

/** The sort key of each order, as an integer, so that cursors compare exactly: higher first unless noted. */
export const sortKeys = {
  /** relevance × 1000 + trust in hundredths. */
  relevanceScale: 1000,
  /** rating: trust in hundredths × 100,000 + number of reviews. */
  ratingScale: 100_000,
  /** distance: metres, nearest first; people without a location sort last. */
  unknownDistanceKm: 100_000,
} as const;

export type MatchField = "skill" | "name" | "handle" | "bio";

export interface MatchReason {
  readonly field: MatchField;
  /** The concept this reason satisfies, as typed. */
  readonly typed: string;
  /** For a skill match: which skill, taught or wanted, at which level. */
  readonly skill?: { readonly skillId: string; readonly direction: SearchDirection; readonly level: number };
  /** For a text match: the indexed word that matched. */
  readonly word?: string;
  readonly fuzzy: boolean;
}

export interface SearchHit {
  readonly userId: string;
  readonly handle: string;
  readonly displayName: string;
  readonly avatarKey: string | null;
  readonly locationName: string | null;
  readonly distanceKm: number | null;
  readonly trust: number;
  readonly ratingCount: number;
  readonly lastActiveAt: Date;
  readonly score: number;
  readonly reasons: readonly MatchReason[];
  readonly position: SortPosition;
}

export interface SearchPage {
  readonly hits: readonly SearchHit[];
  /** True when more hits follow the last one. */
  readonly more: boolean;
}

export interface SearchIndex {
  readonly kind: string;
  /** Words of the index within `maxEdits` of `word` (typo tolerance for names and bios), closest first. */
  similarWords(word: string, maxEdits: number): Promise<string[]>;
  people(query: PeopleQuery): Promise<SearchPage>;
  /** Applies a batch of changes and advances the feed position, atomically. */
  apply(change: {
    readonly upsert: readonly SearchDocument[];
    readonly remove: readonly string[];
    readonly position: FeedPosition | null;
  }): Promise<void>;
  /**
   * Replaces everything with the documents, given in batches, atomically: searches see the old index until
   * the new one is whole. Returns how many people it indexed.
   */
  rebuild(batches: AsyncIterable<readonly SearchDocument[]>, position: FeedPosition | null): Promise<number>;
  /** Where in the outbox the index has read up to. */
  position(): Promise<FeedPosition | null>;
  size(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Where in the outbox an index has read up to, as the feed's outbox reader wrote it: the index stores it with
 * its changes and hands it back unread.
 */
export interface FeedPosition {
  readonly cursor: string;
  readonly since: Date;
}
