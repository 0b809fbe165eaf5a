import { translate, type RelayedPost, type RelayedThread } from "@skillswap/core";
import { linkFreeSummary } from "../../discord/renderers/announcement-group.js";
import { escapeMrkdwn, relayedLine } from "./relay-messages.js";

/** "Maya joined Guitar Circle.", in a group's linked chat channel. */
export function groupJoinedText(personName: string, groupName: string): string {
  return translate("relay.group_joined", { name: escapeMrkdwn(personName), group: escapeMrkdwn(groupName) });
}

/**
 * A new forum thread, announced in a group's linked chat channel: its title and the opening of its body with
 * links left out, as on Discord, so a thread cannot be used to spread links to a whole channel.
 */
export function threadStartedText(thread: RelayedThread): string {
  return translate("relay.slack_forum_thread_started", {
    group: escapeMrkdwn(thread.groupName),
    name: escapeMrkdwn(thread.authorName),
    title: escapeMrkdwn(thread.title),
    summary: escapeMrkdwn(linkFreeSummary(thread.body)),
  });
}

/** A thread started elsewhere, as a top-level message of a linked forum channel: its title, then who said what. */
export function mirroredThreadText(thread: RelayedThread): string {
  return `*${escapeMrkdwn(thread.title)}*\n${relayedLine({ ...thread, text: thread.body })}`;
}

/** A reply written elsewhere, as a message in the Slack thread that carries its forum thread. */
export function mirroredReplyText(post: RelayedPost): string {
  return relayedLine({ ...post, text: post.body });
}
