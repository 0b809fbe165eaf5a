import * as z from "zod/mini";
import { call } from "./client.js";
import { personProfile } from "./people-profiles.js";

/**
 * What a feed item's ids stand for, for the people who read it: the followed person's name and skill names
 * come from their profile, a group's name from the group. The feed itself names neither.
 */
export interface FeedPerson {
  readonly displayName: string;
  /** Skill names by catalog id, as the person's profile lists them. */
  readonly skills: ReadonlyMap<string, string>;
}

export async function feedPerson(handle: string): Promise<FeedPerson> {
  const profile = await personProfile(handle);
  return {
    displayName: profile.displayName,
    skills: new Map(profile.skills.map((skill) => [skill.skillId, skill.name])),
  };
}

const groupName = z.object({ name: z.string() });

export const feedGroupName = async (id: string) =>
  (await call("GET", `/groups/${encodeURIComponent(id)}`, groupName)).name;
