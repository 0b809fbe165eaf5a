import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleField } from "../domain/shared/fields.js";
import { catalogSkills } from "../domain/skills/catalog-data.js";
import { skillIdFor } from "../domain/skills/catalog.js";
import { outboxStatus } from "../domain/outbox/status.js";
import { createTestCore, testProviders, type TestCore } from "../testing/index.js";
import { seedDemo } from "./demo.js";
import { demoHandlesToTry, peopleToTry } from "./people-to-try.js";

const demo = { id: { startsWith: "demo-user-" } };
const tryHandles = ["maria-lopez", "theo-martin", "sam-okafor"];
const toTry = new Set<string>(peopleToTry.map((p) => p.id));
const skillNames = new Map(catalogSkills.map((s) => [skillIdFor(s.slug), s.name]));

for (const provider of testProviders()) {
  describe(`demo data on ${provider}`, () => {
    let core: TestCore;
    beforeAll(async () => {
      core = await createTestCore(provider);
    });
    afterAll(() => core.close());

    it("creates at least 200 people in at least 20 cities and several time zones", async () => {
      expect(await seedDemo(core)).toEqual({ created: true, users: 243, tryHandles });
      const people = await core.database.db.user.findMany({
        where: demo,
        select: { locationId: true, timeZone: true },
      });
      expect(people.length).toBeGreaterThanOrEqual(200);
      expect(new Set(people.map((p) => p.locationId)).size).toBeGreaterThanOrEqual(20);
      expect(new Set(people.map((p) => p.timeZone)).size).toBeGreaterThanOrEqual(10);
    });

    it("gives everyone a valid handle, something to teach, something to learn and a bio about it", async () => {
      const people = await core.database.db.user.findMany({
        where: demo,
        select: { handle: true, bio: true, skills: { select: { direction: true, skillId: true } } },
      });
      for (const person of people) {
        expect(handleField.safeParse(person.handle).success, person.handle).toBe(true);
        expect(person.skills.some((s) => s.direction === "teach")).toBe(true);
        expect(person.skills.some((s) => s.direction === "learn")).toBe(true);
        const teaches = person.skills.filter((s) => s.direction === "teach").map((s) => skillNames.get(s.skillId));
        expect(
          teaches.some((name) => name !== undefined && person.bio.includes(name)),
          person.bio,
        ).toBe(true);
      }
    });

    it("makes languages, programming and music more common than the long tail", async () => {
      const { db } = core.database;
      const count = (slug: string) => db.userSkill.count({ where: { skillId: skillIdFor(slug), userId: demo.id } });
      const common = await Promise.all(["english", "spanish", "guitar", "javascript", "python"].map(count));
      const niche = await Promise.all(["watercolor-painting", "ukulele", "rock-climbing"].map(count));
      expect(Math.min(...common)).toBeGreaterThan(Math.max(...niche));
    });

    it("puts everyone in a community with a platform identity from it, and each community has admins", async () => {
      const { db } = core.database;
      const people = await db.user.findMany({
        where: demo,
        select: {
          identities: { select: { provider: true, tenantId: true } },
          memberships: { select: { community: { select: { platform: true, externalId: true } } } },
        },
      });
      for (const person of people) {
        // Théo, a person to try, is in both communities and linked both accounts.
        const expected = person.memberships.map(({ community }) => ({
          provider: community.platform,
          tenantId: community.platform === "slack" ? community.externalId : "",
        }));
        expect(person.identities).toEqual(expect.arrayContaining(expected));
        expect(person.identities).toHaveLength(expected.length);
      }
      const admins = await db.communityMember.groupBy({ by: ["communityId"], where: { role: "admin" }, _count: true });
      expect(admins).toHaveLength(2);
    });

    it("also seeds groups with one owner each, members from the group's community, availability and follows", async () => {
      const { db } = core.database;
      const groups = await db.group.findMany({
        where: { id: { startsWith: "demo-group-" } },
        select: {
          communityId: true,
          members: { select: { role: true, user: { select: { memberships: { select: { communityId: true } } } } } },
        },
      });
      expect(groups).toHaveLength(8);
      for (const group of groups) {
        expect(group.members.filter((m) => m.role === "owner")).toHaveLength(1);
        if (group.communityId === null) continue;
        for (const member of group.members) {
          expect(member.user.memberships.map((m) => m.communityId)).toContain(group.communityId);
        }
      }
      const follows = await db.follow.findMany({
        where: { followerId: demo.id },
        select: { followerId: true, followeeId: true },
      });
      const crowdOnly = follows.filter((f) => !toTry.has(f.followerId) && !toTry.has(f.followeeId));
      expect(crowdOnly).toHaveLength(600);
      expect(follows.filter((f) => f.followerId === f.followeeId)).toEqual([]);
      expect(await db.availabilitySlot.count({ where: { userId: demo.id } })).toBeGreaterThanOrEqual(240);
    });

    it("changes nothing when run again", async () => {
      const { db } = core.database;
      const counts = () =>
        Promise.all([
          db.user.count({ where: { id: { not: "" } } }),
          db.userSkill.count({ where: { id: { not: "" } } }),
          db.availabilitySlot.count({ where: { id: { not: "" } } }),
          db.follow.count({ where: { followerId: { not: "" } } }),
          db.groupMember.count({ where: { userId: { not: "" } } }),
          db.swap.count({ where: { id: { not: "" } } }),
          db.review.count({ where: { id: { not: "" } } }),
          db.outboxEvent.count({ where: { id: { not: "" } } }),
          db.swapSession.count({ where: { id: { not: "" } } }),
          db.message.count({ where: { id: { not: "" } } }),
          db.forumThread.count({ where: { id: { not: "" } } }),
          db.forumPost.count({ where: { id: { not: "" } } }),
          db.report.count({ where: { id: { not: "" } } }),
          db.notification.count({ where: { id: { not: "" } } }),
          db.identity.count({ where: { id: { not: "" } } }),
          db.communityMember.count({ where: { userId: { not: "" } } }),
        ]);
      const before = await counts();
      expect(await seedDemo(core)).toEqual({ created: false, users: 243, tryHandles });
      expect(await counts()).toEqual(before);
    });

    it("gives public demo profiles that anyone can read through the use cases", async () => {
      const someone = await core.database.db.user.findFirstOrThrow({
        where: { ...demo, visibility: "public" },
        select: { handle: true },
      });
      const profile = await core.services.profiles.get(null, someone.handle);
      expect(profile.location).not.toBeNull();
      expect(profile.skills.length).toBeGreaterThanOrEqual(3);
    });

    it("names three people to try, with the same handles every time", async () => {
      expect(await demoHandlesToTry(core)).toEqual(tryHandles);
      for (const handle of tryHandles) {
        const own = await core.services.profiles.me(await actorOf(handle));
        expect(own.skills.filter((s) => s.direction === "teach").length).toBeGreaterThanOrEqual(2);
        expect(own.skills.filter((s) => s.direction === "learn").length).toBeGreaterThanOrEqual(2);
      }
    });

    it("gives each person to try swaps in every state, each consistent with their skills", async () => {
      const { swaps } = core.services;
      for (const handle of tryHandles) {
        const actor = await actorOf(handle);
        const mine = (await swaps.list(actor, { limit: 50 })).swaps;
        expect(new Set(mine.map((s) => s.status)), handle).toEqual(
          new Set(["pending", "accepted", "completed", "declined", "expired", "cancelled"]),
        );
        for (const role of ["requester", "recipient"] as const)
          expect((await swaps.list(actor, { status: "pending", role })).swaps.length, `${handle} ${role}`).toBe(1);
        expect(mine.some((s) => s.kind === "cycle" && s.status === "accepted" && s.participants.length === 3)).toBe(
          true,
        );
        for (const swap of mine)
          for (const p of swap.participants)
            if (p.teaches !== null) {
              const teacher = await core.services.profiles.me(await actorOf(p.handle));
              expect(
                teacher.skills.map((s) => s.name),
                p.handle,
              ).toContain(p.teaches.name);
            }
      }
    });

    it("fills the swaps that are on with conversations said on the dashboard, Discord and Slack", async () => {
      for (const handle of tryHandles) {
        const actor = await actorOf(handle);
        const accepted = (await core.services.swaps.list(actor, { status: "accepted" })).swaps;
        for (const swap of accepted) {
          const { messages } = await core.services.conversations.list(actor, swap.conversationId ?? "");
          expect(new Set(messages.map((m) => m.source)).size, handle).toBeGreaterThanOrEqual(2);
        }
      }
    });

    it("completes swaps through sessions both sides confirmed, then reviews both ways, one answered", async () => {
      const sam = await actorOf("sam-okafor");
      const done = (await core.services.swaps.list(sam, { status: "completed" })).swaps;
      expect(done.length).toBeGreaterThanOrEqual(2);
      for (const swap of done) {
        const sessions = await core.services.sessions.listFor(sam, swap.id);
        expect(sessions.length).toBeGreaterThanOrEqual(3);
        expect(sessions.every((s) => s.status === "completed")).toBe(true);
      }
      const reviews = (await core.services.reviews.listFor(null, "maria-lopez", { limit: 50 })).items;
      const fromSam = reviews.filter((r) => done.some((s) => s.id === r.swapId));
      expect(fromSam.some((r) => r.reply !== null)).toBe(true);
      const both = await core.database.db.review.count({ where: { swapId: fromSam[0]?.swapId ?? "" } });
      expect(both).toBe(2);
    });

    it("gives the swaps that are on sessions past and to come", async () => {
      const theo = await actorOf("theo-martin");
      const open = (await core.services.swaps.list(theo, { status: "accepted" })).swaps;
      const sessions = (await Promise.all(open.map((s) => core.services.sessions.listFor(theo, s.id)))).flat();
      const now = core.deps.clock.now().getTime();
      expect(sessions.some((s) => s.status === "completed" && s.startsAt.getTime() < now)).toBe(true);
      expect(sessions.some((s) => s.status === "scheduled" && s.startsAt.getTime() > now)).toBe(true);
    });

    it("offers each person to try a three-person cycle", async () => {
      for (const handle of tryHandles) {
        const result = await core.services.matching.recommend(await actorOf(handle), { cycles: true, limit: 5 });
        expect(result.cycles.length, handle).toBeGreaterThan(0);
      }
    });

    it("starts forum threads with replies in the groups of the people to try", async () => {
      const maria = await actorOf("maria-lopez");
      const threads = (await core.services.forums.threads(maria, "guitar-circle")).items;
      expect(threads.length).toBeGreaterThanOrEqual(2);
      for (const thread of threads)
        expect((await core.services.forums.posts(maria, thread.id)).items.length).toBeGreaterThanOrEqual(2);
      const sam = await actorOf("sam-okafor");
      expect((await core.services.forums.threads(sam, "web-devs")).items.length).toBeGreaterThanOrEqual(1);
    });

    it("leaves open reports of a post and a person for María, an admin of Makers & Learners", async () => {
      const maria = await actorOf("maria-lopez");
      const open = (await core.services.moderation.reports(maria, "demo-community-discord", { status: "open" })).items;
      expect(open.some((r) => r.post !== null)).toBe(true);
      expect(open.some((r) => r.post === null && r.subject !== null)).toBe(true);
      const reviewReports = await core.database.db.report.count({ where: { reviewId: { not: null }, status: "open" } });
      expect(reviewReports).toBeGreaterThanOrEqual(1);
    });

    it("fills the inboxes of the people to try, the latest unread", async () => {
      for (const handle of tryHandles) {
        const { items } = await core.services.notifications.list(await actorOf(handle));
        expect(items.length, handle).toBeGreaterThan(0);
        expect(
          items.some((n) => !n.read),
          handle,
        ).toBe(true);
      }
    });

    it("has the people to try follow and be followed, so every feed has news", async () => {
      for (const handle of tryHandles) {
        const actor = await actorOf(handle);
        expect((await core.services.follows.feed(actor)).items.length, handle).toBeGreaterThan(0);
      }
    });

    it("makes María findable signed out, by name and as a guitar teacher near Lyon, with a rating", async () => {
      const { search, profiles } = core.services;
      const byName = await search.people(null, { text: "maria" });
      expect(byName.hits.map((h) => h.handle)).toContain("maria-lopez");
      const nearLyon = await search.people(null, {
        text: "gitar",
        near: "Lyon",
        km: 300,
        category: "music",
        minLevel: 3,
      });
      expect(nearLyon.hits.map((h) => h.handle)).toEqual(expect.arrayContaining(["maria-lopez", "theo-martin"]));
      expect((await profiles.get(null, "maria-lopez")).rating.count).toBeGreaterThanOrEqual(1);
      // Sam shows his profile to his community only.
      expect(byName.hits.map((h) => h.handle)).not.toContain("sam-okafor");
      expect((await search.people(await actorOf("theo-martin"), { text: "sam" })).hits.map((h) => h.handle)).toContain(
        "sam-okafor",
      );
    });

    it("records the story in the outbox as delivered history: followers see it, nobody is notified again", async () => {
      const status = await outboxStatus(core.database.db);
      expect(status).toMatchObject({ pending: 0, dead: 0 });
      expect(status.delivered).toBeGreaterThanOrEqual(10);
      const { items: feed } = await core.services.follows.feed(await actorOf("theo-martin"));
      expect(feed).toContainEqual(expect.objectContaining({ kind: "review.received", person: "maria-lopez" }));
    });

    it("offers the people to try swap partners", async () => {
      for (const handle of tryHandles) {
        const result = await core.services.matching.recommend(await actorOf(handle), { cycles: false, limit: 5 });
        expect(result.pairs.length, handle).toBeGreaterThan(0);
      }
    });

    async function actorOf(handle: string) {
      const actor = await core.services.accounts.actorForHandle(handle);
      if (actor === null) throw new Error(`no demo person ${handle}`);
      return actor;
    }
  });
}

describe("the demo data", () => {
  it("is the same for the same clock", async () => {
    const snapshot = async () => {
      const core = await createTestCore("sqlite");
      try {
        await seedDemo(core);
        const { db } = core.database;
        return await Promise.all([
          db.user.findMany({
            orderBy: { id: "asc" },
            select: { id: true, handle: true, bio: true, lastActiveAt: true },
          }),
          db.swap.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, createdAt: true } }),
          db.outboxEvent.findMany({ orderBy: { id: "asc" }, select: { id: true, type: true, payload: true } }),
          db.follow.count({ where: { followerId: { not: "" } } }),
        ]);
      } finally {
        await core.close();
      }
    };
    expect(await snapshot()).toEqual(await snapshot());
  }, 60_000);
});
