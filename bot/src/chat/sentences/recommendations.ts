import { translate } from "@skillswap/core";
import type { AskedSwap } from "../actions.js";
import type { ChatCore } from "../context.js";
import type { ChatButton, ChatCard, ChatForm, ChatMessage } from "../reply.js";

export type Recommendations = Awaited<ReturnType<ChatCore["services"]["matching"]["recommend"]>>;
type Pair = Recommendations["pairs"][number];
type Cycle = Recommendations["cycles"][number];

/** The note a "Request swap" form asks for. */
export const askMessageField = "message";

// Buttons for the first few: a chat message carries a handful of them in a row.
const maxButtons = 5;

function pairsCard(pairs: readonly Pair[]): ChatCard {
  const title = translate("bot.match_title");
  if (pairs.length === 0) return { title, note: translate("bot.match_none") };
  return { title, people: pairs.map((p) => ({ handle: p.handle, name: p.displayName, why: p.explanation })) };
}

function cyclesCard(cycles: readonly Cycle[]): ChatCard {
  return {
    title: translate("bot.cycles_title"),
    fields: cycles.map((cycle, index) => ({
      label: `${index + 1}. @${cycle.people[0]} · @${cycle.people[1]}`,
      value: cycle.explanation,
    })),
  };
}

function askButton(pair: Pair): ChatButton {
  const swap: AskedSwap = { to: pair.handle, want: pair.theyTeach.name, offer: pair.youTeach.name };
  return {
    label: translate("bot.match_request", { name: pair.displayName }),
    action: { kind: "match.ask", swap },
    tone: "primary",
  };
}

/** A cycle's links run: you teach the next person, they teach the one after, who teaches you. */
function cycleButton(cycle: Cycle, index: number): ChatButton[] {
  const [yours, theirs, back] = cycle.links;
  if (yours === undefined || theirs === undefined || back === undefined) return [];
  const proposed = {
    next: theirs.teacher,
    after: back.teacher,
    youTeach: yours.skill.name,
    nextTeaches: theirs.skill.name,
    afterTeaches: back.skill.name,
  };
  const label = translate("bot.cycle_propose", { number: index + 1 });
  return [{ label, action: { kind: "match.cycle", cycle: proposed }, tone: "secondary" }];
}

/** Recommendations with their explanations; a "Request swap" per partner, a "Propose" per three-way swap. */
export function matchMessage({ pairs, cycles }: Recommendations): ChatMessage {
  return {
    kind: "message",
    cards: cycles.length === 0 ? [pairsCard(pairs)] : [pairsCard(pairs), cyclesCard(cycles)],
    buttons: [pairs.slice(0, maxButtons).map(askButton), cycles.slice(0, maxButtons).flatMap(cycleButton)],
  };
}

/** The form behind "Request swap": an optional note; the swap itself travels with the form. */
export function askForm(swap: AskedSwap): ChatForm {
  return {
    kind: "form",
    title: translate("bot.swap_form_title", { name: `@${swap.to}` }),
    submit: { kind: "match.ask", swap },
    fields: [
      {
        name: askMessageField,
        label: translate("bot.swap_form_message"),
        long: true,
        required: false,
        maxLength: 1000,
      },
    ],
  };
}
