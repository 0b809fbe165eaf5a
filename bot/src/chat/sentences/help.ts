import { commandDefinitions, usageOf, type CommandDefinition } from "../../commands/definitions.js";
import type { ChatMessage } from "../reply.js";

/** Every command with how to write it; admin commands only for admins. */
export function helpMessage(isAdmin: boolean): ChatMessage {
  const definitions: readonly CommandDefinition[] = commandDefinitions;
  const lines = definitions
    .filter((d) => isAdmin || d.adminOnly !== true)
    .map((d) => `\`${usageOf(d)}\` — ${d.description}`);
  return { kind: "message", title: "SkillSwap commands", text: lines.join("\n") };
}
