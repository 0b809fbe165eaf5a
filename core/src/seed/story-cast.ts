import type { Tx } from "../infra/prisma/database.js";
import { demoCommunities } from "./demo-social.js";
import { peopleToTry, type TryMember } from "./people-to-try.js";
import type { StoryNames, StoryPerson } from "./story-notifications.js";
import type { CrowdKey } from "./story-rows.js";

export const [home, other] = demoCommunities;

/**
 * The crowd's parts in the story, taken from the generated people in a fixed order, so the same people play
 * them every time: two members of the guitar circle (one of them posts spam) and a web developer, all of them
 * members of Makers & Learners whose profiles others may see.
 */
export async function castCrowd(tx: Tx): Promise<Map<CrowdKey, string>> {
  const crowdIn = async (group: string) =>
    (
      await tx.groupMember.findMany({
        where: {
          groupId: `demo-group-${group}`,
          user: { visibility: { not: "private" }, memberships: { some: { communityId: home.id } } },
        },
        orderBy: { userId: "asc" },
        select: { userId: true },
        take: 2,
      })
    ).map((m) => m.userId);
  const [heckler, guitarist] = await crowdIn("guitar-circle");
  const [coder] = await crowdIn("web-devs");
  if (heckler === undefined || guitarist === undefined || coder === undefined)
    throw new Error("The demo crowd has nobody to cast in the story.");
  return new Map([
    ["heckler", heckler],
    ["guitarist", guitarist],
    ["coder", coder],
  ]);
}

/** What the sentences of the notifications name: people, skills and groups, by id. */
export async function namesFor(tx: Tx, ids: readonly string[]): Promise<StoryNames> {
  const [people, skills, groups] = await Promise.all([
    tx.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, displayName: true, timeZone: true } }),
    tx.skill.findMany({ where: { id: { startsWith: "skill:" } }, select: { id: true, name: true } }),
    tx.group.findMany({ where: { id: { startsWith: "demo-group-" } }, select: { id: true, name: true } }),
  ]);
  return {
    people: new Map<string, StoryPerson>(people.map((p) => [p.id, p])),
    skills: new Map(skills.map((s) => [s.id, s.name])),
    groups: new Map(groups.map((g) => [g.id, g.name])),
  };
}

/**
 * Théo also belongs to Remote Skills Club and linked his Slack account there, so what he says on Slack is his;
 * María was made an admin of Makers & Learners, so the admin page has someone to try it as.
 */
export async function writeRoles(tx: Tx, members: readonly TryMember[]): Promise<void> {
  const theo = members.find((m) => m.id === peopleToTry[1].id);
  if (theo !== undefined) {
    const joinedAt = new Date(theo.joinedAt.getTime() + 30 * 86_400_000);
    await tx.identity.create({
      data: {
        id: `${theo.id}-identity-slack`,
        userId: theo.id,
        provider: "slack",
        tenantId: other.externalId,
        subject: `UDEMO${String(theo.index).padStart(5, "0")}`,
        username: theo.handle,
        createdAt: joinedAt,
      },
    });
    await tx.communityMember.create({ data: { communityId: other.id, userId: theo.id, role: "member", joinedAt } });
  }
  await tx.communityMember.update({
    where: { communityId_userId: { communityId: home.id, userId: peopleToTry[0].id } },
    data: { role: "admin" },
  });
}
