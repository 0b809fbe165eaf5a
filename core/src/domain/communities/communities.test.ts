import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../shared/actor.js";
import { createTestCore, domainErrorOf, newPerson, testProviders, type TestCore } from "../../testing/index.js";

type Person = Actor & { handle: string };

for (const provider of testProviders()) {
  describe(`a community as its members and admins see it, on ${provider}`, () => {
    let core: TestCore;
    let admin: Person;
    let member: Person;
    let outsider: Person;
    let guild: string;
    let workspace: string;

    beforeAll(async () => {
      core = await createTestCore(provider);
      [admin, member, outsider] = (await Promise.all(["ada", "mel", "oz"].map((n) => newPerson(core, n)))) as [
        Person,
        Person,
        Person,
      ];
      const c = core.services.communities;
      guild = (await c.register({ platform: "discord", externalId: "guild-1", name: "Woodworkers" })).communityId;
      workspace = (await c.register({ platform: "slack", externalId: "T-1", name: "Apiarists" })).communityId;
      await c.syncMember({ communityId: guild, userId: admin.userId, role: "admin" });
      await c.syncMember({ communityId: guild, userId: member.userId });
      await c.syncMember({ communityId: workspace, userId: admin.userId });
      await core.services.groups.create(admin, { name: "Joinery", communityId: guild });
    });
    afterAll(() => core.close());

    it("lists the communities I am in, by name, with my role in each", async () => {
      expect(await core.services.communities.mine(admin)).toEqual([
        { id: workspace, platform: "slack", name: "Apiarists", swapsChannelId: null, role: "member" },
        { id: guild, platform: "discord", name: "Woodworkers", swapsChannelId: null, role: "admin" },
      ]);
      expect(await core.services.communities.mine(outsider)).toEqual([]);
    });

    it("shows its channel links to its admins only; outsiders learn nothing of it", async () => {
      const c = core.services.communities;
      await c.linkChannel(admin, { communityId: guild, channelId: "ch-joinery", group: "joinery", kind: "forum" });
      expect(await c.links(admin, guild)).toEqual([
        {
          channelId: "ch-joinery",
          platform: "discord",
          kind: "forum",
          group: expect.objectContaining({ slug: "joinery" }),
        },
      ]);
      expect((await domainErrorOf(() => c.links(member, guild))).code).toBe("COMMUNITY.ADMIN_ONLY");
      expect((await domainErrorOf(() => c.links(outsider, guild))).code).toBe("COMMUNITY.NOT_FOUND");
      expect((await domainErrorOf(() => c.links(admin, workspace))).code).toBe("COMMUNITY.ADMIN_ONLY");
    });

    it("pages its audit log newest first, with who did what", async () => {
      const c = core.services.communities;
      for (const channelId of ["s-1", "s-2", "s-3"]) {
        core.clock.advance(1000);
        await c.setSwapsChannel(admin, { communityId: guild, channelId });
      }
      const first = await c.auditLog(admin, guild, { limit: 2 });
      expect(first.items.map((e) => [e.action, e.targetId, e.actor])).toEqual([
        ["swaps_channel.set", "s-3", admin.handle],
        ["swaps_channel.set", "s-2", admin.handle],
      ]);
      const rest = await c.auditLog(admin, guild, { limit: 2, cursor: first.nextCursor ?? "" });
      expect(rest.items.map((e) => e.targetId)).toEqual(["s-1", "ch-joinery"]);
      expect(rest.items[1]).toMatchObject({ action: "channel.linked", data: { kind: "forum" } });
      expect(rest.nextCursor).toBeNull();
      expect((await c.mine(member)).find((m) => m.id === guild)?.swapsChannelId).toBe("s-3");
      expect((await domainErrorOf(() => c.auditLog(member, guild))).code).toBe("COMMUNITY.ADMIN_ONLY");
    });
  });
}
