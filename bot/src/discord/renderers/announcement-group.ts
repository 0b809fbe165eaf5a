import type { RESTPostAPIChannelMessageJSONBody, RESTPostAPIGuildForumThreadsJSONBody } from "discord.js";
import { translate, type RelayedThread, type SessionAnnouncement } from "@skillswap/core";
import { relayedMessage, splitContent } from "./relay-message.js";

const summaryLimit = 280;
const threadNameLimit = 100;
// Announcements go to a whole channel: links are left out so a thread cannot be used to spread them there.
const links = /\b(?:https?:\/\/|www\.)\S+/gi;

/** The opening of a post, without links, on one paragraph, at most a few lines long. */
export function linkFreeSummary(body: string): string {
  const plain = body.replace(links, "").replace(/\s+/g, " ").trim();
  return plain.length <= summaryLimit ? plain : `${plain.slice(0, summaryLimit - 1).trimEnd()}…`;
}

export function groupJoinedAnnouncement(
  personName: string,
  groupName: string,
  nonce: string,
): RESTPostAPIChannelMessageJSONBody {
  return relayedMessage(translate("relay.group_joined", { name: personName, group: groupName }), nonce);
}

export function threadStartedAnnouncement(thread: RelayedThread, nonce: string): RESTPostAPIChannelMessageJSONBody {
  const content = translate("relay.forum_thread_started", {
    group: thread.groupName,
    name: thread.authorName,
    title: thread.title,
    summary: linkFreeSummary(thread.body),
  });
  return relayedMessage(splitContent(content)[0] ?? "", nonce);
}

/** A thread started elsewhere, as a post of the linked Discord forum channel. */
export function mirroredForumPost(thread: RelayedThread): RESTPostAPIGuildForumThreadsJSONBody {
  const content = translate("relay.forum_post_opening", { name: thread.authorName, body: thread.body });
  const title =
    thread.title.length <= threadNameLimit ? thread.title : `${thread.title.slice(0, threadNameLimit - 1)}…`;
  return {
    name: title,
    message: { content: splitContent(content)[0] ?? "", allowed_mentions: { parse: [] } },
  };
}

const names = (list: readonly string[]) => list.join(" & ") || translate("user.deleted_name");

/**
 * "Coming up in Guitar Circle: Maya teaches Leo Guitar, <t:…:F> (60 minutes, online)." Discord shows the time on
 * each reader's own clock; where they meet stays between them.
 */
export function sessionUpcomingAnnouncement(
  session: SessionAnnouncement,
  groupName: string,
  nonce: string,
): RESTPostAPIChannelMessageJSONBody {
  const content = translate("relay.session_upcoming", {
    group: groupName,
    teachers: names(session.teacherNames),
    learners: names(session.learnerNames),
    skill: session.skill,
    when: `<t:${Math.floor(session.startsAt.getTime() / 1000)}:F>`,
    minutes: session.durationMinutes,
    mode: translate(session.mode === "online" ? "bot.session_online" : "bot.session_in_person"),
  });
  return relayedMessage(content, nonce);
}
