// The types a test names when it drives LocalSlack; each lives next to the code that gives it meaning.
export type { WebApiCall } from "./call-log.js";
export type { ChannelOptions, LocalSlackChannels, LocalSlackUsers } from "./directories.js";
export type { SlackMemberInput, SlackUser } from "./members.js";
export type { EphemeralMessage, SlackMessage } from "./message-log.js";
export type { SlackView } from "./view-store.js";
export type { WebApiFault } from "./web-api-faults.js";
export type { LocalApp } from "./world.js";
export type { LocalTeam, TeamInput } from "./workspaces.js";
