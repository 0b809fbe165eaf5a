import { formatLocalDateTime, translate, type Actor } from "@skillswap/core";
import type { CommandName } from "../commands/definitions.js";
import type { ChatCore } from "./context.js";
import type { ChatMessage } from "./reply.js";
import { profileMessage } from "./sentences/profile.js";
import { matchMessage } from "./sentences/recommendations.js";
import { partnersOf, swapListMessage, type SwapLike } from "./sentences/swaps.js";

/** A button opening the form of a command: the same form a person gets by typing it without its options. */
export interface HomeFormButton {
  readonly label: string;
  readonly command: CommandName;
}

/**
 * A person's own page on a chat platform (Slack's App Home): what they are, who they could swap with, what
 * waits on them and what is coming, each section a message as the commands would answer it, so the page reads
 * like the answers a person already knows.
 */
export interface ChatHome {
  readonly forms: readonly HomeFormButton[];
  readonly sections: readonly ChatMessage[];
}

// The page is glanced at: the best few partners, not the whole list `/match` gives.
const topMatches = 3;
// Open swaps as `/swap list` shows them; sessions are looked up per accepted one, as the session suggestions do.
const openSwapsShown = 15;
const swapsWithSessions = 10;

const formButtons: readonly HomeFormButton[] = [
  { label: translate("bot.home_edit_profile"), command: "profile edit" },
  { label: translate("bot.home_add_skill"), command: "skills add" },
  { label: translate("bot.home_set_availability"), command: "availability" },
  { label: translate("bot.home_request_swap"), command: "swap request" },
];

/** The scheduled sessions of the person's accepted swaps, soonest first, on their own clock. */
async function upcomingSessions(core: ChatCore, actor: Actor, swaps: readonly SwapLike[], timeZone: string) {
  const accepted = swaps.filter((swap) => swap.status === "accepted").slice(0, swapsWithSessions);
  const perSwap = await Promise.all(
    accepted.map(async (swap) => {
      const sessions = await core.services.sessions.listFor(actor, swap.id);
      return sessions.filter((s) => s.status === "scheduled").map((session) => ({ session, who: partnersOf(swap) }));
    }),
  );
  const lines = perSwap
    .flat()
    .sort((a, b) => a.session.startsAt.getTime() - b.session.startsAt.getTime())
    .map(({ session, who }) =>
      translate("bot.session_line", {
        skill: session.skill?.name ?? "",
        when: formatLocalDateTime(session.startsAt, timeZone),
        who,
      }),
    );
  const sessions: ChatMessage = {
    kind: "message",
    cards: [
      {
        title: translate("bot.home_sessions_title"),
        note: lines.length === 0 ? translate("bot.home_sessions_none") : lines.join("\n"),
        ...(lines.length === 0 ? {} : { footer: translate("bot.home_sessions_clock", { zone: timeZone }) }),
      },
    ],
  };
  return sessions;
}

/** The Home of `actor`: their profile with its skills, top matches, open swaps and upcoming sessions. */
export async function homeOf(core: ChatCore, actor: Actor): Promise<ChatHome> {
  const [me, found, { swaps }] = await Promise.all([
    core.services.profiles.me(actor),
    core.services.matching.recommend(actor, { limit: topMatches, cycles: false }),
    core.services.swaps.list(actor, { status: "open", limit: openSwapsShown }),
  ]);
  // Someone with no skills yet gets told what the buttons above are for.
  const welcome = me.skills.length === 0 ? translate("bot.home_welcome") : undefined;
  return {
    forms: formButtons,
    sections: [
      { ...profileMessage(me, welcome), title: translate("bot.home_title") },
      matchMessage(found),
      swapListMessage(swaps),
      await upcomingSessions(core, actor, swaps, me.timeZone),
    ],
  };
}
