import type { WebClient } from "@slack/web-api";
import type { ChatOptions, PickedPerson } from "../../chat/context.js";
import type { SlackOptions } from "../commands/option-values.js";
import type { SlackPeople } from "./slack-actor.js";

/**
 * A command's options by the command table's names. People picked with @ are looked up once here (their
 * SkillSwap handle, if any), so the chat layer reads them like any other option.
 */
export async function chatOptionsOf(
  people: SlackPeople,
  client: WebClient,
  tenantId: string,
  options: SlackOptions,
): Promise<ChatOptions> {
  const picked = new Map<string, PickedPerson>();
  for (const [name, value] of Object.entries(options))
    if (typeof value === "object" && "slackUserId" in value)
      picked.set(name, await people.picked(client, tenantId, value.slackUserId));
  const value = (name: string) => options[name];
  const numberOf = (name: string) => {
    const v = value(name);
    return typeof v === "number" ? v : null;
  };
  return {
    string: (name) => {
      const v = value(name);
      return typeof v === "string" ? v : null;
    },
    integer: numberOf,
    number: numberOf,
    boolean: (name) => {
      const v = value(name);
      return typeof v === "boolean" ? v : null;
    },
    person: (name) => picked.get(name) ?? null,
    channel: (name) => {
      const v = value(name);
      return typeof v === "object" && "slackChannelId" in v ? v.slackChannelId : null;
    },
  };
}
