import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../shared/actor.js";
import type { Page } from "../shared/pages.js";
import {
  block,
  createTestCore,
  domainErrorOf,
  newCommunity,
  newPerson,
  newPublicPerson,
  rejectedFields,
  testProviders,
  type TestCore,
} from "../../testing/index.js";

type Person = Actor & { handle: string };

/** Every item of a list, read a page at a time. */
async function allPages<T>(read: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    pages.push([...page.items]);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return pages;
}

for (const provider of testProviders()) {
  describe(`social lists a page at a time, on ${provider}`, () => {
    let core: TestCore;

    beforeAll(async () => {
      core = await createTestCore(provider);
    });
    afterAll(() => core.close());

    it("lists followers in handle order, only those the viewer may see, in full pages", async () => {
      const star = await newPublicPerson(core, "star");
      const viewer = await newPublicPerson(core, "viewer");
      const fans = await Promise.all(["fa", "fb", "fc", "fd", "fe", "ff", "fg"].map((n) => newPerson(core, n)));
      const [publicA, privateB, publicC, hiddenD, blockerE, publicF, sharedG] = fans as [
        Person,
        Person,
        Person,
        Person,
        Person,
        Person,
        Person,
      ];
      for (const p of [publicA, publicC, publicF, blockerE])
        await core.services.profiles.update(p, { visibility: "public" });
      await core.services.profiles.update(privateB, { visibility: "private" });
      await core.services.profiles.update(hiddenD, { visibility: "communities" });
      await core.services.profiles.update(sharedG, { visibility: "communities" });
      await newCommunity(core, [viewer, sharedG]);
      await block(core, blockerE, viewer);
      for (const fan of fans) await core.services.follows.follow(fan, { handle: star.handle });

      const seen = [publicA, publicC, publicF, sharedG].map((p) => p.handle).sort();
      const pages = await allPages((cursor) =>
        core.services.follows.followers(viewer, star.handle, { limit: 2, ...(cursor === undefined ? {} : { cursor }) }),
      );
      expect(pages.map((page) => page.length)).toEqual([2, 2]);
      expect(pages.flat().map((p) => p.handle)).toEqual(seen);

      const publicOnly = await allPages((cursor) =>
        core.services.follows.followers(null, star.handle, { limit: 2, ...(cursor === undefined ? {} : { cursor }) }),
      );
      expect(publicOnly.flat().map((p) => p.handle)).toEqual(
        [publicA, publicC, blockerE, publicF].map((p) => p.handle).sort(),
      );
      expect((await core.services.follows.following(viewer, publicA.handle)).items).toEqual([
        { handle: star.handle, displayName: "star" },
      ]);
    });

    it("feeds what followed people did, newest first, with no repeats or gaps between pages", async () => {
      const fan = await newPerson(core, "fan");
      const busy = await newPublicPerson(core, "busy");
      await core.services.follows.follow(fan, { handle: busy.handle });
      for (const skill of ["Ukulele", "Banjo", "Mandolin", "Cello", "Harp"])
        await core.services.skills.add(busy, { skill, direction: "teach", level: 3 });
      const whole = (await core.services.follows.feed(fan, { limit: 50 })).items;
      const pages = await allPages((cursor) =>
        core.services.follows.feed(fan, { limit: 2, ...(cursor === undefined ? {} : { cursor }) }),
      );
      expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
      expect(pages.flat()).toEqual(whole);
      expect(whole.map((item) => item.detail.skillId)).toHaveLength(5);
    });

    it("refuses a cursor of another list, naming the cursor", async () => {
      const fan = await newPerson(core, "fan");
      const busy = await newPublicPerson(core, "busy", { Guitar: 3, Spanish: 2 });
      await core.services.follows.follow(fan, { handle: busy.handle });
      const { nextCursor } = await core.services.follows.feed(fan, { limit: 1 });
      expect(nextCursor).not.toBeNull();
      expect(await rejectedFields(() => core.services.groups.browse(fan, { cursor: nextCursor ?? "" }))).toEqual([
        "cursor",
      ]);
      expect(await rejectedFields(() => core.services.follows.feed(fan, { cursor: "garbage" }))).toEqual(["cursor"]);
    });

    it("browses the groups one may see in name order, and shows one with the viewer's role", async () => {
      const [owner, member, outsider] = (await Promise.all(
        ["gowner", "gmember", "goutsider"].map((n) => newPerson(core, n)),
      )) as [Person, Person, Person];
      const community = await newCommunity(core, [owner, member]);
      const made = [];
      for (const name of ["Zither circle", "Abacus club", "Mime troupe"])
        made.push(await core.services.groups.create(owner, { name, communityId: community }));
      const [zither] = made;
      const pages = await allPages((cursor) =>
        core.services.groups.browse(member, {
          communityId: community,
          limit: 2,
          ...(cursor === undefined ? {} : { cursor }),
        }),
      );
      expect(pages.flat().map((g) => g.name)).toEqual(["Abacus club", "Mime troupe", "Zither circle"]);
      expect((await core.services.groups.browse(outsider, { communityId: community })).items).toEqual([]);

      expect(await core.services.groups.get(owner, zither?.slug ?? "")).toMatchObject({
        name: "Zither circle",
        myRole: "owner",
      });
      expect((await core.services.groups.get(member, zither?.id ?? "")).myRole).toBeNull();
      expect((await domainErrorOf(() => core.services.groups.get(outsider, zither?.id ?? ""))).code).toBe(
        "GROUP.NOT_FOUND",
      );
    });

    it("lists members a page at a time: the owner, then moderators, then members by arrival", async () => {
      const people = (await Promise.all(["mo", "m1", "m2", "md", "m3"].map((n) => newPerson(core, n)))) as Person[];
      const [owner, first, second, moderator, third] = people as [Person, Person, Person, Person, Person];
      const group = await core.services.groups.create(owner, { name: "Members in order" });
      for (const p of [first, second, moderator, third]) {
        core.clock.advance(1000);
        await core.services.groups.join(p, group.id);
      }
      await core.services.groups.setRole(owner, group.id, { handle: moderator.handle, role: "moderator" });
      const pages = await allPages((cursor) =>
        core.services.groups.members(first, group.id, { limit: 2, ...(cursor === undefined ? {} : { cursor }) }),
      );
      expect(pages.flat().map((m) => [m.handle, m.role])).toEqual([
        [owner.handle, "owner"],
        [moderator.handle, "moderator"],
        [first.handle, "member"],
        [second.handle, "member"],
        [third.handle, "member"],
      ]);
    });

    it("lists threads pinned first then by activity, and replies oldest first, across pages", async () => {
      const owner = await newPerson(core, "towner");
      const group = await core.services.groups.create(owner, { name: "Threads in order" });
      const titles = ["First one", "Second one", "Third one", "Fourth one"];
      const threads = [];
      for (const title of titles) {
        core.clock.advance(1000);
        threads.push(await core.services.forums.startThread(owner, group.id, { title, body: "Hello" }));
      }
      await core.services.forums.pin(owner, threads[1]?.id ?? "");
      const pages = await allPages((cursor) =>
        core.services.forums.threads(owner, group.id, { limit: 1, ...(cursor === undefined ? {} : { cursor }) }),
      );
      expect(pages.flat().map((t) => t.title)).toEqual(["Second one", "Fourth one", "Third one", "First one"]);

      const thread = threads[0]?.id ?? "";
      for (const body of ["one", "two", "three"]) await core.services.forums.reply(owner, thread, { body });
      const replies = await allPages((cursor) =>
        core.services.forums.posts(owner, thread, { limit: 2, ...(cursor === undefined ? {} : { cursor }) }),
      );
      expect(replies.map((page) => page.map((p) => p.body))).toEqual([["one", "two"], ["three"]]);
    });
  });
}
