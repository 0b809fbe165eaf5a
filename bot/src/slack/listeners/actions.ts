import type { App, BlockButtonAction, RespondArguments } from "@slack/bolt";
import { answerHomeClick, isHomeClick } from "../home/home-clicks.js";
import { slackMessageOf } from "../renderers/block-kit.js";
import { modalOf } from "../renderers/modal-view.js";
import { buttonActionOf, buttonIdPattern } from "../translation/action-ids.js";
import { failureText, requesterOf, type SlackChat } from "./slack-chat.js";

/**
 * A click on one of SkillSwap's buttons: acknowledged at once (Slack shows nothing for it), then the chat
 * layer's action runs and its answer replaces the clicked message, follows it, or opens a form. A click on the
 * App Home has no message to answer: its answer is DMed and the Home published again.
 */
export function registerActions(app: App, chat: SlackChat): void {
  app.action<BlockButtonAction>(
    { type: "block_actions", action_id: buttonIdPattern },
    async ({ ack, body, action, respond, client }) => {
      await ack();
      let reply: RespondArguments;
      try {
        const clicked = buttonActionOf(action.value ?? "");
        const run = clicked === null ? undefined : chat.routes.action(clicked.kind);
        if (clicked === null || run === undefined) throw new Error(`no chat route for the button ${action.action_id}`);
        const person = await chat.people.resolve(client, requesterOf(body));
        const said = await run(person.context, clicked);
        if (said.kind === "form") {
          await client.views.open({ trigger_id: body.trigger_id, view: modalOf(said) });
          return;
        }
        reply =
          said.kind === "update"
            ? { replace_original: true, ...slackMessageOf(said) }
            : {
                replace_original: false,
                response_type: said.private === true ? "ephemeral" : "in_channel",
                ...slackMessageOf(said),
              };
      } catch (error) {
        reply = {
          replace_original: false,
          response_type: "ephemeral",
          text: failureText(chat, "button", error),
        };
      }
      if (isHomeClick(body)) {
        const blocks = "blocks" in reply ? reply.blocks : undefined;
        await answerHomeClick(chat, client, requesterOf(body), { text: reply.text ?? "", blocks });
        return;
      }
      await respond(reply);
    },
  );
}
