import { translate } from "@skillswap/core";
import type { ChatCore } from "../context.js";
import type { ChatMessage } from "../reply.js";

type GroupView = Awaited<ReturnType<ChatCore["services"]["groups"]["list"]>>[number];

/** "Guitar Circle · 12 joined": a group as it is listed and suggested. */
export const groupLabel = (group: GroupView): string =>
  `${group.name} · ${translate("bot.group_members", { count: group.members })}`;

/** Groups with their member counts and what each is about. */
export function groupsMessage(groups: readonly GroupView[]): ChatMessage {
  const title = translate("bot.groups_title");
  if (groups.length === 0) return { kind: "message", cards: [{ title, note: translate("bot.groups_none") }] };
  const fields = groups.map((group) => ({
    label: groupLabel(group),
    value: group.description === "" ? "—" : group.description,
  }));
  return { kind: "message", cards: [{ title, fields }] };
}
