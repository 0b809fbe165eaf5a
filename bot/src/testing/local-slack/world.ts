import type { Conversations } from "./conversations.js";
import type { MessageLog } from "./message-log.js";
import type { OAuthCodes } from "./oauth-codes.js";
import type { MessageClock } from "./slack-ids.js";
import type { ViewStore } from "./view-store.js";
import type { Workspaces } from "./workspaces.js";

/** The app as Slack knows it: its id and the OAuth client credentials oauth.v2.access checks. */
export interface LocalApp {
  readonly appId: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/** Everything the Web API methods read and change, shared with the test-facing LocalSlack. */
export interface SlackWorld {
  readonly app: LocalApp;
  readonly workspaces: Workspaces;
  readonly conversations: Conversations;
  readonly messages: MessageLog;
  readonly views: ViewStore;
  readonly oauth: OAuthCodes;
  readonly clock: MessageClock;
}
