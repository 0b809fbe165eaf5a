import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../shared/actor.js";
import {
  createTestCore,
  domainErrorOf,
  newCommunity,
  newPerson,
  rejectedFields,
  testProviders,
  type TestCore,
} from "../../testing/index.js";

type Person = Actor & { handle: string };

for (const provider of testProviders()) {
  describe(`blocks and reports, on ${provider}`, () => {
    let core: TestCore;
    let admin: Person;
    let reporter: Person;
    let troll: Person;
    let otherAdmin: Person;
    let community: string;
    let otherCommunity: string;

    beforeAll(async () => {
      core = await createTestCore(provider);
      [admin, reporter, troll, otherAdmin] = (await Promise.all(
        ["adm", "rep", "trl", "oad"].map((n) => newPerson(core, n)),
      )) as [Person, Person, Person, Person];
      community = await newCommunity(core, [reporter, troll], [admin]);
      otherCommunity = await newCommunity(core, [reporter], [otherAdmin]);
    });
    afterAll(() => core.close());

    describe("blocks", () => {
      it("lists the people I blocked, most recent first, a page at a time, until I unblock them", async () => {
        const m = core.services.moderation;
        const me = await newPerson(core, "blocker");
        const others = await Promise.all(["b1", "b2", "b3"].map((n) => newPerson(core, n)));
        for (const other of others) {
          core.clock.advance(1000);
          await m.block(me, { handle: other.handle });
        }
        const first = await m.blocks(me, { limit: 2 });
        expect(first.items.map((b) => b.handle)).toEqual([others[2]?.handle, others[1]?.handle]);
        const rest = await m.blocks(me, { limit: 2, cursor: first.nextCursor ?? "" });
        expect(rest).toEqual({ items: [{ handle: others[0]?.handle, blockedAt: expect.any(Date) }], nextCursor: null });
        await m.unblock(me, { handle: others[1]?.handle ?? "" });
        expect((await m.blocks(me)).items.map((b) => b.handle)).toEqual([others[2]?.handle, others[0]?.handle]);
        expect((await m.blocks(others[0] as Person)).items).toEqual([]);
      });
    });

    describe("reports", () => {
      it("shows the admins of a community the reports filed there, and nothing of other communities'", async () => {
        const m = core.services.moderation;
        await m.report(reporter, { handle: troll.handle, reason: "Insults in every thread" });
        const { items } = await m.reports(admin, community);
        expect(items).toEqual([
          {
            id: expect.any(String),
            reason: "Insults in every thread",
            status: "open",
            createdAt: expect.any(Date),
            resolvedAt: null,
            reporter: { handle: reporter.handle, displayName: "rep" },
            subject: { handle: troll.handle, displayName: "trl" },
            thread: null,
            post: null,
            reviewId: null,
          },
        ]);
        expect((await m.reports(otherAdmin, otherCommunity)).items).toEqual([]);
        expect((await domainErrorOf(() => m.reports(otherAdmin, community))).code).toBe("COMMUNITY.NOT_FOUND");
        expect((await domainErrorOf(() => m.reports(reporter, community))).code).toBe("COMMUNITY.ADMIN_ONLY");
      });

      it("lets an admin resolve or dismiss an open report once, in the audit log", async () => {
        const m = core.services.moderation;
        const [open] = (await m.reports(admin, community, { status: "open" })).items;
        const id = open?.id ?? "";
        expect(
          (await domainErrorOf(() => m.resolveReport(otherAdmin, otherCommunity, id, { resolution: "dismissed" })))
            .code,
        ).toBe("REPORT.NOT_FOUND");
        expect(
          (await domainErrorOf(() => m.resolveReport(reporter, community, id, { resolution: "dismissed" }))).code,
        ).toBe("COMMUNITY.ADMIN_ONLY");
        expect(
          await rejectedFields(() => m.resolveReport(admin, community, id, { resolution: "ignored" as "resolved" })),
        ).toEqual(["resolution"]);
        const resolved = await m.resolveReport(admin, community, id, { resolution: "resolved" });
        expect(resolved).toMatchObject({ id, status: "resolved", resolvedAt: expect.any(Date) });
        expect(
          (await domainErrorOf(() => m.resolveReport(admin, community, id, { resolution: "dismissed" }))).code,
        ).toBe("REPORT.CLOSED");
        expect((await m.reports(admin, community, { status: "open" })).items).toEqual([]);
        expect((await core.services.communities.auditLog(admin, community)).items[0]).toMatchObject({
          action: "report.resolved",
          targetType: "report",
          targetId: id,
          actor: admin.handle,
        });
      });

      it("shows a reported forum post with its thread", async () => {
        const group = await core.services.groups.create(troll, { name: "Troll corner", communityId: community });
        const thread = await core.services.forums.startThread(troll, group.id, { title: "Bait", body: "Fight me" });
        const post = await core.services.forums.reply(troll, thread.id, { body: "Still here" });
        await core.services.groups.join(reporter, group.id);
        await core.services.forums.report(reporter, { postId: post.id }, { reason: "Baiting people" });
        const [report] = (await core.services.moderation.reports(admin, community, { status: "open" })).items;
        expect(report).toMatchObject({
          reason: "Baiting people",
          subject: null,
          thread: { id: thread.id, title: "Bait" },
          post: { id: post.id, body: "Still here" },
        });
      });
    });
  });
}
