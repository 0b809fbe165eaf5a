import { EmbedBuilder } from "discord.js";
import { translate } from "@skillswap/core";
import type { BotCore } from "../interactions/handlers.js";
import { message, type MessageReply } from "../interactions/replies.js";

type GroupView = Awaited<ReturnType<BotCore["services"]["groups"]["list"]>>[number];

const clip = (text: string, limit: number) => (text.length > limit ? `${text.slice(0, limit - 1)}…` : text);
// An embed holds 25 fields; a longer list is a job for the dashboard.
const maxFields = 25;

/** Groups with their member counts and what each is about. */
export function groupsReply(groups: readonly GroupView[]): MessageReply {
  const embed = new EmbedBuilder().setTitle(translate("bot.groups_title"));
  if (groups.length === 0) embed.setDescription(translate("bot.groups_none"));
  else
    embed.addFields(
      groups.slice(0, maxFields).map((group) => ({
        name: clip(`${group.name} · ${translate("bot.group_members", { count: group.members })}`, 256),
        value: clip(group.description === "" ? "—" : group.description, 1024),
      })),
    );
  return message({ embeds: [embed.toJSON()] });
}
