import type { WebClient } from "@slack/web-api";
import type { ChatCore } from "../../chat/context.js";
import type { BotLogger } from "../../surface.js";

/** What every Slack outbox handler works with: core, a Web API client on SLACK_API_URL, and where faults go. */
export interface SlackRelayContext {
  readonly core: ChatCore;
  readonly client: WebClient;
  readonly logger: BotLogger;
}
