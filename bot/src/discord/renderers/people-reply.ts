import { EmbedBuilder } from "discord.js";
import { translate, type PeopleSearchResult, type PersonHit } from "@skillswap/core";
import { message, type Reply } from "../interactions/replies.js";

// Discord caps an embed field value at 1024 characters.
const fieldLimit = 1024;

function describeHit(hit: PersonHit): string {
  const reasons = hit.reasons.map((r) => r.text);
  if (hit.distanceKm !== null) reasons.push(translate("search.km_away", { km: Math.round(hit.distanceKm) }));
  const text = reasons.length === 0 ? "—" : reasons.join("\n");
  return text.length > fieldLimit ? `${text.slice(0, fieldLimit - 1)}…` : text;
}

export function peopleReply(typed: string, result: PeopleSearchResult): Reply {
  const embed = new EmbedBuilder().setTitle(translate("search.results_for", { text: typed }));
  if (result.hits.length === 0) embed.setDescription(translate("search.no_results"));
  else
    embed.addFields(
      result.hits.map((hit) => ({ name: `@${hit.handle} · ${hit.displayName}`, value: describeHit(hit) })),
    );
  return message({ embeds: [embed.toJSON()] });
}
