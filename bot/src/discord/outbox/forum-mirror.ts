import { Routes, type APIThreadChannel } from "discord.js";
import type { OutboxHandler, OutboxMessage } from "@skillswap/core";
import { mirroredForumPost } from "../renderers/announcement-group.js";
import { relayedLines } from "../renderers/relay-message.js";
import { unlessRefused } from "./discord-refusals.js";
import type { RelayContext } from "./relay-context.js";

const mirroredEvents = ["forum.thread_started", "forum.replied"] as const;
type MirroredEvent = (typeof mirroredEvents)[number];

/**
 * A group's forum on the dashboard (or Slack) and its linked Discord forum channels stay one conversation:
 * a thread started elsewhere becomes a post in each linked forum channel, remembered so later replies land
 * in it. What was said on Discord is already there, so it is not mirrored back.
 */
export function forumMirrorHandler({ core, rest, logger }: RelayContext): OutboxHandler<MirroredEvent> {
  const relays = core.services.relays;

  async function mirrorThread(threadId: string) {
    const thread = await relays.forumThread(threadId);
    if (thread === null || thread.removed) return;
    const forums = await relays.groupChannels(thread.groupId, "discord", "forum");
    const mirrored = new Set((await relays.forumThreadChannels(threadId, "discord")).map((m) => m.parentChannelId));
    for (const { channelId: forumId } of forums) {
      if (mirrored.has(forumId)) continue;
      const post = await unlessRefused(
        () => rest.post(Routes.threads(forumId), { body: mirroredForumPost(thread) }) as Promise<APIThreadChannel>,
        (error) => logger.error(`cannot post in forum ${forumId}`, error),
      );
      if (post !== null)
        await relays.bindForumThread({ threadId, platform: "discord", parentChannelId: forumId, channelId: post.id });
    }
  }

  async function mirrorReply(threadId: string, postId: string) {
    const post = await relays.forumPost(postId);
    if (post === null) return;
    for (const { channelId } of await relays.forumThreadChannels(threadId, "discord"))
      for (const body of relayedLines(post.authorName, post.body, post.id))
        await unlessRefused(
          () => rest.post(Routes.channelMessages(channelId), { body }),
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
