import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SlackView } from "../testing/local-slack.js";
import { blockActions, blockSuggestion, viewSubmission } from "../testing/local-slack/slack-payloads.js";
import { leoR, mayaK, startSlackChatScenario, type SlackChatScenario } from "../testing/slack-chat-scenario.js";
import { commandFormCallbackIdOf, formLinkActionIdOf, homeFormActionIdOf } from "./translation/action-ids.js";

interface Option {
  readonly text: { readonly text: string };
  readonly value: string;
}
interface Block {
  readonly type: string;
  readonly block_id?: string;
  readonly dispatch_action?: boolean;
  readonly elements?: readonly { readonly text: string; readonly action_id?: string }[];
  readonly element?: {
    readonly type: string;
    readonly action_id: string;
    readonly options?: readonly Option[];
    readonly option_groups?: readonly {
      readonly label: { readonly text: string };
      readonly options: readonly Option[];
    }[];
  };
}

const isBlock = (value: unknown): value is Block => typeof value === "object" && value !== null;
const blocksOf = (view: SlackView): Block[] => view.blocks.filter(isBlock);
const blockOf = (view: SlackView, blockId: string): Block | undefined =>
  blocksOf(view).find((b) => b.block_id === blockId);
const inputIdsOf = (view: SlackView) => blocksOf(view).flatMap((b) => (b.type === "input" ? [b.block_id] : []));

/** A select's choices as a person reads them: each heading with the texts under it. */
const choicesOf = (block: Block | undefined) =>
  block?.element?.option_groups?.map((g) => ({ [g.label.text]: g.options.map((o) => o.text.text) })) ??
  block?.element?.options?.map((o) => o.text.text);

const picked = (value: string) => ({ choice: { type: "static_select", selected_option: { value } } });
const typed = (value: string) => ({ text: { type: "plain_text_input", value } });

describe("a swap request asked step by step on Slack", () => {
  let s: SlackChatScenario;
  const maya = () => ({ userId: mayaK.id, teamId: s.teamId });
  let leoHandle: string;

  beforeEach(async () => {
    s = await startSlackChatScenario();
    const leo = await s.member(leoR, { Spanish: 5, Chess: 3 });
    leoHandle = leo.handle;
    await s.core.services.skills.add(leo, { skill: "Guitar", direction: "learn", level: 3 });
    const maya = await s.member(mayaK, { Guitar: 4, Cooking: 2 });
    await s.core.services.skills.add(maya, { skill: "Spanish", direction: "learn", level: 4 });
  });
  afterEach(async () => {
    await s.stop();
  });

  /** The one form open for Maya (the top one when forms are stacked). */
  function openForm(): SlackView {
    const view = s.slack.modalsOf(mayaK.id).at(-1);
    if (view === undefined) throw new Error("no form is open");
    return view;
  }

  /** Maya picks someone in the first step, as Slack reports a pick in a field with dispatch_action. */
  async function pickPerson(form: SlackView, handle: string, text: string) {
    const select = blockOf(form, "to")?.element?.action_id ?? "";
    const choice = { type: "external_select", selected_option: { value: handle } };
    await s.interact(
      blockActions(maya(), {
        actionId: select,
        blockId: "to",
        selected: { value: handle, text },
        view: {
          callbackId: form.callback_id,
          privateMetadata: form.private_metadata,
          viewId: form.id,
          hash: form.hash,
          blocks: form.blocks,
          values: { to: { [select]: choice } },
        },
      }),
    );
    return s.slack.waitForCall("views.update", (call) => call.args.view_id === form.id);
  }

  async function secondStep(): Promise<SlackView> {
    await s.command(mayaK.id, "swap request");
    await pickPerson(openForm(), leoHandle, "Leo");
    return openForm();
  }

  it("asks whom to swap with when /skillswap swap request names nobody, suggesting people from SkillSwap", async () => {
    const answer = await s.command(mayaK.id, "swap request");
    expect(answer.body).toBe("");
    const form = openForm();
    expect(inputIdsOf(form)).toEqual(["to"]);
    const to = blockOf(form, "to");
    expect(to).toMatchObject({ dispatch_action: true, element: { type: "external_select" } });

    const suggested = await s.interact(
      blockSuggestion(maya(), { actionId: to?.element?.action_id ?? "", blockId: "to", value: "Leo" }),
    );
    expect(suggested.json).toMatchObject({
      options: expect.arrayContaining([
        { text: { type: "plain_text", text: `Leo (@${leoHandle})` }, value: leoHandle },
      ]) as unknown,
    });
  });

  it("moves on to what each of them teaches once Maya picks Leo, updating the same form", async () => {
    await s.command(mayaK.id, "swap request");
    const first = openForm();
    const update = await pickPerson(first, leoHandle, "Leo");

    // views.update names the form and the version Maya picked in, so a form that moved on is not overwritten.
    expect(update.args).toMatchObject({ view_id: first.id, hash: first.hash });
    const second = openForm();
    expect(second.id).toBe(first.id);
    expect(inputIdsOf(second)).toEqual(["want", "offer", "message"]);
    expect(String(blocksOf(second)[0]?.type)).toBe("section");
    // Leo's skills, what Maya wants to learn first; Maya's, what Leo wants first.
    expect(choicesOf(blockOf(second, "want"))).toEqual([
      { "On your list to learn": ["Spanish (level 5)"] },
      { "Also taught": ["Chess (level 3)"] },
    ]);
    expect(choicesOf(blockOf(second, "offer"))).toEqual([
      { "On their list to learn": ["Guitar (level 4)"] },
      { "Also taught": ["Cooking (level 2)"] },
    ]);
    expect(s.logged).toEqual([]);
  });

  it("sends the request through core when the second step is submitted", async () => {
    const form = await secondStep();
    const sent = await s.interact(
      viewSubmission(maya(), {
        callbackId: form.callback_id,
        privateMetadata: form.private_metadata,
        values: { want: picked("Spanish"), offer: picked("Guitar"), message: typed("Tuesday evenings?") },
      }),
    );
    expect(sent.body).toBe("");
    const leo = await s.core.services.accounts.findByIdentity("slack", s.teamId, leoR.id);
    const { swaps } = await s.core.services.swaps.list({ userId: leo?.userId ?? "" }, { limit: 5 });
    expect(swaps).toEqual([expect.objectContaining({ status: "pending", message: "Tuesday evenings?" })]);
    const told = await s.slack.waitForCall("chat.postMessage", (call) => call.args.channel === mayaK.id);
    expect(String(told.args.text)).toContain(`@${leoHandle}`);
    expect(s.logged).toEqual([]);
  });

  it("puts core's refusal on the exact field of the second step when a choice no longer holds", async () => {
    const form = await secondStep();
    // Between the two steps Leo stops teaching chess.
    const leo = await s.core.services.accounts.findByIdentity("slack", s.teamId, leoR.id);
    const leoActor = { userId: leo?.userId ?? "" };
    const chess = (await s.core.services.profiles.me(leoActor)).skills.find((k) => k.name === "Chess");
    await s.core.services.skills.remove(leoActor, chess?.id ?? "");

    const refused = await s.interact(
      viewSubmission(maya(), {
        callbackId: form.callback_id,
        privateMetadata: form.private_metadata,
        values: { want: picked("Chess"), offer: picked("Guitar"), message: typed("") },
      }),
    );
    expect(refused.json).toEqual({
      response_action: "errors",
      errors: { want: expect.stringContaining("Chess") as unknown },
    });
    const { swaps } = await s.core.services.swaps.list(leoActor, { limit: 5 });
    expect(swaps).toEqual([]);
  });

  it("says above the first step why Maya cannot ask herself, and leaves the picker to pick again", async () => {
    await s.command(mayaK.id, "swap request");
    const first = openForm();
    const maya = await s.core.services.accounts.findByIdentity("slack", s.teamId, mayaK.id);
    await pickPerson(first, maya?.handle ?? "", "Maya");

    const after = openForm();
    expect(inputIdsOf(after)).toEqual(["to"]);
    expect(blocksOf(after)[0]).toMatchObject({
      type: "context",
      elements: [{ text: expect.stringMatching(/yourself/i) as unknown }],
    });
  });

  it("starts the same steps from the App Home's “Request a swap”", async () => {
    await s.interact(
      blockActions(maya(), {
        actionId: homeFormActionIdOf("swap request"),
        triggerId: s.slack.issueTriggerId(mayaK.id),
      }),
    );
    await s.slack.waitForCall("views.open");
    const form = openForm();
    expect(form.title).toMatchObject({ text: "Request a swap" });
    expect(inputIdsOf(form)).toEqual(["to"]);
  });
});

