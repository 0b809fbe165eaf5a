import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isSignedBySlack, SLACK_REQUEST_WINDOW_MS, slackSignatureOf } from "./request-signature.js";

const secret = "8f742231b10e8888abcd99yyyzzz85a5";
const now = new Date("2026-12-07T18:00:00Z");
const seconds = (offsetMs: number) => String(Math.floor((now.getTime() + offsetMs) / 1000));
const body = Buffer.from("command=%2Fskillswap&text=help&user_id=U0123&team_id=T0123");

function signed(overrides: { timestamp?: string; signature?: string; rawBody?: Buffer; by?: string } = {}) {
  const timestamp = overrides.timestamp ?? seconds(0);
  return {
    signingSecret: secret,
    rawBody: overrides.rawBody ?? body,
    timestamp,
    signature: overrides.signature ?? slackSignatureOf(overrides.by ?? secret, timestamp, body),
  };
}

describe("telling a request Slack signed from one it did not", () => {
  it("signs as Slack documents: v0 and the hex HMAC-SHA256 of v0:<timestamp>:<body>", () => {
    const expected = createHmac("sha256", secret).update(`v0:1531420618:${body.toString()}`).digest("hex");
    expect(slackSignatureOf(secret, "1531420618", body)).toBe(`v0=${expected}`);
  });

  it("accepts the bytes Slack signed with the app's signing secret", () => {
    expect(isSignedBySlack(signed(), now)).toBe(true);
  });

  it("refuses a request signed with another secret, or a body changed after signing", () => {
    expect(isSignedBySlack(signed({ by: "another-secret" }), now)).toBe(false);
    expect(isSignedBySlack(signed({ rawBody: Buffer.from(`${body.toString()}&text=admin`) }), now)).toBe(false);
  });

  it("refuses a missing, malformed or unknown-version signature", () => {
    const good = slackSignatureOf(secret, seconds(0), body);
    for (const signature of ["", "v0=", "v0=zz", good.replace("v0=", "v1="), good.toUpperCase(), `${good}00`]) {
      expect(isSignedBySlack(signed({ signature }), now), signature).toBe(false);
    }
    expect(isSignedBySlack({ ...signed(), signature: undefined }, now)).toBe(false);
  });

  it("refuses a correctly signed request made more than five minutes away from our clock, either way", () => {
    const window = SLACK_REQUEST_WINDOW_MS;
    for (const timestamp of [seconds(-window - 1000), seconds(window + 1000), "yesterday", "1.7e9", "-60", ""]) {
      expect(isSignedBySlack(signed({ timestamp }), now), timestamp).toBe(false);
    }
  });

  it("accepts a request signed up to five minutes before or after our clock, as clocks drift", () => {
    const window = SLACK_REQUEST_WINDOW_MS;
    expect(isSignedBySlack(signed({ timestamp: seconds(-window + 1000) }), now)).toBe(true);
    expect(isSignedBySlack(signed({ timestamp: seconds(window - 1000) }), now)).toBe(true);
  });
});
