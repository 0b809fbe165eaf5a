import type { App, types } from "@slack/bolt";
import type { ChatCore } from "../../../chat/context.js";
import { slackMessageRef } from "../../translation/slack-message-ref.js";
import { personSpeakingIn, speakerOf, textFromSlack } from "./person-message.js";

export interface SlackChannelDeps {
  readonly core: ChatCore;
}

// Core keeps a thread's title to 3–150 characters.
const titleMin = 3;
const titleMax = 150;

/** Channels an admin can link: public ones and private ones the app was invited to. */
const personSpeaking = personSpeakingIn(new Set(["channel", "group"]));

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * The title of a forum thread started by a Slack message, which has none: its first line, or its opening words
 * when that line is too short to name anything. Null when the whole message is (a "hi" is not a thread).
 */
export function forumThreadTitle(text: string): string | null {
  const firstLine = oneLine(text.split("\n").find((line) => line.trim() !== "") ?? "");
  const title = firstLine.length >= titleMin ? firstLine : oneLine(text);
  if (title.length < titleMin) return null;
  return title.length <= titleMax ? title : `${title.slice(0, titleMax - 1).trimEnd()}…`;
}

/**
 * What people write in a Slack channel linked to a group as its forum: a top-level message starts a thread of
 * the group's forum, and a reply in the Slack thread of one (started there or mirrored by the relay) becomes a
 * reply to it. Each is stored under `<channel>:<ts>`, so a redelivered event is stored once. As on Discord,
 * only people who already use SkillSwap are heard: writing in a workspace's channel is not signing up (nor
 * could they take part: only a group's members post in its forum). Edits and deletions are not carried.
 */
export function registerSlackChannelListeners(app: App, { core }: SlackChannelDeps): void {
  const { forums, relays } = core.services;

  /** Where the message goes in the group's forum: a reply to a thread, a new thread of a group, or nowhere. */
  async function placeOf(event: types.GenericMessageEvent) {
    if (event.thread_ts !== undefined && event.thread_ts !== event.ts) {
      const thread = await relays.forumThreadForChannel("slack", slackMessageRef(event.channel, event.thread_ts));
      return thread === null ? null : { replyTo: thread.threadId };
    }
    const link = await relays.linkedChannel("slack", event.channel);
    return link?.kind === "forum" ? { groupId: link.groupId } : null;
  }

  app.event("message", async ({ event, body, context }) => {
    if (!personSpeaking(event)) return;
    const place = await placeOf(event);
    if (place === null) return;
    const actor = await speakerOf(core, { body, context }, event.user);
    if (actor === null) return;
    const text = textFromSlack(event.text ?? "");
    const origin = { source: "slack", externalId: slackMessageRef(event.channel, event.ts) } as const;
    if ("replyTo" in place) {
      await forums.reply(actor, place.replyTo, { body: text, ...origin });
      return;
    }
    const title = forumThreadTitle(text);
    if (title !== null) await forums.startThread(actor, place.groupId, { title, body: text, ...origin });
  });
}
