import { formatLocalDateTime, translate } from "@skillswap/core";
import type { Suggestion, SuggestionProvider } from "../area.js";
import { partnersOf, swapLine } from "../sentences/swaps.js";

// Discord shows at most 25 choices, Slack 100 options.
const maxChoices = 25;
// Sessions are looked up per swap; a person rarely has more open swaps than this.
const swapsWithSessions = 10;

const matches = (name: string, typed: string) => name.toLowerCase().includes(typed.trim().toLowerCase());

/** The person's swaps, newest first: "with @bea: Guitar ↔ Spanish (accepted)", valued by the swap id. */
export const suggestSwaps: SuggestionProvider = async ({ core, actor, typed }) => {
  const { swaps } = await core.services.swaps.list(actor, { limit: 50 });
  return swaps
    .map((swap): Suggestion => ({ label: swapLine(swap), value: swap.id }))
    .filter((choice) => matches(choice.label, typed))
    .slice(0, maxChoices);
};

/**
 * The sessions still waiting on the person, soonest first: scheduled ones they have not confirmed yet, in the
 * future or already past. "Spanish · 2026-12-01 18:30 with @bea", on their own wall clock.
 */
export const suggestSessions: SuggestionProvider = async ({ core, actor, typed }) => {
  const [{ swaps }, me] = await Promise.all([
    core.services.swaps.list(actor, { status: "accepted", limit: swapsWithSessions }),
    core.services.profiles.me(actor),
  ]);
  const perSwap = await Promise.all(
    swaps.map(async (swap) => {
      const sessions = await core.services.sessions.listFor(actor, swap.id);
      return sessions
        .filter((s) => s.status === "scheduled" && !s.confirmedBy.includes(swap.you.handle))
        .map((session) => ({ session, who: partnersOf(swap) }));
    }),
  );
  return perSwap
    .flat()
    .sort((a, b) => a.session.startsAt.getTime() - b.session.startsAt.getTime())
    .map(({ session, who }): Suggestion => ({
      label: translate("bot.session_line", {
        skill: session.skill?.name ?? "",
        when: formatLocalDateTime(session.startsAt, me.timeZone),
        who,
      }),
      value: session.id,
    }))
    .filter((choice) => matches(choice.label, typed))
    .slice(0, maxChoices);
};
