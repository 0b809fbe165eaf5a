import type { types } from "@slack/bolt";
import { slackTenantOf, type Actor } from "@skillswap/core";
import type { ChatCore } from "../../../chat/context.js";

/**
 * What Slack sends is its markup: `&`, `<` and `>` arrive escaped. Stored as the person typed it, so the
 * dashboard and Discord show it as they wrote it (and the Slack relays escape it again on the way back).
 */
export function textFromSlack(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/**
 * A person's words in one of `channelTypes`: a plain message, not an app's post (ours included: Bolt drops
 * this app's own, and bot_id catches any other), nor an edit, deletion or notice, nor an empty message.
 */
export function personSpeakingIn(channelTypes: ReadonlySet<string>) {
  return (event: types.MessageEvent): event is types.GenericMessageEvent =>
    event.subtype === undefined &&
    event.bot_id === undefined &&
    channelTypes.has(event.channel_type) &&
    (event.text ?? "").trim() !== "";
}

/** Where a Slack event came from, as Bolt gives it: the body's team and enterprise, the context's install kind. */
export interface SlackEventOrigin {
  readonly body: { readonly team_id?: string; readonly enterprise_id?: string };
  readonly context: { readonly isEnterpriseInstall?: boolean };
}

/**
 * The SkillSwap person who wrote a Slack message, by their Slack identity in that workspace (or enterprise);
 * null for someone who never used SkillSwap there, whose words are not SkillSwap's to store.
 */
export async function speakerOf(
  core: ChatCore,
  { body, context }: SlackEventOrigin,
  user: string,
): Promise<Actor | null> {
  const tenant = slackTenantOf({
    teamId: body.team_id,
    enterpriseId: body.enterprise_id,
    isEnterpriseInstall: context.isEnterpriseInstall,
  });
  const account = tenant === null ? null : await core.services.accounts.findByIdentity("slack", tenant, user);
  return account === null ? null : { userId: account.userId };
}
