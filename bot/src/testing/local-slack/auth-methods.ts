import { optionalString } from "./method-args.js";
import { SlackApiError, refuseUnless } from "./web-api-errors.js";
import { botMethod, clientMethod, type ClientRequest, type MethodTable } from "./web-api-method.js";
import type { SlackWorld } from "./world.js";
import type { LocalTeam } from "./workspaces.js";

/** Who the token is, the workspace's details, and installing (OAuth) and uninstalling the app. */
export function authMethods(world: SlackWorld): MethodTable {
  return {
    "auth.test": botMethod(({ team }) => ({
      url: `https://${team.domain}.slack.com/`,
      team: team.name,
      user: "skillswap",
      team_id: team.id,
      user_id: team.botUserId,
      bot_id: team.botId,
      app_id: world.app.appId,
      is_enterprise_install: false,
    })),
    "team.info": botMethod(({ args, team }) => {
      refuseUnless(optionalString(args, "team") === undefined || args.team === team.id, "team_not_found");
      return { team: teamPayload(team) };
    }),
    "oauth.v2.access": clientMethod((request) => exchangeCode(world, request)),
    "apps.uninstall": botMethod(({ args, team }) => {
      checkClient(world, { args, basic: undefined });
      world.workspaces.uninstall(team.id);
      return {};
    }),
  };
}

function exchangeCode(world: SlackWorld, request: ClientRequest) {
  checkClient(world, request);
  const issued = world.oauth.redeem(optionalString(request.args, "code") ?? "");
  const accessToken = world.workspaces.install(issued.teamId);
  const team = world.workspaces.team(issued.teamId);
  if (team === undefined) throw new SlackApiError("invalid_code");
  return {
    app_id: world.app.appId,
    authed_user: { id: issued.userId },
    scope: grantedScopes.join(","),
    token_type: "bot",
    access_token: accessToken,
    bot_user_id: team.botUserId,
    team: { id: team.id, name: team.name },
    enterprise: null,
    is_enterprise_install: false,
  };
}

/**
 * The bot scopes this Slack grants an install, echoed by oauth.v2.access and in every answer's x-oauth-scopes:
 * an older app configuration's (channels:join, and none of the history scopes), for tests of a missing scope.
 */
export const grantedScopes = [
  "commands",
  "chat:write",
  "im:write",
  "mpim:write",
  "users:read",
  "channels:read",
  "channels:join",
];

/** oauth.v2.access authenticates the app by its client id and secret, in a Basic header or in the form. */
function checkClient(world: SlackWorld, { args, basic }: ClientRequest): void {
  const clientId = basic?.clientId ?? optionalString(args, "client_id");
  const clientSecret = basic?.clientSecret ?? optionalString(args, "client_secret");
  refuseUnless(clientId === world.app.clientId, "invalid_client_id");
  refuseUnless(clientSecret === world.app.clientSecret, "bad_client_secret");
}

function teamPayload(team: LocalTeam) {
  return {
    id: team.id,
    name: team.name,
    domain: team.domain,
    email_domain: "",
    icon: { image_default: true, image_68: `https://avatars.slack-edge.local/${team.id}_68.png` },
  };
}
