import type { MethodArgs } from "./method-args.js";
import type { LocalTeam } from "./workspaces.js";

/** The fields of a successful answer; the server adds `ok: true`. */
export type MethodResult = Record<string, unknown>;

/** A call made with a bot token: the workspace it speaks for is known. */
export interface BotRequest {
  readonly args: MethodArgs;
  readonly team: LocalTeam;
}

/** A call the app makes as an OAuth client (oauth.v2.access): client credentials in Basic auth or the form. */
export interface ClientRequest {
  readonly args: MethodArgs;
  readonly basic: { readonly clientId: string; readonly clientSecret: string } | undefined;
}

export type WebApiMethod =
  | { readonly auth: "bot"; readonly run: (request: BotRequest) => MethodResult }
  | { readonly auth: "client"; readonly run: (request: ClientRequest) => MethodResult };

export type MethodTable = Readonly<Record<string, WebApiMethod>>;

export function botMethod(run: (request: BotRequest) => MethodResult): WebApiMethod {
  return { auth: "bot", run };
}

export function clientMethod(run: (request: ClientRequest) => MethodResult): WebApiMethod {
  return { auth: "client", run };
}
