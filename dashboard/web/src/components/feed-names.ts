import { useEffect, useState } from "preact/hooks";
import { feedGroupName, feedPerson, type FeedPerson } from "../api/feed-context.js";
import type { FeedItem } from "../api/follows.js";

export interface FeedNames {
  readonly person: (handle: string) => FeedPerson | undefined;
  readonly group: (id: string) => string | undefined;
}

const groupIdOf = (item: FeedItem) => (typeof item.detail.groupId === "string" ? item.detail.groupId : null);

/**
 * Names for the feed's ids, asked once per person and group shown (a page holds few of each). Until a name
 * arrives, or when it cannot be had (a profile since hidden), the item reads with the handle.
 */
export function useFeedNames(items: readonly FeedItem[]): FeedNames {
  const [people, setPeople] = useState<ReadonlyMap<string, FeedPerson>>(new Map());
  const [groups, setGroups] = useState<ReadonlyMap<string, string>>(new Map());
  const [asked] = useState(() => new Set<string>());
  useEffect(() => {
    for (const item of items) {
      if (!asked.has(`person:${item.person}`)) {
        asked.add(`person:${item.person}`);
        feedPerson(item.person).then(
          (person) => setPeople((known) => new Map(known).set(item.person, person)),
          () => undefined,
        );
      }
      const groupId = groupIdOf(item);
      if (groupId !== null && !asked.has(`group:${groupId}`)) {
        asked.add(`group:${groupId}`);
        feedGroupName(groupId).then(
          (name) => setGroups((known) => new Map(known).set(groupId, name)),
          () => undefined,
        );
      }
    }
  }, [items, asked]);
  return { person: (handle) => people.get(handle), group: (id) => groups.get(id) };
}
