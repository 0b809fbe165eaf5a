import { helpReply } from "../renderers/help-reply.js";
import type { DiscordCommand } from "./command.js";

export const helpCommand: DiscordCommand = () => Promise.resolve(helpReply());
