import { createOutboxDispatcher } from "@skillswap/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SlackView } from "../../testing/local-slack.js";
import { eventCallback } from "../../testing/local-slack/signed-requests.js";
import { blockActions } from "../../testing/local-slack/slack-payloads.js";
import {
  anaG,
  leoR,
  mayaK,
  startSlackChatScenario,
  type SlackChatScenario,
} from "../../testing/slack-chat-scenario.js";
import { singleClient } from "../slack-clients.js";
import { slackWebClient } from "../slack-web-client.js";
import { homeRefreshHandler } from "./home-refresh.js";

interface Element {
  readonly text?: { readonly text: string } | string;
  readonly action_id?: string;
  readonly value?: string;
}
interface Block {
  readonly type: string;
  readonly text?: { readonly text: string };
  readonly fields?: readonly { readonly text: string }[];
  readonly elements?: readonly Element[];
}

const isBlock = (value: unknown): value is Block => typeof value === "object" && value !== null && "type" in value;
const blocksOf = (view: SlackView): Block[] => view.blocks.filter(isBlock);
const labelOf = (element: Element) => (typeof element.text === "string" ? element.text : (element.text?.text ?? ""));

/** Everything a person reads on their Home: headers, sections, fields, footers and button labels. */
const shown = (view: SlackView): string =>
  blocksOf(view)
    .flatMap((b) => [b.text?.text ?? "", ...(b.fields ?? []).map((f) => f.text), ...(b.elements ?? []).map(labelOf)])
    .join("\n");

const buttonsOf = (view: SlackView): Element[] =>
  blocksOf(view)
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements ?? []);

const buttonLabelled = (view: SlackView, label: string): Element => {
  const button = buttonsOf(view).find((b) => labelOf(b) === label);
  if (button === undefined) throw new Error(`no "${label}" button on the Home:\n${shown(view)}`);
  return button;
};

let events = 0;
const homeOpened = (s: SlackChatScenario, userId: string) => {
  const event = { type: "app_home_opened", user: userId, channel: `D0${userId}`, tab: "home", event_ts: "1.000" };
  return s.send(eventCallback(event, { eventId: `Ev0HOME${(events += 1)}`, teamId: s.teamId }));
};

