import type { App, BlockSuggestion } from "@slack/bolt";
import { suggestionIdPattern, suggestionSourceOf } from "../translation/action-ids.js";
import { logFault, requesterOf, type SlackChat } from "./slack-chat.js";

// Slack shows at most 100 options, each text up to 75 characters and valued by up to 150.
const maxOptions = 100;
const clip = (text: string, limit: number) => (text.length > limit ? `${text.slice(0, limit - 1)}…` : text);

/**
 * An external select asking what matches what the person typed: the chat layer's suggestions for the source its
 * action id names. A value too long for Slack is left out rather than cut, since a cut value would pick
 * something else. Suggestions are a convenience: when they fail the list is empty and the person types on.
 */
export function registerOptions(app: App, chat: SlackChat): void {
  app.options<"block_suggestion">(
    { type: "block_suggestion", action_id: suggestionIdPattern },
    async ({ ack, body, client }) => {
      const suggestion: BlockSuggestion = body;
      try {
        const source = suggestionSourceOf(suggestion.action_id);
        const provide = source === null ? undefined : chat.routes.suggestions(source);
        if (provide === undefined) throw new Error(`no suggestions for ${suggestion.action_id}`);
        const person = await chat.people.resolve(client, requesterOf(suggestion));
        const found = await provide({ ...person.context, typed: suggestion.value });
        await ack({
          options: found
            .filter((s) => s.value.length <= 150)
            .slice(0, maxOptions)
            .map((s) => ({ text: { type: "plain_text", text: clip(s.label, 75) }, value: s.value })),
        });
      } catch (error) {
        logFault(chat, "suggestions", error);
        await ack({ options: [] });
      }
    },
  );
}
