import type { Core } from "../app.js";
import type { Actor } from "../domain/shared/actor.js";
import { newPerson } from "./people.js";

/** A person of a hand-written fixture: what they teach and want, where, when and how they meet. */
export interface PersonSpec {
  readonly name?: string;
  readonly bio?: string;
  readonly teach?: Readonly<Record<string, number>>;
  readonly learn?: Readonly<Record<string, number>>;
  readonly city?: string;
  readonly mode?: "online" | "in_person" | "either";
  readonly visibility?: "public" | "communities" | "private";
  readonly maxDistanceKm?: number;
  readonly slots?: Slots;
  readonly timeZone?: string;
  /** A skill's own meeting mode or weekly slots (by skill name, for whichever way it is listed). */
  readonly own?: Readonly<
    Record<string, { readonly mode?: "online" | "in_person" | "either"; readonly slots?: Slots }>
  >;
}

type Slots = ReadonlyArray<{ day: string; start: string; end: string }>;

/**
 * Creates a fixture's people through the use cases, the way they would arrive and fill in their profiles;
 * returns them by fixture key. Unset fields take `defaults`, then: public, meets either way.
 */
export async function seedPeople(
  core: Core,
  fixture: Readonly<Record<string, PersonSpec>>,
  defaults: PersonSpec = {},
): Promise<Map<string, Actor & { handle: string }>> {
  const people = new Map<string, Actor & { handle: string }>();
  for (const [key, given] of Object.entries(fixture)) {
    const spec: PersonSpec = { ...defaults, ...given };
    const person = await newPerson(core, key);
    people.set(key, person);
    await core.services.profiles.update(person, {
      ...(spec.name === undefined ? {} : { displayName: spec.name }),
      ...(spec.bio === undefined ? {} : { bio: spec.bio }),
      visibility: spec.visibility ?? "public",
      meetingMode: spec.mode ?? "either",
      ...(spec.maxDistanceKm === undefined ? {} : { maxDistanceKm: spec.maxDistanceKm }),
      ...(spec.city === undefined ? {} : { location: spec.city }),
      ...(spec.timeZone === undefined ? {} : { timeZone: spec.timeZone }),
    });
    const ownSettings = (skill: string) => {
      const setting = spec.own?.[skill];
      return {
        ...(setting?.mode === undefined ? {} : { mode: setting.mode }),
        ...(setting?.slots === undefined ? {} : { availability: [...setting.slots] }),
      };
    };
    for (const [skill, level] of Object.entries(spec.teach ?? {}))
      await core.services.skills.add(person, { skill, direction: "teach", level, ...ownSettings(skill) });
    for (const [skill, level] of Object.entries(spec.learn ?? {}))
      await core.services.skills.add(person, { skill, direction: "learn", level, ...ownSettings(skill) });
    if (spec.slots !== undefined) await core.services.skills.setAvailability(person, { slots: [...spec.slots] });
  }
  return people;
}
