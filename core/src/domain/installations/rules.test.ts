import { describe, expect, it } from "vitest";
import { reasonAfter, slackMemberRole, slackTenantOf } from "./rules.js";

describe("which installation a Slack request belongs to", () => {
  it("is the workspace's, for an install in one workspace, inside an enterprise or not", () => {
    expect(slackTenantOf({ teamId: "T1" })).toBe("T1");
    expect(slackTenantOf({ teamId: "T1", enterpriseId: "E1", isEnterpriseInstall: false })).toBe("T1");
  });

  it("is the enterprise's, for an org-wide install, whichever of its workspaces asks", () => {
    expect(slackTenantOf({ teamId: "T1", enterpriseId: "E1", isEnterpriseInstall: true })).toBe("E1");
  });

  it("is none when the request names no workspace", () => {
    expect(slackTenantOf({ enterpriseId: "E1" })).toBeNull();
    expect(slackTenantOf({ teamId: "T1", isEnterpriseInstall: true })).toBeNull();
  });
});

describe("an installation stopping", () => {
  const working = { botUserId: "UBOT", deactivatedReason: null };

  it("stops when the app is removed or the bot's own token is revoked", () => {
    expect(reasonAfter(working, { reason: "uninstalled" })).toBe("uninstalled");
    expect(reasonAfter(working, { reason: "tokens_revoked", botUserIds: ["UBOT"] })).toBe("tokens_revoked");
  });

  it("keeps working when only people's tokens are revoked", () => {
    expect(reasonAfter(working, { reason: "tokens_revoked", botUserIds: ["UADA"] })).toBeNull();
  });

  it("records a removal after a revocation, and nothing for a repeat", () => {
    const revoked = { ...working, deactivatedReason: "tokens_revoked" };
    const removed = { ...working, deactivatedReason: "uninstalled" };
    expect(reasonAfter(revoked, { reason: "uninstalled" })).toBe("uninstalled");
    expect(reasonAfter(revoked, { reason: "tokens_revoked", botUserIds: ["UBOT"] })).toBeNull();
    expect(reasonAfter(removed, { reason: "tokens_revoked", botUserIds: ["UBOT"] })).toBeNull();
    expect(reasonAfter(removed, { reason: "uninstalled" })).toBeNull();
  });
});

describe("a workspace member's role in its community", () => {
  it("is admin for the workspace's admins and owners, member for everyone else", () => {
    expect(slackMemberRole({ isAdmin: true })).toBe("admin");
    expect(slackMemberRole({ isOwner: true })).toBe("admin");
    expect(slackMemberRole({ isAdmin: false, isOwner: false })).toBe("member");
    expect(slackMemberRole({})).toBe("member");
  });
});
