import type { MatchProfile } from "../domain/matching/types.js";

/** A match profile for pure matching tests: online, flexible, unrated, active at `lastActiveAt`. */
export function matchProfile(handle: string, overrides: Partial<MatchProfile> = {}): MatchProfile {
  return {
    userId: handle,
    handle,
    displayName: handle.charAt(0).toUpperCase() + handle.slice(1),
    teaches: new Map(),
    learns: new Map(),
    weekUtc: [],
    mode: "online",
    location: null,
    maxDistanceKm: 50,
    ratingCount: 0,
    ratingSum: 0,
    lastActiveAt: new Date("2026-11-25T10:00:00Z"),
    ...overrides,
  };
}
