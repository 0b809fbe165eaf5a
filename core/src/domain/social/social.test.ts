import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../shared/actor.js";
import {
  createTestCore,
  domainErrorOf,
  newPerson,
  rejectedFields,
  testProviders,
  type TestCore,
} from "../../testing/index.js";

type Person = Actor & { handle: string };

for (const provider of testProviders()) {
  describe(`communities, groups and follows on ${provider}`, () => {
    let core: TestCore;
    let ana: Person; // admin of the guild
    let bea: Person; // member
    let cy: Person; // member
    let dan: Person; // not in the guild
    let guild: string;
    let otherGuild: string;

    beforeAll(async () => {
      core = await createTestCore(provider);
      [ana, bea, cy, dan] = (await Promise.all(["ana", "bea", "cy", "dan"].map((n) => newPerson(core, n)))) as [
        Person,
        Person,
        Person,
        Person,
      ];
      for (const p of [ana, bea, cy, dan]) await core.services.profiles.update(p, { visibility: "public" });
      const c = core.services.communities;
      guild = (await c.register({ platform: "discord", externalId: "g-1", name: "Makers" })).communityId;
      otherGuild = (await c.register({ platform: "discord", externalId: "g-2", name: "Elsewhere" })).communityId;
      await c.syncMember({ communityId: guild, userId: ana.userId, role: "admin" });
      await c.syncMember({ communityId: guild, userId: bea.userId });
      await c.syncMember({ communityId: guild, userId: cy.userId });
      await c.syncMember({ communityId: otherGuild, userId: dan.userId, role: "admin" });
    });
    afterAll(() => core.close());

    describe("communities", () => {
      it("registers a guild once however often the platform announces it, and follows its renames", async () => {
        const again = await core.services.communities.register({
          platform: "discord",
          externalId: "g-1",
          name: "Makers!",
        });
        expect(again).toEqual({ communityId: guild, created: false });
        expect((await core.database.db.community.findUnique({ where: { id: guild } }))?.name).toBe("Makers!");
      });

      it("keeps membership and admin status as the platform reports them", async () => {
        const c = core.services.communities;
        await c.syncMember({ communityId: guild, userId: bea.userId });
        await c.syncMember({ communityId: guild, userId: cy.userId, role: "admin" });
        await c.syncMember({ communityId: guild, userId: cy.userId, role: "member" });
        await c.removeMember({ communityId: guild, userId: cy.userId });
        await c.syncMember({ communityId: guild, userId: cy.userId });
        const members = await core.database.db.communityMember.findMany({
          where: { communityId: guild },
          select: { userId: true, role: true },
          orderBy: { userId: "asc" },
        });
        expect(members).toEqual(
          [
            { userId: ana.userId, role: "admin" },
            { userId: bea.userId, role: "member" },
            { userId: cy.userId, role: "member" },
          ].sort((a, b) => a.userId.localeCompare(b.userId)),
        );
      });
    });

    describe("groups", () => {
      it("are created by a member, owned by their creator, and joined by others; community groups by members only", async () => {
        const g = core.services.groups;
        const jazz = await g.create(bea, { name: "Jazz guitar", category: "music", communityId: guild });
        expect(jazz).toMatchObject({ slug: "jazz-guitar", members: 1, communityId: guild });
        expect((await g.join(cy, "jazz-guitar")).members).toBe(2);
        expect((await g.join(cy, "jazz-guitar")).members).toBe(2);
        expect((await domainErrorOf(() => g.join(dan, "jazz-guitar"))).code).toBe("GROUP.NOT_FOUND");
        expect((await domainErrorOf(() => g.create(dan, { name: "Sneaky", communityId: guild }))).code).toBe(
          "COMMUNITY.NOT_FOUND",
        );
        const open = await g.create(dan, { name: "Open chess club" });
        expect((await g.join(bea, open.slug)).members).toBe(2);
        expect((await g.list(dan)).map((x) => x.slug)).toEqual(["open-chess-club"]);
        expect((await g.list(cy)).map((x) => x.slug)).toEqual(["jazz-guitar", "open-chess-club"]);
      });

      it("has roles: the owner names moderators and hands over ownership; an owner cannot just walk away", async () => {
        const g = core.services.groups;
        await g.setRole(bea, "jazz-guitar", { handle: cy.handle, role: "moderator" });
        expect(
          (await domainErrorOf(() => g.setRole(cy, "jazz-guitar", { handle: bea.handle, role: "member" }))).code,
        ).toBe("GROUP.OWNER_ONLY");
        expect((await domainErrorOf(() => g.leave(bea, "jazz-guitar"))).code).toBe("GROUP.OWNER_LEAVING");
        await g.transferOwnership(bea, "jazz-guitar", { handle: cy.handle });
        expect((await g.members(bea, "jazz-guitar")).items.map((m) => [m.handle, m.role])).toEqual([
          [cy.handle, "owner"],
          [bea.handle, "moderator"],
        ]);
        await g.leave(bea, "jazz-guitar");
        expect((await g.members(cy, "jazz-guitar")).items.map((m) => m.handle)).toEqual([cy.handle]);
      });

      it("names bad input", async () => {
        expect(await rejectedFields(() => core.services.groups.create(ana, { name: "x" }))).toEqual(["name"]);
        expect(
          await rejectedFields(() => core.services.groups.create(ana, { name: "Valid", slug: "Bad Slug!" })),
        ).toEqual(["slug"]);
        expect(
          await rejectedFields(() =>
            core.services.groups.create(ana, { name: "Valid", category: "Underwater basketry" }),
          ),
        ).toEqual(["category"]);
        expect((await domainErrorOf(() => core.services.groups.create(ana, { name: "Jazz guitar" }))).code).toBe(
          "GROUP.SLUG_TAKEN",
        );
      });
    });

    describe("channel links", () => {
      it("let an admin link a channel to one group as chat or forum, unlink it, and set the swaps channel", async () => {
        const c = core.services.communities;
        const link = await c.linkChannel(ana, {
          communityId: guild,
          channelId: "ch-1",
          group: "jazz-guitar",
          kind: "chat",
        });
        expect(link).toMatchObject({
          channelId: "ch-1",
          platform: "discord",
          kind: "chat",
          group: { slug: "jazz-guitar" },
        });
        await c.linkChannel(ana, { communityId: guild, channelId: "ch-1", group: "jazz-guitar", kind: "forum" });
        await c.linkChannel(ana, { communityId: guild, channelId: "ch-2", group: "open-chess-club", kind: "chat" });
        expect((await c.links(ana, guild)).map((l) => [l.channelId, l.kind, l.group.slug])).toEqual([
          ["ch-1", "forum", "jazz-guitar"],
          ["ch-2", "chat", "open-chess-club"],
        ]);
        expect(
          (
            await domainErrorOf(() =>
              c.linkChannel(ana, { communityId: guild, channelId: "ch-1", group: "open-chess-club", kind: "chat" }),
            )
          ).code,
        ).toBe("COMMUNITY.CHANNEL_TAKEN");
        await c.unlinkChannel(ana, { communityId: guild, channelId: "ch-2" });
        expect((await c.links(ana, guild)).map((l) => l.channelId)).toEqual(["ch-1"]);
        await c.setSwapsChannel(ana, { communityId: guild, channelId: "swaps" });
        expect((await core.database.db.community.findUnique({ where: { id: guild } }))?.swapsChannelId).toBe("swaps");
        expect((await c.auditLog(ana, guild)).items.map((e) => e.action)).toEqual([
          "swaps_channel.set",
          "channel.unlinked",
          "channel.linked",
          "channel.linked",
          "channel.linked",
        ]);
      });

      it("are for that community's admins only, and the community does not exist for outsiders", async () => {
        const c = core.services.communities;
        for (const [who, community, code] of [
          [bea, guild, "COMMUNITY.ADMIN_ONLY"],
          [dan, guild, "COMMUNITY.NOT_FOUND"],
          [ana, otherGuild, "COMMUNITY.NOT_FOUND"],
        ] as const) {
          expect(
            (
              await domainErrorOf(() =>
                c.linkChannel(who, { communityId: community, channelId: "x", group: "jazz-guitar", kind: "chat" }),
              )
            ).code,
          ).toBe(code);
          expect(
            (await domainErrorOf(() => c.setSwapsChannel(who, { communityId: community, channelId: "x" }))).code,
          ).toBe(code);
        }
        // Dan admins another guild: that guild cannot borrow this one's groups either.
        expect(
          (
            await domainErrorOf(() =>
              c.linkChannel(dan, { communityId: otherGuild, channelId: "y", group: "jazz-guitar", kind: "chat" }),
            )
          ).code,
        ).toBe("GROUP.NOT_FOUND");
      });
    });

    describe("follows", () => {
      it("follow and unfollow, list both ways, and feed what followed people did", async () => {
        const f = core.services.follows;
        await f.follow(ana, { handle: bea.handle });
        await f.follow(ana, { handle: bea.handle });
        await f.follow(cy, { handle: bea.handle });
        expect((await f.followers(ana, bea.handle)).items.map((p) => p.handle).sort()).toEqual(
          [ana.handle, cy.handle].sort(),
        );
        expect((await f.following(bea, ana.handle)).items.map((p) => p.handle)).toEqual([bea.handle]);
        await core.services.skills.add(bea, { skill: "Ukulele", direction: "teach", level: 3 });
        const feed = (await f.feed(ana)).items;
        expect(feed[0]).toMatchObject({
          kind: "skill.added",
          person: bea.handle,
          detail: { skillId: "skill:ukulele" },
        });
        expect(feed.some((item) => item.kind === "group.joined")).toBe(true);
        await f.unfollow(ana, { handle: bea.handle });
        expect(await f.feed(ana)).toEqual({ items: [], nextCursor: null });
      });

      it("not oneself, nor across a block", async () => {
        const f = core.services.follows;
        expect(await rejectedFields(() => f.follow(ana, { handle: ana.handle }))).toEqual(["handle"]);
        await core.services.moderation.block(dan, { handle: cy.handle });
        expect((await domainErrorOf(() => f.follow(cy, { handle: dan.handle }))).code).toBe("USER.NOT_FOUND");
        expect((await domainErrorOf(() => f.follow(dan, { handle: cy.handle }))).code).toBe("USER.NOT_FOUND");
      });
    });
  });
}
