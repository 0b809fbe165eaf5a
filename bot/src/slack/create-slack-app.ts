import { App, type Authorize, type Logger } from "@slack/bolt";
import { singleWorkspaceAuthorize } from "./single-workspace.js";
import { SlackEventsReceiver, type SlackInbox } from "./transport/events-receiver.js";

/** One workspace by its bot token (SLACK_BOT_TOKEN), or `authorize` saying which token serves a request. */
export type SlackAuthorization =
  | { readonly token: string; readonly authorize?: undefined }
  | { readonly authorize: Authorize<boolean>; readonly token?: undefined };

export type SlackAppOptions = SlackAuthorization & {
  /** SLACK_SIGNING_SECRET: proves a request to `/slack/events` comes from Slack. */
  readonly signingSecret: string;
  /** SLACK_API_URL: Slack's Web API base; tests point it at a local Slack. */
  readonly slackApiUrl: string;
  /** Core's inbox, where retried events and replayed interactions are claimed once. */
  readonly inbox: SlackInbox;
  readonly logger: Logger;
  readonly clock?: { now(): Date };
  readonly ackDeadlineMs?: number;
};

/** The Bolt app and the receiver the web server hands `/slack/events` to. */
export interface SlackApp {
  readonly app: App;
  readonly receiver: SlackEventsReceiver;
}

/**
 * The Bolt app served at `/slack/events` of our web server. Listeners are registered on `app`; every Web API
 * call goes to `slackApiUrl`.
 */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const receiver = new SlackEventsReceiver({
    signingSecret: options.signingSecret,
    inbox: options.inbox,
    logger: options.logger,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.ackDeadlineMs === undefined ? {} : { ackDeadlineMs: options.ackDeadlineMs }),
  });
  const app = new App({
    receiver,
    logger: options.logger,
    clientOptions: { slackApiUrl: options.slackApiUrl },
    authorize:
      options.authorize === undefined
        ? singleWorkspaceAuthorize(options.token, options.slackApiUrl)
        : options.authorize,
  });
  return { app, receiver };
}