describe("a form opened on top of another on Slack", () => {
  let s: SlackChatScenario;
  const maya = () => ({ userId: mayaK.id, teamId: s.teamId });
  beforeEach(async () => {
    s = await startSlackChatScenario();
  });
  afterEach(async () => {
    await s.stop();
  });

  it("pushes the availability form over the profile form, and its submission closes only itself", async () => {
    await s.command(mayaK.id, "profile edit");
    const [profile] = s.slack.modalsOf(mayaK.id);
    if (profile === undefined) throw new Error("the profile form did not open");
    const link = blocksOf(profile).find((b) => b.type === "actions")?.elements?.[0];
    expect(link).toMatchObject({ text: { text: "Set availability" }, action_id: formLinkActionIdOf("availability") });

    await s.interact(
      blockActions(maya(), {
        actionId: link?.action_id ?? "",
        triggerId: s.slack.issueTriggerId(mayaK.id),
        view: {
          callbackId: profile.callback_id,
          viewId: profile.id,
          hash: profile.hash,
          privateMetadata: profile.private_metadata,
        },
      }),
    );
    await s.slack.waitForCall("views.push");
    const [below, pushed] = s.slack.modalsOf(mayaK.id);
    expect(below?.id).toBe(profile.id);
    expect(pushed).toMatchObject({
      callback_id: commandFormCallbackIdOf("availability"),
      previous_view_id: profile.id,
    });

    const saved = await s.interact(
      viewSubmission(maya(), {
        callbackId: pushed?.callback_id ?? "",
        privateMetadata: pushed?.private_metadata ?? "",
        values: { slots: typed("Tue 18-20"), timezone: typed("Europe/Paris") },
      }),
    );
    // An empty acknowledgement, not `response_action: "clear"`: Slack takes Maya back to her profile form.
    expect(saved.body).toBe("");
    const account = await s.core.services.accounts.findByIdentity("slack", s.teamId, mayaK.id);
    const me = await s.core.services.profiles.me({ userId: account?.userId ?? "" });
    expect(me.availability.length).toBe(1);
    expect(s.logged).toEqual([]);
  });
});
