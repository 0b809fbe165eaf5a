import type { OutboxHandler, OutboxMessage, RelayedThread } from "@skillswap/core";
import { mirroredReplyText, mirroredThreadText } from "../renderers/group-relay-messages.js";
import { parseSlackMessageRef, slackMessageRef } from "../translation/slack-message-ref.js";
import { postInLinkedChannel } from "./linked-channel-post.js";
import type { SlackRelayContext } from "./slack-relay-context.js";
import { unlessRefused } from "./slack-refusals.js";

/** A Slack channel linked to a group as its forum, and the workspace it is in. */
interface LinkedForum {
  readonly channelId: string;
  readonly tenantId: string;
}

const mirroredEvents = ["forum.thread_started", "forum.replied"] as const;
type MirroredEvent = (typeof mirroredEvents)[number];

/**
 * A group's forum and its linked Slack forum channels stay one conversation, as on Discord: a thread started
 * elsewhere becomes a top-level message of each linked forum channel, bound to the thread so that replies
 * (from elsewhere) land in its Slack thread and what people answer there comes back to it. Each message is
 * posted once however late a retry comes. What was said on Slack is already there, so it is not mirrored back.
 * Core emits nothing when a thread is edited or removed, so those stay as first mirrored.
 */
export function forumMirrorHandler(context: SlackRelayContext): OutboxHandler<MirroredEvent> {
  const { core, clients, logger } = context;
  const relays = core.services.relays;

  /** The thread as a top-level message of one linked forum channel; null when Slack refuses it there. */
  function postInForum(thread: RelayedThread, forum: LinkedForum): Promise<string | null> {
    const { channelId, tenantId } = forum;
    return unlessRefused(
      () =>
        clients.withClient(tenantId, (client) =>
          postInLinkedChannel({ core, client }, channelId, `forum-thread/${thread.id}`, mirroredThreadText(thread)),
        ),
      (error) => logger.error(`cannot post in forum channel ${channelId}`, error),
    );
  }

  async function mirrorThread(threadId: string) {
    const thread = await relays.forumThread(threadId);
    if (thread === null || thread.removed) return;
    const forums = await relays.groupChannels(thread.groupId, "slack", "forum");
    const mirrored = new Set((await relays.forumThreadChannels(threadId, "slack")).map((m) => m.parentChannelId));
    for (const forum of forums) {
      const { channelId } = forum;
      if (mirrored.has(channelId)) continue;
      const ts = await postInForum(thread, forum);
      if (ts !== null)
        await relays.bindForumThread({
          threadId,
          platform: "slack",
          parentChannelId: channelId,
          channelId: slackMessageRef(channelId, ts),
        });
    }
  }

  async function mirrorReply(threadId: string, postId: string) {
    const [post, thread] = await Promise.all([relays.forumPost(postId), relays.forumThread(threadId)]);
    if (post === null || thread === null) return;
    // A Slack copy of the thread lives in one of the group's linked forum channels, whose workspace posts there.
    const forums = await relays.groupChannels(thread.groupId, "slack", "forum");
    for (const { channelId: ref } of await relays.forumThreadChannels(threadId, "slack")) {
      const parent = parseSlackMessageRef(ref);
      const forum = forums.find((f) => f.channelId === parent?.channelId);
      if (parent === null || forum === undefined) continue;
      await unlessRefused(
        () =>
          clients.withClient(forum.tenantId, (client) =>
            postInLinkedChannel(
              { core, client },
              parent.channelId,
              `forum-post/${post.id}`,
              mirroredReplyText(post),
              parent.ts,
            ),
          ),
        (error) => logger.error(`cannot reply in forum thread ${ref}`, error),
      );
    }
  }

  return {
    name: "slack.forum-mirror",
    types: mirroredEvents,
    async handle(event: OutboxMessage<MirroredEvent>) {
      if (event.payload.source === "slack") return;
      if (event.type === "forum.thread_started") await mirrorThread(event.payload.threadId);
      else await mirrorReply(event.payload.threadId, event.payload.postId);
    },
  };
}