describe("the Slack App Home", () => {
  let s: SlackChatScenario;
  beforeEach(async () => {
    s = await startSlackChatScenario();
  });
  afterEach(async () => {
    await s.stop();
  });

  /** Waits until the person's Home shows `text`, and returns it. */
  async function homeShowing(userId: string, text: string): Promise<SlackView> {
    return vi.waitFor(
      () => {
        const home = s.slack.homeOf(userId);
        if (home === undefined || !shown(home).includes(text)) throw new Error(`the Home does not show "${text}" yet`);
        return home;
      },
      { timeout: 5000, interval: 20 },
    );
  }

  /**
   * Maya teaches Guitar and wants Spanish and French. She swaps Guitar for Leo's Spanish and has a session
   * planned with him; Ana asks her for Guitar against Chess; Bea, who teaches French, is someone to ask.
   */
  async function mayasWorld() {
    const maya = await s.member(mayaK, { Guitar: 4 });
    const leo = await s.member(leoR, { Spanish: 4 });
    const ana = await s.member(anaG, { Chess: 4 });
    const bea = await s.member({ id: "U0BEA00001", name: "bea.m", real_name: "Bea" }, { French: 5 });
    const { skills, swaps, sessions } = s.core.services;
    await skills.add(maya, { skill: "Spanish", direction: "learn", level: 2 });
    await skills.add(maya, { skill: "French", direction: "learn", level: 2 });
    await skills.add(leo, { skill: "Guitar", direction: "learn", level: 2 });
    await skills.add(bea, { skill: "Guitar", direction: "learn", level: 2 });
    const withLeo = await swaps.request(maya, { to: leo.handle, want: "Spanish", offer: "Guitar" });
    await swaps.accept(leo, withLeo.id);
    const inThreeDays = new Date(s.core.clock.now().getTime() + 3 * 24 * 60 * 60_000).toISOString();
    await sessions.schedule(maya, withLeo.id, { startsAt: inThreeDays, mode: "online", skill: "Spanish" });
    const fromAna = await swaps.request(ana, { to: maya.handle, want: "Guitar", offer: "Chess" });
    return { maya, leo, ana, bea, fromAna };
  }

  it("shows the person's profile, skills, best match, requests and next session when they open it", async () => {
    const { maya, leo, ana } = await mayasWorld();
    await homeOpened(s, mayaK.id);

    const home = await homeShowing(mayaK.id, "Upcoming sessions");
    const text = shown(home);
    expect(text).toContain(`Maya (@${maya.handle})`);
    expect(text).toMatch(/Guitar.*4/u);
    expect(text).toMatch(/Spanish.*2/u);
    expect(text).toContain("Bea");
    expect(text).toMatch(/teaches you French/u);
    expect(buttonLabelled(home, "Request swap with Bea").action_id).toMatch(/match\.ask/u);
    expect(text).toContain(`with @${ana.handle}: Guitar ↔ Chess (pending)`);
    expect(labelOf(buttonLabelled(home, "Accept #1"))).toBe("Accept #1");
    expect(labelOf(buttonLabelled(home, "Decline #1"))).toBe("Decline #1");
    expect(text).toMatch(new RegExp(`Spanish · 2026-11-28 10:00 with @${leo.handle}`, "u"));
    expect(text).toContain("Times on your clock (UTC).");
    expect(buttonsOf(home).map(labelOf)).toEqual(expect.arrayContaining(["Edit profile", "Add a skill"]));
    expect(s.logged).toEqual([]);
  });

  it("accepts a request clicked on the Home, tells the person so and shows the swap as accepted", async () => {
    const { ana, fromAna } = await mayasWorld();
    await homeOpened(s, mayaK.id);
    const home = await homeShowing(mayaK.id, "(pending)");
    const accept = buttonLabelled(home, "Accept #1");

    await s.interact({
      ...blockActions(
        { userId: mayaK.id, teamId: s.teamId },
        { actionId: accept.action_id ?? "", value: accept.value ?? "", triggerId: s.slack.issueTriggerId(mayaK.id) },
      ),
      container: { type: "view", view_id: home.id },
      view: home,
      channel: undefined,
      message: undefined,
      response_url: undefined,
    });

    const updated = await homeShowing(mayaK.id, `with @${ana.handle}: Guitar ↔ Chess (accepted)`);
    expect(buttonsOf(updated).map(labelOf)).not.toContain("Accept #1");
    expect((await s.core.services.swaps.get(ana, fromAna.id)).status).toBe("accepted");
    const told = await s.slack.waitForCall("chat.postMessage", (call) => call.args.channel === mayaK.id);
    expect(String(told.args.text)).toContain("You accepted the swap");
    expect(s.logged).toEqual([]);
  });

  /** What the worker does: every change so far reaches the Homes through the refresh handler. */
  async function deliverChanges(): Promise<void> {
    const client = slackWebClient(s.slack.team.botToken ?? "", s.slack.apiUrl);
    const refresh = homeRefreshHandler({
      core: s.core,
      clients: singleClient(client),
      logger: { error: (line) => s.logged.push(line) },
    });
    const outbox = createOutboxDispatcher(s.core.deps, { handlers: [refresh] });
    while ((await outbox.runOnce()).fetched > 0);
  }

  it("lists a skill added with /skillswap skills add once the change reaches the Home", async () => {
    await s.member(mayaK, { Guitar: 4 });
    await homeOpened(s, mayaK.id);
    await homeShowing(mayaK.id, "Guitar");

    await s.command(mayaK.id, "skills add piano teach 3");
    await deliverChanges();

    expect(shown(await homeShowing(mayaK.id, "Piano"))).toMatch(/Piano.*3/u);
    expect(s.logged).toEqual([]);
  });

  it("takes a declined request off the Home of the person who asked, not only of the one who declined", async () => {
    const maya = await s.member(mayaK, { Guitar: 4 });
    const ana = await s.member(anaG, { Chess: 4 });
    const asked = await s.core.services.swaps.request(ana, { to: maya.handle, want: "Guitar", offer: "Chess" });
    await deliverChanges();
    await homeShowing(anaG.id, "(pending)");

    await s.core.services.swaps.decline(maya, asked.id);
    await deliverChanges();

    expect(shown(await homeShowing(anaG.id, "You have no swaps yet."))).not.toContain("(pending)");
    expect(shown(await homeShowing(mayaK.id, "You have no swaps yet."))).not.toContain("(pending)");
    expect(s.logged).toEqual([]);
  });

  it("welcomes someone new with an empty Home and the buttons that open the forms to start", async () => {
    await homeOpened(s, leoR.id);

    const home = await homeShowing(leoR.id, "Welcome!");
    const text = shown(home);
    expect(buttonsOf(home).map(labelOf)).toEqual(
      expect.arrayContaining(["Edit profile", "Add a skill", "Set availability"]),
    );
    expect(text).toContain("No partner to swap with yet.");
    expect(text).toContain("You have no swaps yet.");
    expect(text).toContain("No session planned yet.");

    await s.interact(
      blockActions(
        { userId: leoR.id, teamId: s.teamId },
        { actionId: buttonLabelled(home, "Add a skill").action_id ?? "", triggerId: s.slack.issueTriggerId(leoR.id) },
      ),
    );
    const [form] = await vi.waitFor(() => {
      const open = s.slack.modalsOf(leoR.id);
      if (open.length === 0) throw new Error("no form open yet");
      return open;
    });
    expect(form?.callback_id).toBe("skillswap.command:skills add");
    s.slack.closeModals(leoR.id);

    await s.interact(
      blockActions(
        { userId: leoR.id, teamId: s.teamId },
        { actionId: buttonLabelled(home, "Edit profile").action_id ?? "", triggerId: s.slack.issueTriggerId(leoR.id) },
      ),
    );
    const [profileForm] = await vi.waitFor(() => {
      const open = s.slack.modalsOf(leoR.id);
      if (open.length === 0) throw new Error("no form open yet");
      return open;
    });
    expect(profileForm?.callback_id).toBe("skillswap.form");
    expect(s.logged).toEqual([]);
  });
});
