import type { Direction } from "../skills/types.js";
import { skillNumber } from "./skill-ids.js";
import type { MeetingMode, UtcInterval } from "./types.js";

/** What a person set on one of their skills, overriding their profile-wide mode or weekly slots. */
export interface SkillSetting {
  readonly skillId: string;
  readonly direction: Direction;
  /** null: the profile's meeting mode applies. */
  readonly mode: MeetingMode | null;
  /** null: the profile's weekly slots apply. In UTC, as MatchProfile.weekUtc. */
  readonly weekUtc: readonly UtcInterval[] | null;
}

interface Entry {
  readonly key: number;
  readonly mode: MeetingMode | null;
  readonly weekUtc: readonly UtcInterval[] | null;
}

const keyOf = (direction: Direction, skill: number) => skill * 2 + (direction === "teach" ? 0 : 1);

/**
 * A person's per-skill meeting modes and weekly slots, where they set any. Most people set none, so they all
 * share `SkillSettings.none` and the index pays nothing for them; the rest hold a short array looked up by
 * skill number, like SkillLevels.
 */
export class SkillSettings {
  static readonly none = new SkillSettings([]);

  private constructor(private readonly entries: readonly Entry[]) {}

  /** Settings that override nothing (both null) are left out. */
  static of(settings: Iterable<SkillSetting>): SkillSettings {
    const entries: Entry[] = [];
    for (const s of settings)
      if (s.mode !== null || s.weekUtc !== null)
        entries.push({ key: keyOf(s.direction, skillNumber(s.skillId)), mode: s.mode, weekUtc: s.weekUtc });
    return entries.length === 0 ? SkillSettings.none : new SkillSettings(entries);
  }

  get isEmpty(): boolean {
    return this.entries.length === 0;
  }

  /** The mode set on this skill (by skill number), or undefined when the profile's applies. */
  modeOf(direction: Direction, skill: number): MeetingMode | undefined {
    if (this.entries.length === 0) return undefined;
    return this.find(direction, skill)?.mode ?? undefined;
  }

  /** The weekly slots set on this skill, or undefined when the profile's apply. */
  weekOf(direction: Direction, skill: number): readonly UtcInterval[] | undefined {
    if (this.entries.length === 0) return undefined;
    return this.find(direction, skill)?.weekUtc ?? undefined;
  }

  private find(direction: Direction, skill: number): Entry | undefined {
    const key = keyOf(direction, skill);
    return this.entries.find((e) => e.key === key);
  }
}
