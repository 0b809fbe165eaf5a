import { personChangeEvents } from "../outbox/events.js";

/** Everything cached about one person (their public profile) carries this tag. */
export const personTag = (userId: string): string => `person:${userId}`;

/** Everything read from the skill catalog (the catalog, skill suggestions, skill names on profiles). */
export const catalogTag = "catalog";

/**
 * The cache tags an outbox event makes stale. Only what the public sees of people and of the catalog is
 * cached; who may see whom (visibility, blocks, communities) is never cached, so a change to that needs no
 * invalidation to take effect — a person turning private is hidden by the next read, event or not.
 */
export function tagsChangedBy(event: { readonly type: string; readonly aggregateId: string }): string[] {
  // An approved or rejected skill renames nothing but appears in or leaves the catalog and everyone's lists.
  if (event.type === "skill.reviewed") return [catalogTag];
  if (personChangeEvents.has(event.type)) return [personTag(event.aggregateId)];
  return [];
}
