import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { failureOf } from "../../chat/failure.js";
import type { ChatReply } from "../../chat/reply.js";
import { slackMessageOf } from "../renderers/block-kit.js";
import { fieldErrorsOf, modalOf, noticeModalOf, shownFieldsOf, submittedFieldsOf } from "../renderers/modal-view.js";
import { commandFormPattern, formActionOf, formCallbackId } from "../translation/action-ids.js";
import { commandOfForm } from "./command-form.js";
import { logFault, requesterOf, type SlackChat } from "./slack-chat.js";

type Submission = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
type Run = (submission: Submission) => Promise<ChatReply>;

/**
 * Runs a submitted form and answers Slack within its 3 s: a failure about fields goes back onto those fields
 * (`response_action: "errors"`, the form stays open), any other failure replaces the form with its sentence, and
 * on success the form closes and what the chat layer said reaches the person in their DM with the app (a view
 * has no channel to answer in).
 */
async function submit(chat: SlackChat, submission: Submission, run: Run): Promise<void> {
  const { ack, body, view, client } = submission;
  let said: ChatReply;
  try {
    said = await run(submission);
  } catch (error) {
    logFault(chat, "form", error);
    const failure = failureOf(error);
    const onFields = fieldErrorsOf(failure.fieldErrors, shownFieldsOf(view));
    await ack(onFields ?? { response_action: "update", view: noticeModalOf(view.title.text, failure.sentence) });
    return;
  }
  if (said.kind === "form") {
    await ack({ response_action: "update", view: modalOf(said) });
    return;
  }
  await ack();
  await client.chat.postMessage({ channel: body.user.id, ...slackMessageOf(said) });
}

/** The chat layer's forms (profile, review, swap request) and forms of a command's options. */
export function registerViews(app: App, chat: SlackChat): void {
  app.view<ViewSubmitAction>(formCallbackId, (submission) =>
    submit(chat, submission, async ({ body, view, client }) => {
      const action = formActionOf(view.private_metadata);
      const run = action === null ? undefined : chat.routes.form(action.kind);
      if (action === null || run === undefined) throw new Error("no chat route for a submitted form");
      const person = await chat.people.resolve(client, requesterOf(body));
      return run({ ...person.context, field: submittedFieldsOf(view.state.values) }, action);
    }),
  );
  app.view<ViewSubmitAction>(commandFormPattern, (submission) =>
    submit(chat, submission, (args) => commandOfForm(chat, args)),
  );
}
