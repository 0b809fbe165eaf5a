import { LOGIN_LINK_TTL_MS } from "@skillswap/core";
import { ButtonStyle } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  buttonsOf,
  ephemeralFlag,
  maya,
  personOf,
  startScenario,
  type Scenario,
} from "../../testing/discord-scenario.js";

let scenario: Scenario;
beforeEach(async () => {
  scenario = await startScenario();
});
afterEach(() => scenario.stop());

describe("/skillswap login", () => {
  it("gives only the person a one-time dashboard link that logs them in once, within 15 minutes", async () => {
    const { core, discord } = scenario;
    const reply = await discord.exchange({ user: maya, command: "skillswap login" }).settled();

    expect(reply.flags).toBe(ephemeralFlag);
    expect(reply.content).toContain("valid 15 minutes, and it works once");
    const [link] = buttonsOf(reply);
    expect(link).toMatchObject({ style: ButtonStyle.Link, label: "Open the dashboard" });
    const url = new URL(link !== undefined && "url" in link ? link.url : "");
    expect(`${url.origin}${url.pathname}`).toBe(`${core.config.PUBLIC_URL.replace(/\/$/, "")}/login/link`);
    const token = url.searchParams.get("token") ?? "";

    expect(await core.services.accounts.redeemLoginLink(token)).toMatchObject(await personOf(scenario, maya));
    await expect(core.services.accounts.redeemLoginLink(token)).rejects.toMatchObject({
      code: "ACCOUNT.LOGIN_LINK_INVALID",
    });
  });

  it("issues a link that expires after 15 minutes", async () => {
    const { core, discord } = scenario;
    const reply = await discord.exchange({ user: maya, command: "skillswap login" }).settled();
    const [link] = buttonsOf(reply);
    const token = new URL(link !== undefined && "url" in link ? link.url : "").searchParams.get("token") ?? "";

    core.clock.advance(LOGIN_LINK_TTL_MS + 1);
    await expect(core.services.accounts.redeemLoginLink(token)).rejects.toMatchObject({
      code: "ACCOUNT.LOGIN_LINK_INVALID",
    });
  });
});
