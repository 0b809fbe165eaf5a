import type { Tx } from "../infra/prisma/database.js";
import { categoryIdFor } from "../domain/skills/catalog.js";
import { pick, type Random } from "./random.js";

export const demoCommunities = [
  { id: "demo-community-discord", platform: "discord", externalId: "900000000000000001", name: "Makers & Learners" },
  { id: "demo-community-slack", platform: "slack", externalId: "TDEMO0001", name: "Remote Skills Club" },
] as const;

export type DemoCommunity = (typeof demoCommunities)[number];

/** What the social seeding needs to know about a demo person. */
export interface DemoMember {
  readonly id: string;
  readonly community: DemoCommunity;
  readonly joinedAt: Date;
}

// [slug, name, description, category slug, community index or null for a group open to everyone]
const groups = [
  ["guitar-circle", "Guitar circle", "Strummers of every level swapping songs and technique.", "music", 0],
  ["language-exchange", "Language exchange", "Tandem partners for every language under the sun.", "languages", 1],
  ["web-devs", "Web developers", "JavaScript, TypeScript and everything that runs in a browser.", "programming", null],
  ["home-cooks", "Home cooks", "Recipes, techniques and the occasional kitchen disaster.", "cooking-food", 1],
  ["sketch-club", "Sketch club", "Weekly prompts and feedback for drawing and painting.", "visual-arts", 0],
  ["runners", "Weekend runners", "Training plans and Saturday long runs.", "fitness-sports", null],
  ["data-nerds", "Data nerds", "SQL, spreadsheets, statistics and machine learning.", "data-ai", 0],
  ["makers", "Makers", "Woodworking, electronics, 3D printing and repair.", "crafts", 1],
] as const;

const adminsPerCommunity = 2;
const typicalGroupSize = 30;
export const demoFollows = 600;

/** Both demo communities, everyone a member of theirs; the first people to join each run it. */
export async function seedCommunities(tx: Tx, people: readonly DemoMember[]): Promise<void> {
  await tx.community.createMany({ data: demoCommunities.map((c) => ({ ...c })) });
  const seen = new Map<string, number>();
  await tx.communityMember.createMany({
    data: people.map((p) => {
      const rank = seen.get(p.community.id) ?? 0;
      seen.set(p.community.id, rank + 1);
      const role = rank < adminsPerCommunity ? "admin" : "member";
      return { communityId: p.community.id, userId: p.id, role, joinedAt: p.joinedAt };
    }),
  });
}

/** Groups whose members belong to the group's community (anyone for open groups): one owner, a few moderators. */
export async function seedGroups(tx: Tx, random: Random, people: readonly DemoMember[]): Promise<void> {
  const members: { groupId: string; userId: string; role: string }[] = [];
  const rows = groups.map(([slug, name, description, category, community], g) => {
    const communityId = community === null ? null : demoCommunities[community].id;
    const pool = communityId === null ? people : people.filter((p) => p.community.id === communityId);
    // Spread owners over the pool so no one person owns every group.
    const owner = pool[(g * 7) % pool.length];
    const id = `demo-group-${slug}`;
    for (const person of pool) {
      const role = person === owner ? "owner" : random() < 0.08 ? "moderator" : "member";
      if (person === owner || random() < typicalGroupSize / pool.length)
        members.push({ groupId: id, userId: person.id, role });
    }
    return {
      id,
      slug,
      name,
      description,
      categoryId: categoryIdFor(category),
      communityId,
      createdById: owner?.id ?? null,
    };
  });
  await tx.group.createMany({ data: rows });
  await tx.groupMember.createMany({ data: members });
}

/** Random follows between demo people, never oneself, never twice. */
export async function seedFollows(tx: Tx, random: Random, people: readonly DemoMember[]): Promise<void> {
  const follows = new Map<string, { followerId: string; followeeId: string }>();
  while (follows.size < demoFollows) {
    const follower = pick(random, people);
    const followee = pick(random, people);
    if (follower.id !== followee.id) {
      follows.set(`${follower.id}>${followee.id}`, { followerId: follower.id, followeeId: followee.id });
    }
  }
  await tx.follow.createMany({ data: [...follows.values()] });
}
