import { Routes, type APIThreadChannel } from "discord.js";
import type { OutboxHandler, OutboxMessage, RelayedThread } from "@skillswap/core";
import { mirroredForumPost } from "../renderers/announcement-group.js";
import { relayedLines } from "../renderers/relay-message.js";
import { unlessRefused } from "./discord-refusals.js";
import { postOnce } from "./post-once.js";
import type { RelayContext } from "./relay-context.js";
import { openThreadOnce } from "./thread-once.js";

const mirroredEvents = ["forum.thread_started", "forum.replied"] as const;
type MirroredEvent = (typeof mirroredEvents)[number];

/**
 * A group's forum on the dashboard (or Slack) and its linked Discord forum channels stay one conversation:
 * a thread started elsewhere becomes a post in each linked forum channel, remembered so later replies land
 * in it, each post and reply made once however late a retry comes. What was said on Discord is already
 * there, so it is not mirrored back.
 */
export function forumMirrorHandler(context: RelayContext): OutboxHandler<MirroredEvent> {
  const { core, rest, logger } = context;
  const relays = core.services.relays;

  /** The thread as a post of one linked forum channel; null when Discord refuses it there. */
  function postInForum(thread: RelayedThread, forumId: string): Promise<string | null> {
    const body = mirroredForumPost(thread);
    return unlessRefused(
      () =>
        openThreadOnce(context, {
          key: `thread/${forumId}/${thread.id}`,
          parentId: forumId,
          name: body.name,
          isBound: async (id) => (await relays.forumThreadForChannel("discord", id)) !== null,
          create: () => rest.post(Routes.threads(forumId), { body }) as Promise<APIThreadChannel>,
        }),
      (error) => logger.error(`cannot post in forum ${forumId}`, error),
    );
  }

  async function mirrorThread(threadId: string) {
    const thread = await relays.forumThread(threadId);
    if (thread === null || thread.removed) return;
    const forums = await relays.groupChannels(thread.groupId, "discord", "forum");
    const mirrored = new Set((await relays.forumThreadChannels(threadId, "discord")).map((m) => m.parentChannelId));
    for (const { channelId: forumId } of forums) {
      if (mirrored.has(forumId)) continue;
      const postId = await postInForum(thread, forumId);
      if (postId !== null)
        await relays.bindForumThread({ threadId, platform: "discord", parentChannelId: forumId, channelId: postId });
    }
  }

  async function mirrorReply(threadId: string, postId: string) {
    const post = await relays.forumPost(postId);
    if (post === null) return;
    for (const { channelId } of await relays.forumThreadChannels(threadId, "discord"))
      for (const body of relayedLines(post.authorName, post.body, post.id))
        await unlessRefused(
          () => postOnce(context, channelId, body),
          (error) => logger.error(`cannot reply in forum post ${channelId}`, error),
        );
  }

  return {
    name: "discord.forum-mirror",
    types: mirroredEvents,
    async handle(event: OutboxMessage<MirroredEvent>) {
      if (event.payload.source === "discord") return;
      if (event.type === "forum.thread_started") await mirrorThread(event.payload.threadId);
      else await mirrorReply(event.payload.threadId, event.payload.postId);
    },
  };
}
