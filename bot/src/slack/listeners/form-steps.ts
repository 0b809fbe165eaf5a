import type { App, BlockAction, ExternalSelectAction, types } from "@slack/bolt";
import { ErrorCode } from "@slack/web-api";
import { slackMessageOf } from "../renderers/block-kit.js";
import { modalOf, submittedFieldsOf, withNoticeOf } from "../renderers/modal-view.js";
import { fieldBlockIdOf, formActionOf, formCallbackId, suggestionIdPattern } from "../translation/action-ids.js";
import { failureText, logFault, requesterOf, type SlackChat } from "./slack-chat.js";

type PickInForm = BlockAction<ExternalSelectAction>;

/** Slack refused views.update because the view changed since the pick: an earlier pick already moved it on. */
function isStale(error: unknown): boolean {
  if (!(error instanceof Error) || !("code" in error) || error.code !== ErrorCode.PlatformError) return false;
  const answer = "data" in error && typeof error.data === "object" && error.data !== null ? error.data : {};
  return "error" in answer && answer.error === "hash_conflict";
}

/**
 * A pick in a form field that moves the form on (`dispatch_action`, e.g. the person of a swap request): the
 * form's submission runs with what is filled in so far, and its answer, the next step, replaces the form with
 * views.update. The view's hash goes with it, so a form that moved on meanwhile is not overwritten. What
 * cannot move on is said above the form, which stays as it was.
 */
export function registerFormSteps(app: App, chat: SlackChat): void {
  app.action<PickInForm>(
    { type: "block_actions", action_id: suggestionIdPattern },
    async ({ ack, body, action, client }) => {
      await ack();
      const { view } = body;
      // Only the chat layer's forms move on; a pick in a command's form waits for its submission.
      if (view === undefined || view.callback_id !== formCallbackId) return;
      let next: types.ModalView;
      try {
        const submitted = formActionOf(view.private_metadata);
        const run = submitted === null ? undefined : chat.routes.form(submitted.kind);
        if (submitted === null || run === undefined) throw new Error("no chat route for a form picked in");
        const typed = submittedFieldsOf(view.state.values);
        // The pick itself, whether or not the state Slack sent with it holds it yet.
        const picked = action.selected_option?.value;
        const field = (name: string) =>
          fieldBlockIdOf(name) === action.block_id && picked !== undefined ? picked : typed(name);
        const person = await chat.people.resolve(client, requesterOf(body));
        const said = await run({ ...person.context, field }, submitted);
        next = said.kind === "form" ? modalOf(said) : withNoticeOf(view, slackMessageOf(said).text);
      } catch (error) {
        next = withNoticeOf(view, failureText(chat, "form step", error));
      }
      try {
        await client.views.update({ view_id: view.id, hash: view.hash, view: next });
      } catch (error) {
        if (!isStale(error)) logFault(chat, "form step", error);
      }
    },
  );
}
