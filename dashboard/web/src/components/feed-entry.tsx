import type { FeedItem } from "../api/follows.js";
import { levelName } from "../skill-levels.js";
import type { FeedNames } from "./feed-names.js";

const numberOf = (value: string | number | undefined) => (typeof value === "number" ? value : null);
const textOf = (value: string | number | undefined) => (typeof value === "string" ? value : null);

/** What happened, in a sentence that follows the person's name. */
function happening(item: FeedItem, names: FeedNames): string {
  const { detail } = item;
  if (item.kind === "skill.added") {
    const skillId = textOf(detail.skillId);
    const skill = (skillId === null ? undefined : names.person(item.person)?.skills.get(skillId)) ?? "a skill";
    const level = numberOf(detail.level);
    const levelText = level === null ? "" : ` (${levelName(level)})`;
    return detail.direction === "learn" ? `wants to learn ${skill}${levelText}` : `teaches ${skill}${levelText}`;
  }
  if (item.kind === "review.received") {
    const rating = numberOf(detail.rating);
    return rating === null ? "received a review" : `received a review: ${rating} out of 5`;
  }
  const groupId = textOf(detail.groupId);
  const group = groupId === null ? undefined : names.group(groupId);
  return group === undefined ? "joined a group" : `joined the group ${group}`;
}

/** One line of the feed: who (a link to their profile), what, and when. */
export function FeedEntry({ item, names }: { item: FeedItem; names: FeedNames }) {
  const name = names.person(item.person)?.displayName ?? `@${item.person}`;
  return (
    <li>
      <a href={`/people/${encodeURIComponent(item.person)}`}>{name}</a> {happening(item, names)}.
      <time class="muted" dateTime={item.at}>
        {new Date(item.at).toLocaleString()}
      </time>
    </li>
  );
}
