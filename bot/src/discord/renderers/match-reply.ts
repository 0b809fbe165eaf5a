import {
  ButtonStyle,
  ComponentType,
  EmbedBuilder,
  TextInputStyle,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIInteractionResponseCallbackData,
} from "discord.js";
import { translate } from "@skillswap/core";
import { packText } from "../areas/custom-id-text.js";
import type { BotCore } from "../interactions/handlers.js";
import { modal, type Reply } from "../interactions/replies.js";

export type Recommendations = Awaited<ReturnType<BotCore["services"]["matching"]["recommend"]>>;
type Pair = Recommendations["pairs"][number];
type Cycle = Recommendations["cycles"][number];

/** "Request swap" button and its form: the partner's handle, what they teach you, what you teach them. */
export const matchAskRoute = "match.ask";
/** "Propose three-way swap": both others' handles and the three skills, in cycle order. */
export const matchCycleRoute = "match.cycle";
export const matchAskMessageField = "message";

// Discord's limits: custom_id 100, button label 80, modal title 45, embed field name 256 and value 1024.
const customIdLimit = 100;
const clip = (text: string, limit: number) => (text.length > limit ? `${text.slice(0, limit - 1)}…` : text);

/** The button's id, or null when names this long do not fit in one (then the person uses /swap request). */
function idOf(route: string, ...parts: readonly string[]): string | null {
  const id = [route, ...parts].join(":");
  return id.length <= customIdLimit ? id : null;
}

const askIdOf = (pair: Pair) =>
  idOf(matchAskRoute, pair.handle, packText(pair.theyTeach.name), packText(pair.youTeach.name));

/** A cycle's links run: you teach the next person, they teach the one after, who teaches you. */
function cycleIdOf(cycle: Cycle): string | null {
  const [yours, theirs, back] = cycle.links;
  if (yours === undefined || theirs === undefined || back === undefined) return null;
  return idOf(
    matchCycleRoute,
    theirs.teacher,
    back.teacher,
    packText(yours.skill.name),
    packText(theirs.skill.name),
    packText(back.skill.name),
  );
}

function buttonRow(buttons: readonly APIButtonComponent[]): APIActionRowComponent<APIButtonComponent>[] {
  return buttons.length === 0 ? [] : [{ type: ComponentType.ActionRow, components: [...buttons] }];
}

function pairsEmbed(pairs: readonly Pair[]): APIEmbed {
  const embed = new EmbedBuilder().setTitle(translate("bot.match_title"));
  if (pairs.length === 0) embed.setDescription(translate("bot.match_none"));
  else
    embed.addFields(
      pairs.map((pair) => ({
        name: clip(`@${pair.handle} · ${pair.displayName}`, 256),
        value: clip(pair.explanation, 1024),
      })),
    );
  return embed.toJSON();
}

function cyclesEmbed(cycles: readonly Cycle[]): APIEmbed {
  return new EmbedBuilder()
    .setTitle(translate("bot.cycles_title"))
    .addFields(
      cycles.map((cycle, index) => ({
        name: clip(`${index + 1}. @${cycle.people[0]} · @${cycle.people[1]}`, 256),
        value: clip(cycle.explanation, 1024),
      })),
    )
    .toJSON();
}

/**
 * Recommendations with their explanations; each partner gets a "Request swap" button and each three-way swap
 * a "Propose" button (at most five of each: a row holds five buttons).
 */
export function matchMessage({ pairs, cycles }: Recommendations): APIInteractionResponseCallbackData {
  const askButtons = pairs.slice(0, 5).flatMap((pair): APIButtonComponent[] => {
    const custom_id = askIdOf(pair);
    if (custom_id === null) return [];
    const label = clip(translate("bot.match_request", { name: pair.displayName }), 80);
    return [{ type: ComponentType.Button, style: ButtonStyle.Primary, label, custom_id }];
  });
  const cycleButtons = cycles.slice(0, 5).flatMap((cycle, index): APIButtonComponent[] => {
    const custom_id = cycleIdOf(cycle);
    if (custom_id === null) return [];
    const label = translate("bot.cycle_propose", { number: index + 1 });
    return [{ type: ComponentType.Button, style: ButtonStyle.Secondary, label, custom_id }];
  });
  return {
    embeds: cycles.length === 0 ? [pairsEmbed(pairs)] : [pairsEmbed(pairs), cyclesEmbed(cycles)],
    components: [...buttonRow(askButtons), ...buttonRow(cycleButtons)],
  };
}

/** The form behind "Request swap": an optional note; the swap itself is in the form's id. */
export function askForm(customId: string, handle: string): Reply {
  return modal({
    custom_id: customId,
    title: clip(translate("bot.swap_form_title", { name: `@${handle}` }), 45),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: matchAskMessageField,
            label: translate("bot.swap_form_message"),
            style: TextInputStyle.Paragraph,
            required: false,
            max_length: 1000,
          },
        ],
      },
    ],
  });
}
