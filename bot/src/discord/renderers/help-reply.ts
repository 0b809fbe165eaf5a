import type { InteractionReplyOptions } from "discord.js";
import { commandDefinitions, usageOf } from "../../commands/definitions.js";

export function helpReply(): InteractionReplyOptions {
  const lines = commandDefinitions.map((d) => `\`${usageOf(d)}\` — ${d.description}`);
  return { content: ["**SkillSwap commands**", ...lines].join("\n") };
}
