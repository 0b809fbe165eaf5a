import type { TestCore } from "@skillswap/core/testing";

/**
 * Posts a message into a conversation through core, as the Discord door does for a message written in the
 * swap's private thread: same use case, `source: "discord"` and the platform's message id (which makes a
 * retried delivery idempotent).
 */
export async function postFromDiscord(
  core: TestCore,
  authorHandle: string,
  conversationId: string,
  text: string,
): Promise<void> {
  const author = await core.services.accounts.actorForHandle(authorHandle);
  if (author === null) throw new Error(`nobody has the handle ${authorHandle}`);
  await core.services.conversations.post(author, conversationId, {
    text,
    source: "discord",
    externalId: `discord-${Date.now()}-${Math.floor(Math.random() * 1e6)}`,
  });
}
