import type { Actor } from "@skillswap/core";
import type { WebClient } from "@slack/web-api";
import type { ChatCore } from "../../chat/context.js";
import { homeOf } from "../../chat/home.js";
import { homeViewOf } from "./home-view.js";

/**
 * Shows `actor` their Home as it is now, in the Slack account `slackUserId`. Publishing replaces the whole tab,
 * so publishing again (a retried event, two changes at once) leaves the same page: nothing to remember.
 */
export async function publishHome(core: ChatCore, client: WebClient, actor: Actor, slackUserId: string): Promise<void> {
  const view = homeViewOf(await homeOf(core, actor));
  await client.views.publish({ user_id: slackUserId, view });
}
