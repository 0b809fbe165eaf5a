import { describe, expect, it } from "vitest";
import { canSignInWithout } from "./sign-in-ways.js";

describe("whether a person could still sign in after unlinking an account", () => {
  it("lets anything go while a password signs them in, except email, which takes the password with it", () => {
    const facts = { hasPassword: true, providers: ["email", "discord"] };
    expect(canSignInWithout(facts, "discord")).toBe(true);
    expect(canSignInWithout(facts, "email")).toBe(true);
    expect(canSignInWithout({ hasPassword: true, providers: ["email"] }, "email")).toBe(false);
  });

  it("counts Discord and Google sign-in, not Slack's login link", () => {
    expect(canSignInWithout({ hasPassword: false, providers: ["discord", "google"] }, "discord")).toBe(true);
    expect(canSignInWithout({ hasPassword: false, providers: ["discord", "slack"] }, "discord")).toBe(false);
    expect(canSignInWithout({ hasPassword: false, providers: ["discord", "slack"] }, "slack")).toBe(true);
  });
});
