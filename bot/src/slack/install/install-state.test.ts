import { describe, expect, it } from "vitest";
import { checkInstallState, INSTALL_STATE_LIFETIME_MS, issueInstallState } from "./install-state.js";

const secret = "the-state-secret-of-this-server-0123456789";
const at = new Date("2026-12-07T10:00:00Z");
const later = (ms: number) => new Date(at.getTime() + ms);

describe("the state an install leaves for Slack with", () => {
  it("comes back good in the browser that started the install, within ten minutes", () => {
    const { state, nonce, id } = issueInstallState(secret, at);
    expect(checkInstallState(secret, state, nonce, later(INSTALL_STATE_LIFETIME_MS - 1000))).toEqual({ ok: true, id });
  });

  it("is refused in another browser, whose cookie holds another nonce or none", () => {
    const { state } = issueInstallState(secret, at);
    const other = issueInstallState(secret, at);
    expect(checkInstallState(secret, state, other.nonce, at)).toEqual({ ok: false, reason: "forged" });
    expect(checkInstallState(secret, state, undefined, at)).toEqual({ ok: false, reason: "missing" });
  });

  it("is refused when altered, or signed by another server", () => {
    const { state, nonce } = issueInstallState(secret, at);
    const [issuedAt, id, mac] = state.split(".");
    const earlier = `${Number(issuedAt) + 60}.${id}.${mac}`;
    expect(checkInstallState(secret, earlier, nonce, at)).toEqual({ ok: false, reason: "forged" });
    const elsewhere = issueInstallState("another-server-secret-0123456789abcdef", at);
    expect(checkInstallState(secret, elsewhere.state, elsewhere.nonce, at)).toEqual({ ok: false, reason: "forged" });
    expect(checkInstallState(secret, "garbage", nonce, at)).toEqual({ ok: false, reason: "forged" });
  });

  it("expires ten minutes after it was issued", () => {
    const { state, nonce } = issueInstallState(secret, at);
    expect(checkInstallState(secret, state, nonce, later(INSTALL_STATE_LIFETIME_MS + 1000))).toEqual({
      ok: false,
      reason: "expired",
    });
  });
});
