import type { FeedPosition, SearchDocument, SearchMeetingMode, WeekInterval } from "../../ports/search-index.js";
import { personRow } from "../search-sql/documents.js";

/** A weekly slot as an integer_range: [gte, lt). */
export interface RangeSlot {
  readonly gte: number;
  readonly lt: number;
}

export interface SkillSource {
  readonly skill_id: string;
  readonly category_id: string;
  readonly direction: "teach" | "learn";
  readonly level: number;
  readonly teach_level: number;
  readonly mode: SearchMeetingMode;
  readonly own_week: readonly RangeSlot[] | null;
  readonly slots: readonly RangeSlot[];
}

/** A person as the index stores them: display fields, normalised words, integer sort keys, nested skills. */
export interface PersonSource {
  readonly doc_kind: "person";
  readonly user_id: string;
  readonly handle: string;
  readonly display_name: string;
  readonly avatar_key: string | null;
  readonly name_words: string;
  readonly handle_words: string;
  readonly bio_words: string;
  readonly visibility: string;
  readonly community_ids: readonly string[];
  readonly mode: SearchMeetingMode;
  readonly modes: readonly SearchMeetingMode[];
  readonly location: { readonly lat: number; readonly lon: number } | null;
  readonly location_name: string | null;
  readonly trust: number;
  readonly trust_key: number;
  readonly rating_count: number;
  readonly rating_key: number;
  readonly active_at: number;
  readonly week: readonly RangeSlot[];
  readonly any_week: readonly RangeSlot[];
  readonly skills: readonly SkillSource[];
}

/** The feed position lives in the people index itself, so an alias swap moves it with the documents it describes. */
export const feedDocumentId = "~feed";

export interface FeedSource {
  readonly doc_kind: "feed";
  readonly feed_cursor: string;
  readonly feed_since: number;
}

const ranges = (week: readonly WeekInterval[]): RangeSlot[] => week.map((w) => ({ gte: w.start, lt: w.end }));
export const intervals = (slots: readonly RangeSlot[]): WeekInterval[] =>
  slots.map((s) => ({ start: s.gte, end: s.lt }));

export function personSource(document: SearchDocument): PersonSource {
  const row = personRow(document);
  const skills = document.skills.map((s): SkillSource => ({
    skill_id: s.skillId,
    category_id: s.categoryId,
    direction: s.direction,
    level: s.level,
    teach_level: s.direction === "teach" ? s.level : 0,
    mode: s.mode,
    own_week: s.week === null ? null : ranges(s.week),
    slots: ranges(s.week ?? document.week),
  }));
  return {
    doc_kind: "person",
    user_id: row.userId,
    handle: row.handle,
    display_name: row.displayName,
    avatar_key: row.avatarKey,
    name_words: row.nameWords,
    handle_words: row.handleWords,
    bio_words: row.bioWords,
    visibility: document.visibility,
    community_ids: [...new Set(document.communityIds)],
    mode: document.mode,
    modes: [...new Set([document.mode, ...document.skills.map((s) => s.mode)])],
    location: document.location === null ? null : { lat: document.location.latitude, lon: document.location.longitude },
    location_name: row.locationName,
    trust: row.trust,
    trust_key: row.trustKey,
    rating_count: row.ratingCount,
    rating_key: row.ratingKey,
    active_at: row.activeAt,
    week: ranges(document.week),
    any_week: ranges([...document.week, ...document.skills.flatMap((s) => s.week ?? [])]),
    skills,
  };
}

export function feedSource(position: FeedPosition): FeedSource {
  return { doc_kind: "feed", feed_cursor: position.cursor, feed_since: position.since.getTime() };
}

export type BulkLine = object;

/** Bulk operations that replace whole people (index by user id: one document each) and remove others. */
export function bulkOperations(upsert: readonly SearchDocument[], remove: readonly string[]): BulkLine[] {
  return [
    ...upsert.flatMap((document) => [{ index: { _id: document.userId } }, personSource(document)]),
    ...remove.map((userId) => ({ delete: { _id: userId } })),
  ];
}
