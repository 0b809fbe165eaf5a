import { wordsOf } from "../../text/words.js";
import { sortKeys, type SearchDocument } from "../../ports/search-index.js";

/** A document as the SQL indexes store it: display fields, normalised word lists, integer sort keys. */
export interface PersonRow {
  readonly userId: string;
  readonly handle: string;
  readonly displayName: string;
  readonly avatarKey: string | null;
  readonly nameWords: string;
  readonly handleWords: string;
  readonly bioWords: string;
  readonly visibility: string;
  readonly mode: string;
  readonly locationName: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly trust: number;
  readonly trustKey: number;
  readonly ratingCount: number;
  readonly ratingKey: number;
  readonly activeAt: number;
  /** The person's communities, space-separated (ids hold no spaces): checked on the row where that is cheaper. */
  readonly communityIds: string;
}

export function personRow(doc: SearchDocument): PersonRow {
  const trustKey = Math.round(doc.trust * 100);
  return {
    userId: doc.userId,
    handle: doc.handle,
    displayName: doc.displayName,
    avatarKey: doc.avatarKey,
    nameWords: wordsOf(doc.displayName).join(" "),
    handleWords: wordsOf(doc.handle).join(" "),
    bioWords: wordsOf(doc.bio).join(" "),
    visibility: doc.visibility,
    mode: doc.mode,
    locationName: doc.location?.name ?? null,
    latitude: doc.location?.latitude ?? null,
    longitude: doc.location?.longitude ?? null,
    trust: doc.trust,
    trustKey,
    ratingCount: doc.ratingCount,
    ratingKey: trustKey * sortKeys.ratingScale + Math.min(doc.ratingCount, sortKeys.ratingScale - 1),
    activeAt: doc.lastActiveAt.getTime(),
    communityIds: [...new Set(doc.communityIds)].join(" "),
  };
}

/**
 * Words worth a typo lookup: four letters or more (shorter words get no typo budget) and not pure digits
 * (handles like user-12-345 would flood the vocabulary with numbers nobody misspells).
 */
export function vocabularyOf(rows: readonly PersonRow[]): string[] {
  const words = new Set<string>();
  for (const row of rows)
    for (const text of [row.nameWords, row.handleWords, row.bioWords])
      for (const word of text.split(" ")) if (word.length >= 4 && !/^\d+$/.test(word)) words.add(word);
  return [...words].sort();
}
