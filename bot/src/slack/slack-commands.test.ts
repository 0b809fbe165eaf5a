import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { blockActions } from "../testing/local-slack/slack-payloads.js";
import { anaG, leoR, mayaK, startSlackChatScenario, type SlackChatScenario } from "../testing/slack-chat-scenario.js";

interface Element {
  /** A button's label, or a context element's own text. */
  readonly text?: { readonly text: string } | string;
  readonly action_id?: string;
  readonly value?: string;
}
interface Block {
  readonly type: string;
  readonly text?: { readonly text: string };
  readonly elements?: readonly Element[];
}
interface SlackReply {
  readonly response_type?: string;
  readonly replace_original?: boolean;
  readonly text: string;
  readonly blocks?: readonly Block[];
}

const isReply = (value: unknown): value is SlackReply =>
  typeof value === "object" && value !== null && "text" in value && typeof value.text === "string";

function replyOf(value: unknown): SlackReply {
  if (!isReply(value)) throw new Error(`not a Slack message: ${JSON.stringify(value)}`);
  return value;
}

/** Everything a person reads in a reply: its fallback text and the text of every block. */
const shown = (reply: SlackReply): string =>
  [
    reply.text,
    ...(reply.blocks ?? []).flatMap((b) => [
      b.text?.text ?? "",
      ...(b.type === "context" ? (b.elements ?? []).map((e) => (typeof e.text === "string" ? e.text : "")) : []),
    ]),
  ].join("\n");

const labelOf = (element: Element) => (typeof element.text === "string" ? element.text : element.text?.text);

const buttonsOf = (reply: SlackReply) =>
  (reply.blocks ?? []).filter((b) => b.type === "actions").flatMap((b) => b.elements ?? []);

describe("/skillswap on Slack", () => {
  let s: SlackChatScenario;
  beforeEach(async () => {
    s = await startSlackChatScenario();
  });
  afterEach(async () => {
    await s.stop();
  });

  it("lists every command, only to the person, for /skillswap help", async () => {
    const reply = replyOf((await s.command(mayaK.id, "help")).json);
    expect(reply.response_type).toBe("ephemeral");
    expect(shown(reply)).toContain("find");
    expect(shown(reply)).toContain("skills add");
    expect(s.logged).toEqual([]);
  });

  it("adds a skill the person teaches and says so", async () => {
    const reply = replyOf((await s.command(mayaK.id, "skills add guitar teach 4")).json);
    expect(shown(reply)).toContain("you teach Guitar (level 4)");
    expect(reply.response_type).toBe("ephemeral");
    const maya = await s.core.services.accounts.findByIdentity("slack", s.teamId, mayaK.id);
    const profile = await s.core.services.profiles.me({ userId: maya?.userId ?? "" });
    expect(profile.skills).toEqual([expect.objectContaining({ name: "Guitar", direction: "teach", level: 4 })]);
  });

  it("says how to write the option that is wrong, naming it, and adds nothing", async () => {
    const reply = replyOf((await s.command(mayaK.id, "skills add guitar teach nine")).json);
    expect(reply.response_type).toBe("ephemeral");
    expect(reply.text).toContain("`level` must be a whole number from 1 to 5");
    expect(await s.core.services.accounts.findByIdentity("slack", s.teamId, mayaK.id)).toBeNull();
  });

  it("suggests the closest command for one it does not know", async () => {
    const reply = replyOf((await s.command(mayaK.id, "fnd guitar")).json);
    expect(reply.response_type).toBe("ephemeral");
    expect(reply.text).toContain("/skillswap find");
  });

  it("finds people teaching a skill, then shows the next page when Next is clicked", async () => {
    for (let i = 1; i <= 6; i += 1)
      await s.member({ id: `U0TEACH00${i}`, name: `teacher${i}`, real_name: `Teacher ${i}` }, { Guitar: 4 });
    const found = await s.command(mayaK.id, "find guitar");
    // A slow command: acknowledged at once, answered through the response_url.
    expect(found.body).toBe("");
    const page1 = replyOf(await s.responses.firstTo(found.responseUrl));
    expect(shown(page1)).toContain("Teacher");
    expect(shown(page1)).toContain("Page 1");
    const next = buttonsOf(page1).find((b) => labelOf(b) === "Next");
    expect(next).toBeDefined();

    const clickUrl = s.responses.url();
    await s.interact({
      ...blockActions(
        { userId: mayaK.id, teamId: s.teamId },
        { actionId: next?.action_id ?? "", value: next?.value ?? "" },
      ),
      response_url: clickUrl,
    });
    const page2 = replyOf(await s.responses.firstTo(clickUrl));
    expect(page2.replace_original).toBe(true);
    expect(shown(page2)).toContain("Page 2");
    expect(buttonsOf(page2).map(labelOf)).toEqual(["Previous"]);
    expect(s.logged).toEqual([]);
  });

  it("accepts a swap from the button of the swap list, and the message says so without buttons", async () => {
    const leo = await s.member(leoR, { Spanish: 5 });
    const maya = await s.member(mayaK, { Guitar: 4 });
    await s.core.services.swaps.request(leo, { to: maya.handle, want: "Guitar", offer: "Spanish" });
    const list = replyOf((await s.command(mayaK.id, "swap list")).json);
    const accept = buttonsOf(list).find((b) => labelOf(b)?.startsWith("Accept") === true);
    expect(accept).toBeDefined();

    const clickUrl = s.responses.url();
    await s.interact({
      ...blockActions(
        { userId: mayaK.id, teamId: s.teamId },
        { actionId: accept?.action_id ?? "", value: accept?.value ?? "" },
      ),
      response_url: clickUrl,
    });
    const outcome = replyOf(await s.responses.firstTo(clickUrl));
    expect(outcome.replace_original).toBe(true);
    expect(outcome.text).toContain("@");
    expect(buttonsOf(outcome)).toEqual([]);
    const { swaps } = await s.core.services.swaps.list(maya, { limit: 5 });
    expect(swaps[0]?.status).toBe("accepted");
  });

  it("refuses members who are not workspace admins an admin command, in core's words", async () => {
    const general = s.slack.generalChannelId;
    const refused = replyOf((await s.command(mayaK.id, `admin swaps-channel <#${general}|general>`)).json);
    expect(refused.response_type).toBe("ephemeral");
    expect(refused.text).toBe("Only this community's admins can do that.");

    const allowed = replyOf((await s.command(anaG.id, `admin swaps-channel <#${general}|general>`)).json);
    expect(allowed.text).not.toContain("Only this community's admins");
    expect(s.logged).toEqual([]);
  });
});
