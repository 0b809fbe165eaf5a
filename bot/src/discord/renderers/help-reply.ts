import { commandDefinitions, usageOf, type CommandDefinition } from "../../commands/definitions.js";
import { say, type Reply } from "../interactions/replies.js";

export function helpReply(isAdmin: boolean): Reply {
  const definitions: readonly CommandDefinition[] = commandDefinitions;
  const lines = definitions
    .filter((d) => isAdmin || d.adminOnly !== true)
    .map((d) => `\`${usageOf(d)}\` — ${d.description}`);
  return say(["**SkillSwap commands**", ...lines].join("\n"));
}
