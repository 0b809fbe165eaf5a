import { isDomainError } from "@skillswap/core";
import type { Logger } from "@slack/bolt";
import type { ChatRoutes } from "../../chat/chat-routes.js";
import { failureOf } from "../../chat/failure.js";
import type { SlackPeople, SlackRequester } from "../translation/slack-actor.js";

/** What every Slack listener of the chat layer works with. */
export interface SlackChat {
  readonly routes: ChatRoutes;
  readonly people: SlackPeople;
  readonly logger: Logger;
}

/** A fault is logged; a domain error is the person's to read, not the operator's. */
export function logFault(chat: SlackChat, what: string, error: unknown): void {
  if (!isDomainError(error)) chat.logger.error(`Slack ${what} failed`, error);
}

/**
 * What a person is told when something fails: the chat layer's sentence and a bullet for each field to fix.
 * Faults are logged here, once for every listener; the person gets no stack or internals.
 */
export function failureText(chat: SlackChat, what: string, error: unknown): string {
  logFault(chat, what, error);
  const { sentence, fieldErrors } = failureOf(error);
  return [sentence, ...fieldErrors.map((f) => `• ${f.message}`)].join("\n");
}

/** Who acted, from an interaction payload (buttons, forms, suggestions, shortcuts). */
export function requesterOf(body: {
  readonly user: { readonly id: string; readonly team_id?: string | undefined };
  readonly team: { readonly id: string } | null;
  readonly enterprise?: { readonly id: string } | null | undefined;
  readonly is_enterprise_install?: boolean | undefined;
}): SlackRequester {
  return {
    userId: body.user.id,
    teamId: body.team?.id ?? body.user.team_id ?? "",
    enterpriseId: body.enterprise?.id,
    isEnterpriseInstall: body.is_enterprise_install,
  };
}
