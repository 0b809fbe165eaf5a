import type { types } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { SlackChat } from "../listeners/slack-chat.js";
import type { SlackRequester } from "../translation/slack-actor.js";
import { publishHome } from "./publish-home.js";

/** Whether a click came from the App Home, which has no message to replace nor response_url to answer at. */
export const isHomeClick = (body: { readonly view?: { readonly type: string } | undefined }): boolean =>
  body.view?.type === "home";

/**
 * What a click on the Home said (a swap accepted, or why it could not be) goes to the person's DM with the app,
 * where answers to forms go too; then the Home is published again, so the clicked buttons give way to what is
 * true now.
 */
export async function answerHomeClick(
  chat: SlackChat,
  client: WebClient,
  requester: SlackRequester,
  said: { readonly text: string; readonly blocks?: readonly (types.KnownBlock | types.Block)[] | undefined },
): Promise<void> {
  const { text, blocks } = said;
  await client.chat.postMessage({
    channel: requester.userId,
    text,
    ...(blocks === undefined ? {} : { blocks: [...blocks] }),
  });
  const person = await chat.people.resolve(client, requester);
  await publishHome(person.context.core, client, person.context.actor, requester.userId);
}
