import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SlackView } from "../testing/local-slack.js";
import { blockSuggestion, messageShortcut, viewSubmission } from "../testing/local-slack/slack-payloads.js";
import { leoR, mayaK, startSlackChatScenario, type SlackChatScenario } from "../testing/slack-chat-scenario.js";
import { slackShortcuts } from "./shortcut-ids.js";

interface InputBlock {
  readonly type: string;
  readonly block_id?: string;
  readonly text?: { readonly text: string };
  readonly element?: { readonly type: string; readonly action_id: string };
}

const isInputBlock = (value: unknown): value is InputBlock => typeof value === "object" && value !== null;
const blocksOf = (view: SlackView): InputBlock[] => view.blocks.filter(isInputBlock);

/** What a person typed into text fields, by block: the state Slack sends with a submission. */
const typed = (fields: Readonly<Record<string, string>>) =>
  Object.fromEntries(
    Object.entries(fields).map(([block, value]) => [block, { text: { type: "plain_text_input", value } }]),
  );

describe("forms on Slack", () => {
  let s: SlackChatScenario;
  const maya = () => ({ userId: mayaK.id, teamId: s.teamId });
  beforeEach(async () => {
    s = await startSlackChatScenario();
  });
  afterEach(async () => {
    await s.stop();
  });

  /** The one form open for Maya. */
  function openForm(): SlackView {
    const [view] = s.slack.modalsOf(mayaK.id);
    if (view === undefined) throw new Error("no form is open");
    return view;
  }

  it("opens the profile form for /skillswap profile edit, each field its own block", async () => {
    const answer = await s.command(mayaK.id, "profile edit");
    expect(answer.body).toBe("");
    const form = openForm();
    expect(blocksOf(form).flatMap((b) => (b.type === "input" ? [b.block_id] : []))).toEqual([
      "bio",
      "location",
      "timeZone",
      "visibility",
      "shareSessions",
    ]);
  });

  it("puts what is wrong on the exact field and keeps the form open, then saves a good profile", async () => {
    await s.command(mayaK.id, "profile edit");
    const form = openForm();
    const fields = { bio: "Guitar on Tuesdays", location: "", timeZone: "Europe/Paris", shareSessions: "" };

    const refused = await s.interact(
      viewSubmission(maya(), {
        callbackId: form.callback_id,
        privateMetadata: form.private_metadata,
        values: typed({ ...fields, visibility: "everyone" }),
      }),
    );
    expect(refused.json).toEqual({
      response_action: "errors",
      errors: { visibility: expect.stringContaining("public") as unknown },
    });

    const saved = await s.interact(
      viewSubmission(maya(), {
        callbackId: form.callback_id,
        privateMetadata: form.private_metadata,
        values: typed({ ...fields, visibility: "public" }),
      }),
    );
    expect(saved.body).toBe("");
    const account = await s.core.services.accounts.findByIdentity("slack", s.teamId, mayaK.id);
    const profile = await s.core.services.profiles.me({ userId: account?.userId ?? "" });
    expect(profile).toMatchObject({ bio: "Guitar on Tuesdays", visibility: "public", timeZone: "Europe/Paris" });
    // The form closed; what was saved reaches Maya in her DM with the app.
    const told = await s.slack.waitForCall("chat.postMessage", (call) => call.args.channel === mayaK.id);
    expect(told.args.text).toBe("Your profile is saved.");
    expect(String(told.args.blocks)).toContain("Guitar on Tuesdays");
    expect(s.logged).toEqual([]);
  });

  it("opens the swap request form, made out to the author, from “Ask to swap skills” on a message", async () => {
    await s.member(leoR, { Spanish: 5 });
    await s.member(mayaK, { Guitar: 4 });
    await s.interact(
      messageShortcut(maya(), {
        callbackId: slackShortcuts.askToSwap.callbackId,
        message: { ts: "1712345678.000100", text: "Anyone up for a Spanish swap?", user: leoR.id },
        triggerId: s.slack.issueTriggerId(mayaK.id),
      }),
    );
    await s.slack.waitForCall("views.open");
    const form = openForm();
    expect(form.title).toMatchObject({ text: "Ask to swap skills" });
    expect(blocksOf(form)[0]?.text?.text).toContain(`<@${leoR.id}>`);
    expect(blocksOf(form).flatMap((b) => b.block_id ?? [])).toEqual(["offer", "want", "message"]);

    // The skill fields suggest as Maya types: what Leo teaches is among them.
    const want = blocksOf(form).find((b) => b.block_id === "want");
    const suggested = await s.interact(
      blockSuggestion(maya(), { actionId: want?.element?.action_id ?? "", blockId: "want", value: "spa" }),
    );
    expect(suggested.json).toMatchObject({
      options: expect.arrayContaining([{ text: { type: "plain_text", text: "Spanish" }, value: "Spanish" }]) as unknown,
    });

    const picked = (value: string) => ({ skill: { type: "external_select", selected_option: { value } } });
    const sent = await s.interact(
      viewSubmission(maya(), {
        callbackId: form.callback_id,
        privateMetadata: form.private_metadata,
        values: { offer: picked("Guitar"), want: picked("Spanish"), ...typed({ message: "Tuesdays?" }) },
      }),
    );
    expect(sent.body).toBe("");
    const leo = await s.core.services.accounts.findByIdentity("slack", s.teamId, leoR.id);
    const { swaps } = await s.core.services.swaps.list({ userId: leo?.userId ?? "" }, { limit: 5 });
    expect(swaps).toEqual([expect.objectContaining({ status: "pending" })]);
    expect(s.logged).toEqual([]);
  });

  it("suggests catalog skills for what is typed in a skill field", async () => {
    await s.member(leoR, { Guitar: 5 });
    const answer = await s.interact(
      blockSuggestion(maya(), { actionId: "skillswap.suggest:skill", blockId: "skill", value: "gui" }),
    );
    expect(answer.json).toMatchObject({
      options: expect.arrayContaining([{ text: { type: "plain_text", text: "Guitar" }, value: "Guitar" }]) as unknown,
    });
  });
});
