import { SkillLevels } from "../domain/matching/skill-levels.js";
import { SkillSettings } from "../domain/matching/skill-settings.js";
import type { MatchProfile } from "../domain/matching/types.js";

/** What tests may set on a profile: skills as plain Maps, or as profiles hold them. */
export type MatchProfileOverrides = Partial<
  Omit<MatchProfile, "teaches" | "learns"> & {
    teaches: ReadonlyMap<string, number> | SkillLevels;
    learns: ReadonlyMap<string, number> | SkillLevels;
  }
>;

const levels = (skills: ReadonlyMap<string, number> | SkillLevels | undefined) =>
  skills === undefined ? SkillLevels.none : skills instanceof SkillLevels ? skills : SkillLevels.of(skills);

/** A match profile for pure matching tests: public, online, flexible, unrated, active at `lastActiveAt`. */
export function matchProfile(handle: string, overrides: MatchProfileOverrides = {}): MatchProfile {
  return {
    userId: handle,
    handle,
    displayName: handle.charAt(0).toUpperCase() + handle.slice(1),
    weekUtc: [],
    mode: "online",
    location: null,
    maxDistanceKm: 50,
    ratingCount: 0,
    ratingSum: 0,
    lastActiveAt: new Date("2026-11-25T10:00:00Z"),
    skillSettings: SkillSettings.none,
    visibility: "public",
    communities: [],
    ...overrides,
    teaches: levels(overrides.teaches),
    learns: levels(overrides.learns),
  };
}
