import type { AskedSwap, ChatAction, FormAction, SwapMove } from "../../chat/actions.js";
import { findMaxPage } from "../../chat/find-query.js";

/**
 * The one table of Discord ids: how a button's action and a form's submission travel in a `custom_id`
 * ("swap.accept:0193…", route then arguments, ":"-separated) and how form fields are named in a modal.
 * Buttons carry what they act on, so a click needs no state kept by the bot. Discord caps a custom_id at 100
 * characters; an action that does not fit has no button (the person uses the command instead).
 */
const customIdLimit = 100;
const separator = ":";

/**
 * Free text (skill names, a city) in a custom_id: the separator ":" and the escape "%" itself are
 * percent-encoded, everything else stays readable and short.
 */
const packText = (text: string): string => text.replace(/%/g, "%25").replace(/:/g, "%3A");
const unpackText = (packed: string): string => packed.replace(/%3A/g, ":").replace(/%25/g, "%");

/** A custom_id's route (what it does) and its arguments (what on). */
export function parseCustomId(id: string): { readonly route: string; readonly args: readonly string[] } {
  const [route = "", ...args] = id.split(separator);
  return { route, args };
}

function fitting(parts: readonly string[]): string | null {
  const id = parts.join(separator);
  return id.length <= customIdLimit ? id : null;
}

const swapRoutes: Record<SwapMove, string> = { accept: "swap.accept", decline: "swap.decline", cancel: "swap.cancel" };

const numberOrNull = (text: string | undefined) => {
  if (text === undefined || text === "") return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
};

const askedSwapOf = ([to = "", want = "", offer = ""]: readonly string[]): AskedSwap => ({
  to,
  want: unpackText(want),
  offer: unpackText(offer),
});
const askedSwapParts = ({ to, want, offer }: AskedSwap) => [to, packText(want), packText(offer)];

/**
 * A paging button carries the whole query and the page number, not the search cursor: cursors are opaque and
 * can be longer than a custom_id allows, and keeping them in the bot would need memory shared by every process
 * and surviving restarts. Page N is found again by following the cursors from the first page, which the
 * search keeps stable for the same query.
 */
function findPageParts({ query, page }: Extract<ChatAction, { kind: "find.page" }>): string[] {
  return [
    String(page),
    query.level === null ? "" : String(query.level),
    query.online ? "1" : "",
    query.km === null ? "" : String(query.km),
    packText(query.skill),
    packText(query.near ?? ""),
  ];
}

function findPageOf([page, level, online, km, skill = "", near = ""]: readonly string[]): ChatAction {
  return {
    kind: "find.page",
    page: Math.min(findMaxPage, Math.max(1, Math.trunc(numberOrNull(page) ?? 1))),
    query: {
      skill: unpackText(skill),
      near: near === "" ? null : unpackText(near),
      km: numberOrNull(km),
      level: numberOrNull(level),
      online: online === "1",
    },
  };
}

const swapMoveOf =
  (move: SwapMove) =>
  ([swapId = ""]: readonly string[]): ChatAction => ({ kind: "swap.move", move, swapId });

/** The custom_id of a button, or null when what it carries does not fit in one. */
export function buttonIdOf(action: ChatAction): string | null {
  switch (action.kind) {
    case "swap.move":
      return fitting([swapRoutes[action.move], action.swapId]);
    case "find.page":
      return fitting(["find.page", ...findPageParts(action)]);
    case "match.ask":
      return fitting(["match.ask", ...askedSwapParts(action.swap)]);
    case "match.cycle": {
      const { next, after, youTeach, nextTeaches, afterTeaches } = action.cycle;
      return fitting(["match.cycle", next, after, ...[youTeach, nextTeaches, afterTeaches].map(packText)]);
    }
  }
}

/** A custom_id route (its first part): the kind of what it carries, and how its arguments read as that. */
export interface Route<Action extends { readonly kind: string }> {
  readonly kind: Action["kind"];
  readonly of: (args: readonly string[]) => Action;
}

/** Button routes → the action their arguments describe. */
export const buttonRoutes: Readonly<Record<string, Route<ChatAction>>> = {
  [swapRoutes.accept]: { kind: "swap.move", of: swapMoveOf("accept") },
  [swapRoutes.decline]: { kind: "swap.move", of: swapMoveOf("decline") },
  [swapRoutes.cancel]: { kind: "swap.move", of: swapMoveOf("cancel") },
  "find.page": { kind: "find.page", of: findPageOf },
  "match.ask": { kind: "match.ask", of: (args) => ({ kind: "match.ask", swap: askedSwapOf(args) }) },
  "match.cycle": {
    kind: "match.cycle",
    of: ([next = "", after = "", youTeach = "", nextTeaches = "", afterTeaches = ""]) => ({
      kind: "match.cycle",
      cycle: {
        next,
        after,
        youTeach: unpackText(youTeach),
        nextTeaches: unpackText(nextTeaches),
        afterTeaches: unpackText(afterTeaches),
      },
    }),
  },
};

/** The custom_id of a form; "Request swap"'s form keeps its button's id, which carries the same swap. */
export function formIdOf(action: FormAction): string | null {
  switch (action.kind) {
    case "profile.edit":
      return "profile.edit";
    case "review.submit":
      return fitting(["review.submit", action.swapId]);
    case "match.ask":
      return fitting(["match.ask", ...askedSwapParts(action.swap)]);
    case "swap.partner":
      return "swap.partner";
    case "swap.skills":
      return fitting(["swap.skills", action.to]);
  }
}

/** Form routes → the submission their arguments describe. */
export const formRoutes: Readonly<Record<string, Route<FormAction>>> = {
  "profile.edit": { kind: "profile.edit", of: () => ({ kind: "profile.edit" }) },
  "review.submit": { kind: "review.submit", of: ([swapId = ""]) => ({ kind: "review.submit", swapId }) },
  "match.ask": { kind: "match.ask", of: (args) => ({ kind: "match.ask", swap: askedSwapOf(args) }) },
  "swap.partner": { kind: "swap.partner", of: () => ({ kind: "swap.partner" }) },
  "swap.skills": { kind: "swap.skills", of: ([to = ""]) => ({ kind: "swap.skills", to }) },
};

// Fields named as Discord modals have always named them, so forms opened before a deploy still submit.
const fieldIds: Readonly<Record<string, string>> = { timeZone: "time_zone", shareSessions: "share_sessions" };

/** A form field's custom_id in a modal. */
export const fieldIdOf = (name: string): string => fieldIds[name] ?? name;
