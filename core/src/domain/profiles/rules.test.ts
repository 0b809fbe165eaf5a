import { describe, expect, it } from "vitest";
import {
  canViewProfile,
  effectiveNotificationSettings,
  handleFromName,
  summarizeRatings,
  type VisibilityFacts,
} from "./rules.js";

const facts = (overrides: Partial<VisibilityFacts>): VisibilityFacts => ({
  viewerId: "viewer",
  ownerId: "owner",
  ownerVisibility: "public",
  ownerDeleted: false,
  blockedEitherWay: false,
  shareCommunity: false,
  ownerAgreedToSwapWithViewer: false,
  ...overrides,
});

describe("who can see a profile", () => {
  it("shows a public profile to everyone, signed in or not", () => {
    expect(canViewProfile(facts({}))).toBe(true);
    expect(canViewProfile(facts({ viewerId: null }))).toBe(true);
  });

  it("shows a communities profile only to people who share a community with its owner", () => {
    expect(canViewProfile(facts({ ownerVisibility: "communities", shareCommunity: true }))).toBe(true);
    expect(canViewProfile(facts({ ownerVisibility: "communities", shareCommunity: false }))).toBe(false);
    expect(canViewProfile(facts({ ownerVisibility: "communities", viewerId: null }))).toBe(false);
  });

  it("shows a communities profile to someone its owner asked for a swap or accepted one with", () => {
    const swappedWith = facts({ ownerVisibility: "communities", ownerAgreedToSwapWithViewer: true });
    expect(canViewProfile(swappedWith)).toBe(true);
    expect(canViewProfile({ ...swappedWith, shareCommunity: true })).toBe(true);
  });

  it("keeps a private profile from swap partners too", () => {
    expect(canViewProfile(facts({ ownerVisibility: "private", ownerAgreedToSwapWithViewer: true }))).toBe(false);
  });

  it("shows a public profile to everyone, swap or no swap", () => {
    expect(canViewProfile(facts({ ownerAgreedToSwapWithViewer: true }))).toBe(true);
  });

  it("does not show a communities profile to a signed-out visitor, whatever swaps its owner made", () => {
    expect(
      canViewProfile(facts({ ownerVisibility: "communities", viewerId: null, ownerAgreedToSwapWithViewer: true })),
    ).toBe(false);
  });

  it("shows a private profile to its owner only", () => {
    expect(canViewProfile(facts({ ownerVisibility: "private", shareCommunity: true }))).toBe(false);
    expect(canViewProfile(facts({ ownerVisibility: "private", viewerId: "owner" }))).toBe(true);
  });

  it("never shows blocked people to each other, whatever the visibility", () => {
    for (const ownerVisibility of ["public", "communities", "private"] as const) {
      expect(canViewProfile(facts({ ownerVisibility, blockedEitherWay: true, shareCommunity: true }))).toBe(false);
      expect(
        canViewProfile(facts({ ownerVisibility, blockedEitherWay: true, ownerAgreedToSwapWithViewer: true })),
      ).toBe(false);
    }
  });

  it("shows a deleted account to nobody", () => {
    expect(canViewProfile(facts({ ownerDeleted: true, viewerId: "owner" }))).toBe(false);
    expect(
      canViewProfile(facts({ ownerDeleted: true, ownerVisibility: "communities", ownerAgreedToSwapWithViewer: true })),
    ).toBe(false);
  });
});

describe("rating summaries", () => {
  it("has no average before the first review, and the prior as its weighted rating", () => {
    expect(summarizeRatings([])).toEqual({ count: 0, average: null, bayesian: 4 });
  });

  it("pulls a few perfect reviews towards the prior so they do not outrank many good ones", () => {
    const two = summarizeRatings([5, 5]);
    const many = summarizeRatings(Array.from({ length: 40 }, () => 4.8));
    expect(two.average).toBe(5);
    expect(two.bayesian).toBe(4.4);
    expect(many.bayesian).toBeGreaterThan(two.bayesian);
  });
});

describe("handles made from names", () => {
  it("folds accents and punctuation into a lower-case handle", () => {
    expect(handleFromName("Ana María!")).toBe("ana-maria");
  });

  it("pads names too short to be a handle and avoids reserved words", () => {
    expect(handleFromName("Al")).toMatch(/^user-al/);
    expect(handleFromName("admin")).toMatch(/^user-admin/);
  });
});

describe("notification preferences", () => {
  it("delivers everything on the platform and the dashboard by default, and email only when asked", () => {
    const settings = effectiveNotificationSettings([{ kind: "review", channel: "email", enabled: true }]);
    expect(settings.find((s) => s.kind === "message" && s.channel === "platform")?.enabled).toBe(true);
    expect(settings.find((s) => s.kind === "message" && s.channel === "email")?.enabled).toBe(false);
    expect(settings.find((s) => s.kind === "review" && s.channel === "email")?.enabled).toBe(true);
    expect(settings).toHaveLength(18);
  });
});
