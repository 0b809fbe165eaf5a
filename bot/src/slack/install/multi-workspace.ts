import type { Config } from "@skillswap/core";

/** What the "Add to Slack" mode runs on: the app's OAuth client, the state key and Slack's addresses. */
export interface MultiWorkspaceConfig {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly stateSecret: string;
  readonly signingSecret: string;
  readonly slackApiUrl: string;
  readonly publicUrl: string;
}

/**
 * Multi-workspace mode, or undefined when any of its keys is missing. SLACK_TOKEN_KEY is required although
 * only core reads it: without it core refuses to store a token, and the install would fail at its last step.
 */
export function multiWorkspaceConfigOf(config: Config): MultiWorkspaceConfig | undefined {
  const {
    SLACK_CLIENT_ID: clientId,
    SLACK_CLIENT_SECRET: clientSecret,
    SLACK_STATE_SECRET: stateSecret,
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_TOKEN_KEY: tokenKey,
  } = config;
  if (
    clientId === undefined ||
    clientSecret === undefined ||
    stateSecret === undefined ||
    signingSecret === undefined ||
    tokenKey === undefined
  )
    return undefined;
  return {
    clientId,
    clientSecret,
    stateSecret,
    signingSecret,
    slackApiUrl: config.SLACK_API_URL,
    publicUrl: config.PUBLIC_URL,
  };
}
