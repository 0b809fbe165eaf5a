import type { RESTPostAPIChannelMessageJSONBody } from "discord.js";
import { translate, type SwapOpening } from "@skillswap/core";
import { relayedMessage } from "./relay-message.js";

/** Discord's limit for a channel (thread) name. */
const channelNameLimit = 100;

const namesOf = (opening: SwapOpening) => opening.participants.map((p) => p.displayName).join(" & ");

/** "Maya & Leo: Guitar ⇄ Spanish": who and what, so the thread is recognisable in the channel list. */
export function swapThreadName(opening: SwapOpening): string {
  const skills = [...new Set(opening.participants.flatMap((p) => (p.teaches === null ? [] : [p.teaches])))];
  const name = translate("relay.swap_thread_name", { names: namesOf(opening), skills: skills.join(" ⇄ ") });
  return name.length <= channelNameLimit ? name : `${name.slice(0, channelNameLimit - 1)}…`;
}

/** The first message of a swap's conversation: who, which skills, and how to schedule. */
export function swapOpeningMessage(opening: SwapOpening, nonce: string): RESTPostAPIChannelMessageJSONBody {
  const lines = [
    translate("relay.swap_opening", { names: namesOf(opening) }),
    ...opening.participants.flatMap((p) =>
      p.teaches === null ? [] : [translate("relay.swap_opening_teaches", { name: p.displayName, skill: p.teaches })],
    ),
    translate("relay.swap_opening_schedule"),
  ];
  return relayedMessage(lines.join("\n"), nonce);
}

/** The last line of a swap's direct-message conversation. */
export function swapClosingMessage(
  outcome: "completed" | "cancelled",
  nonce: string,
): RESTPostAPIChannelMessageJSONBody {
  return relayedMessage(translate(outcome === "completed" ? "relay.swap_completed" : "relay.swap_cancelled"), nonce);
}
