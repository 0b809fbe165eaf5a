import type { BotCore } from "../interactions/handlers.js";

/**
 * For tests of what a retry finds: cores whose one write fails the first time, as when the database goes away
 * (or the worker stops) right after Discord answered. The event fails and the outbox retries it later.
 */
function failingOnce<A extends unknown[], R>(
  work: (...args: A) => Promise<R>,
  when: (...args: A) => boolean = () => true,
): (...args: A) => Promise<R> {
  let failed = false;
  return (...args) => {
    if (failed || !when(...args)) return work(...args);
    failed = true;
    return Promise.reject(new Error("the database went away"));
  };
}

/**
 * Recording what Discord answered fails once, for the first send whose key starts with `keyPrefix` ("thread/",
 * "message/"): the crash window between a send and its record.
 */
export function losingNextSendRecord(core: BotCore, keyPrefix = ""): BotCore {
  const { sends } = core.services;
  const record = failingOnce(
    (...args: Parameters<typeof sends.record>) => sends.record(...args),
    (_platform, key) => key.startsWith(keyPrefix),
  );
  return { ...core, services: { ...core.services, sends: { ...sends, record } } };
}

/** Binding a channel to its conversation fails once, after the thread or DM was opened. */
export function losingNextChannelBinding(core: BotCore): BotCore {
  const { conversations } = core.services;
  const bindChannel = failingOnce((...args: Parameters<typeof conversations.bindChannel>) =>
    conversations.bindChannel(...args),
  );
  return { ...core, services: { ...core.services, conversations: { ...conversations, bindChannel } } };
}

/** Binding a mirrored forum post to its thread fails once, after the post was made. */
export function losingNextForumBinding(core: BotCore): BotCore {
  const { relays } = core.services;
  const bindForumThread = failingOnce((...args: Parameters<typeof relays.bindForumThread>) =>
    relays.bindForumThread(...args),
  );
  return { ...core, services: { ...core.services, relays: { ...relays, bindForumThread } } };
}
