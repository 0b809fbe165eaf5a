export const directions = ["teach", "learn"] as const;
export type Direction = (typeof directions)[number];

export const levelNames = ["beginner", "novice", "intermediate", "advanced", "expert"] as const;

/** A weekly slot in the owner's time zone: minutes after local midnight, end exclusive. */
export interface WeeklySlot {
  readonly weekday: number;
  readonly startMinute: number;
  readonly endMinute: number;
}

export interface CatalogEntry {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly category: string;
  readonly status: "approved" | "pending" | "rejected";
}

export interface UserSkillView {
  readonly id: string;
  readonly skill: CatalogEntry;
  readonly direction: Direction;
  readonly level: number;
  readonly notes: string;
  readonly mode: "online" | "in_person" | "either" | null;
  /** Present when this skill has its own weekly slots instead of the person's general availability. */
  readonly availability: readonly WeeklySlot[] | null;
}

/** A person's general weekly availability, in their profile's time zone, and how they meet. */
export interface AvailabilityView {
  readonly slots: readonly WeeklySlot[];
  readonly meetingMode: "online" | "in_person" | "either";
  /** The IANA zone the slots are read in. */
  readonly timeZone: string;
}

export const maxSkillsPerUser = 30;
