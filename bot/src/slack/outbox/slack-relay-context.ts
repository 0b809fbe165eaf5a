import type { WebClient } from "@slack/web-api";
import type { ChatCore } from "../../chat/context.js";
import type { BotLogger } from "../../surface.js";
import type { SlackClients } from "../slack-clients.js";

/**
 * What every Slack outbox handler works with: core, the Web API clients (on SLACK_API_URL) of the workspaces
 * the app is in, and where faults go.
 */
export interface SlackRelayContext {
  readonly core: ChatCore;
  readonly clients: SlackClients;
  readonly logger: BotLogger;
}

/** What posting in one workspace needs: core's record of sends and that workspace's client. */
export interface SlackPoster {
  readonly core: ChatCore;
  readonly client: WebClient;
}

/**
 * The workspace whose token reaches a bound channel. Channels bound before core recorded it have none; they
 * come from single-workspace installs, whose one client answers for any workspace.
 */
export const workspaceOf = (channel: { readonly tenantId: string | null }): string => channel.tenantId ?? "";
