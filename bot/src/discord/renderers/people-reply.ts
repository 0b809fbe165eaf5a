import {
  ButtonStyle,
  ComponentType,
  EmbedBuilder,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIInteractionResponseCallbackData,
} from "discord.js";
import { translate, type PeopleSearchResult, type PersonHit } from "@skillswap/core";

// Discord caps an embed field value at 1024 characters.
const fieldLimit = 1024;

function describeHit(hit: PersonHit): string {
  const reasons = hit.reasons.map((r) => r.text);
  if (hit.distanceKm !== null) reasons.push(translate("search.km_away", { km: Math.round(hit.distanceKm) }));
  const text = reasons.length === 0 ? "—" : reasons.join("\n");
  return text.length > fieldLimit ? `${text.slice(0, fieldLimit - 1)}…` : text;
}

/** Where the paging buttons lead; null ids (a query too long to carry) mean no buttons. */
export interface Paging {
  readonly page: number;
  readonly previousId: string | null;
  readonly nextId: string | null;
  readonly hasPrevious: boolean;
  readonly hasNext: boolean;
}

function pagingRow(paging: Paging): APIActionRowComponent<APIButtonComponent> | null {
  if (paging.previousId === null || paging.nextId === null) return null;
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: translate("bot.previous"),
        custom_id: paging.previousId,
        disabled: !paging.hasPrevious,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: translate("bot.next"),
        custom_id: paging.nextId,
        disabled: !paging.hasNext,
      },
    ],
  };
}

/** One page of /find: the people with why each matched, the page number and Previous/Next. */
export function peopleMessage(
  typed: string,
  result: PeopleSearchResult,
  paging: Paging,
): APIInteractionResponseCallbackData {
  const embed = new EmbedBuilder().setTitle(translate("search.results_for", { text: typed }).slice(0, 256));
  if (result.hits.length === 0) embed.setDescription(translate("search.no_results"));
  else
    embed.addFields(
      result.hits.map((hit) => ({
        name: `@${hit.handle} · ${hit.displayName}`.slice(0, 256),
        value: describeHit(hit),
      })),
    );
  embed.setFooter({ text: translate("bot.page", { page: paging.page }) });
  const row = pagingRow(paging);
  return { embeds: [embed.toJSON()], components: row === null ? [] : [row] };
}
