import {
  relevance,
  type MatchReason,
  type PeopleQuery,
  type SearchDirection,
  type SearchHit,
  type TextField,
} from "../../ports/search-index.js";
import { looseFor, skillWeights, type ResolvedConcept, type WordSlot } from "./people-sql.js";

export interface PageRow {
  readonly doc: number;
  readonly userId: string;
  readonly handle: string;
  readonly displayName: string;
  readonly avatarKey: string | null;
  readonly locationName: string | null;
  readonly trust: number;
  readonly ratingCount: number;
  readonly activeAt: number;
  readonly score: number;
  readonly km: number | null;
  readonly sortKey: number;
}

export interface PageSkill {
  readonly doc: number;
  readonly skillId: string;
  readonly categoryId: string;
  readonly direction: SearchDirection;
  readonly level: number;
  /** Whether the row can be had as the query asks (mode, time): see meetingConditions in people-sql.ts. */
  readonly meets: boolean;
}

/** A weekly slot of a person on the page: general (skillId "") or one of a skill's own. */
export interface PageSlot {
  readonly doc: number;
  readonly skillId: string;
  readonly direction: string;
  readonly start: number;
  readonly end: number;
}

/** The same decision as meetingConditions, for one skill row of a person on the page and that person's slots. */
export function skillRowMeets(
  query: PeopleQuery,
  row: { readonly skillId: string; readonly direction: string; readonly mode: string; readonly ownWeek: boolean },
  slots: readonly PageSlot[],
): boolean {
  if (query.mode !== undefined && row.mode !== query.mode && row.mode !== "either") return false;
  const window = query.window ?? [];
  if (window.length === 0) return true;
  const skillId = row.ownWeek ? row.skillId : "";
  const direction = row.ownWeek ? row.direction : "";
  return slots.some(
    (slot) =>
      slot.skillId === skillId &&
      slot.direction === direction &&
      window.some((w) => slot.start < w.end && slot.end > w.start),
  );
}

export interface PageText {
  readonly doc: number;
  readonly name: string;
  readonly handle: string;
  readonly bio: string;
}

const num = (value: unknown) => Number(value);
const text = (value: unknown) => (typeof value === "string" ? value : null);

/** A result row as either driver returns it (PostgreSQL gives bigints as strings). */
export function pageRow(row: Record<string, unknown>): PageRow {
  return {
    doc: num(row.doc),
    userId: String(row.user_id),
    handle: String(row.handle),
    displayName: String(row.display_name),
    avatarKey: text(row.avatar_key),
    locationName: text(row.location_name),
    trust: num(row.trust),
    ratingCount: num(row.rating_count),
    activeAt: num(row.active_at),
    score: num(row.score),
    km: row.km === null || row.km === undefined ? null : num(row.km),
    sortKey: num(row.sort_key),
  };
}

function slotMatch(slot: WordSlot, words: ReadonlySet<string>): string | null {
  for (const word of slot.alternatives) if (words.has(word)) return word;
  if (slot.prefix !== undefined) {
    const prefix = slot.prefix;
    for (const word of words) if (word.startsWith(prefix)) return word;
  }
  return null;
}

function textReason(slots: readonly WordSlot[], words: ReadonlySet<string>): { word: string } | null {
  let first: string | null = null;
  for (const slot of slots) {
    const found = slotMatch(slot, words);
    if (found === null) return null;
    first ??= found;
  }
  return first === null ? null : { word: first };
}

/**
 * Why each concept matched this person: the same choice the SQL made (its best-scoring way), recomputed for
 * the few people on the page rather than carried through the ranking of all of them.
 */
export function reasonsFor(
  concepts: readonly ResolvedConcept[],
  query: PeopleQuery,
  skills: readonly PageSkill[],
  fields: PageText,
): MatchReason[] {
  const filter = query.skillFilter;
  const wordsOf: Record<TextField, Set<string>> = {
    name: new Set(fields.name.split(" ").filter(Boolean)),
    handle: new Set(fields.handle.split(" ").filter(Boolean)),
    bio: new Set(fields.bio.split(" ").filter(Boolean)),
  };
  const reasons: MatchReason[] = [];
  for (const { concept, exact, loose } of concepts) {
    let best: { score: number; reason: MatchReason } | null = null;
    const offer = (score: number, reason: MatchReason) => {
      if (best === null || score > best.score) best = { score, reason };
    };
    for (const skill of skills) {
      const named = concept.skills.find((s) => s.skillId === skill.skillId);
      if (named === undefined) continue;
      if (filter.categoryId !== undefined && skill.categoryId !== filter.categoryId) continue;
      if (filter.direction !== undefined && skill.direction !== filter.direction) continue;
      if (filter.minLevel !== undefined && skill.level < filter.minLevel) continue;
      if (!skill.meets) continue;
      const bonus = skill.direction === "teach" ? skill.level * relevance.teachLevelBonus : 0;
      offer(skillWeights[named.kind] + bonus, {
        field: "skill",
        typed: concept.typed,
        skill: { skillId: skill.skillId, direction: skill.direction, level: skill.level },
        // Said the way a typo is: "teaches Guitar (level 4), for “gui”".
        fuzzy: named.kind !== "name",
      });
    }
    if (concept.textAllowed && exact.length > 0) {
      for (const field of ["name", "handle", "bio"] as const) {
        const exactly = textReason(exact, wordsOf[field]);
        if (exactly !== null) {
          offer(relevance.text[field].exact, { field, typed: concept.typed, word: exactly.word, fuzzy: false });
          continue;
        }
        const variants = looseFor(field, loose);
        const loosely = variants === null ? null : textReason(variants, wordsOf[field]);
        if (loosely !== null)
          offer(relevance.text[field].loose, { field, typed: concept.typed, word: loosely.word, fuzzy: true });
      }
    }
    const found = best as { score: number; reason: MatchReason } | null;
    if (found !== null) reasons.push(found.reason);
  }
  return reasons;
}

export function toHit(row: PageRow, reasons: readonly MatchReason[]): SearchHit {
  return {
    userId: row.userId,
    handle: row.handle,
    displayName: row.displayName,
    avatarKey: row.avatarKey,
    locationName: row.locationName,
    distanceKm: row.km,
    trust: row.trust,
    ratingCount: row.ratingCount,
    lastActiveAt: new Date(row.activeAt),
    score: row.score,
    reasons,
    position: { key: row.sortKey, userId: row.userId },
  };
}
