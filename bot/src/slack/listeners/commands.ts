import type { App, RespondArguments, SlashCommand } from "@slack/bolt";
import { parseCommandText } from "../commands/command-parser.js";
import { slackSlashCommand } from "../commands/slack-command-names.js";
import { slackMessageOf } from "../renderers/block-kit.js";
import { modalOf } from "../renderers/modal-view.js";
import { chatOptionsOf } from "../translation/chat-options.js";
import type { SlackRequester } from "../translation/slack-actor.js";
import { answerInAckWithinMs, commandAnswer } from "./command-answer.js";
import { failureText, type SlackChat } from "./slack-chat.js";

const requesterOfCommand = (command: SlashCommand): SlackRequester => ({
  userId: command.user_id,
  teamId: command.team_id,
  enterpriseId: command.enterprise_id,
  isEnterpriseInstall: command.is_enterprise_install === "true",
});

/**
 * `/skillswap …`: the text read against the command table (what to fix, or the closest commands, only to the
 * person), then the chat layer's command, answered in the channel or only to the person as the table says. A
 * form opens with the command's trigger id, which Slack accepts once and for 3 s: nothing slow comes before it.
 */
export function registerCommands(app: App, chat: SlackChat): void {
  app.command(slackSlashCommand, async ({ command, ack, respond, client }) => {
    const parsed = parseCommandText(command.text);
    if (parsed.kind !== "command") {
      await ack({ response_type: "ephemeral", text: parsed.sentence });
      return;
    }
    const { definition } = parsed;
    const name = definition.path.join(" ");
    const answer = commandAnswer(ack, respond, definition.slow === true ? 0 : answerInAckWithinMs, chat.logger);
    let reply: RespondArguments;
    try {
      const run = chat.routes.command(name);
      if (run === undefined) throw new Error(`no chat route for the command "${name}"`);
      const person = await chat.people.resolve(client, requesterOfCommand(command));
      const options = await chatOptionsOf(chat.people, client, person.tenantId, parsed.options);
      const said = await run({ ...person.context, options });
      if (said.kind === "form") {
        await client.views.open({ trigger_id: command.trigger_id, view: modalOf(said) });
        await answer.close();
        return;
      }
      reply = { response_type: definition.ephemeral ? "ephemeral" : "in_channel", ...slackMessageOf(said) };
    } catch (error) {
      reply = { response_type: "ephemeral", text: failureText(chat, `/skillswap ${name}`, error) };
    }
    await answer.send(reply);
  });
}
