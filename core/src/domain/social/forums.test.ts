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
  describe(`group forums on ${provider}`, () => {
    let core: TestCore;
    let owner: Person;
    let mod: Person;
    let member: Person;
    let stranger: Person;
    let groupId: string;
    const forums = () => core.services.forums;

    beforeAll(async () => {
      core = await createTestCore(provider);
      [owner, mod, member, stranger] = (await Promise.all(
        ["olga", "moe", "mia", "sid"].map((n) => newPerson(core, n)),
      )) as [Person, Person, Person, Person];
      groupId = (await core.services.groups.create(owner, { name: "Sourdough bakers" })).id;
      await core.services.groups.join(mod, groupId);
      await core.services.groups.join(member, groupId);
      await core.services.groups.setRole(owner, groupId, { handle: mod.handle, role: "moderator" });
    });
    afterAll(() => core.close());

    it("threads and replies from any surface, each platform post stored once, oldest reply first", async () => {
      const thread = await forums().startThread(member, groupId, {
        title: "Starter too runny?",
        body: "Mine doubles but stays liquid.",
        source: "discord",
        externalId: "forum-post-1",
      });
      const again = await forums().startThread(member, groupId, {
        title: "Starter too runny?",
        body: "Mine doubles but stays liquid.",
        source: "discord",
        externalId: "forum-post-1",
      });
      expect(again.id).toBe(thread.id);
      await forums().reply(owner, thread.id, { body: "Less water, more rye." });
      await forums().reply(mod, thread.id, { body: "Feed it twice a day.", source: "slack", externalId: "17.1" });
      await forums().reply(mod, thread.id, { body: "Feed it twice a day.", source: "slack", externalId: "17.1" });
      const { items: posts } = await forums().posts(stranger, thread.id);
      expect(posts.map((p) => [p.authorName, p.body, p.source])).toEqual([
        ["olga", "Less water, more rye.", "dashboard"],
        ["moe", "Feed it twice a day.", "slack"],
      ]);
    });

    it("tells each viewer which thread and replies are theirs, and shows a thread alone to whoever may read it", async () => {
      const thread = await forums().startThread(member, groupId, { title: "Whose loaf?", body: "Mine." });
      const reply = await forums().reply(owner, thread.id, { body: "And this reply is mine." });
      expect([thread.mine, reply.mine]).toEqual([true, true]);
      expect((await forums().thread(member, thread.id)).mine).toBe(true);
      expect(await forums().thread(stranger, thread.id)).toMatchObject({ title: "Whose loaf?", mine: false });
      const seenBy = async (viewer: Person) =>
        (await forums().posts(viewer, thread.id)).items.map((p) => [p.body, p.mine]);
      expect(await seenBy(owner)).toEqual([["And this reply is mine.", true]]);
      expect(await seenBy(member)).toEqual([["And this reply is mine.", false]]);
      const listed = (await forums().threads(owner, groupId)).items.find((t) => t.id === thread.id);
      expect(listed?.mine).toBe(false);
      expect((await domainErrorOf(() => forums().thread(stranger, "no-such-thread"))).code).toBe("FORUM.NOT_FOUND");
    });

    it("lets authors edit and delete their own posts only", async () => {
      const [thread] = (await forums().threads(member, groupId)).items;
      const post = await forums().reply(member, thread?.id ?? "", { body: "Thanks!" });
      expect((await forums().editPost(member, post.id, { body: "Thanks, it worked!" })).edited).toBe(true);
      expect((await domainErrorOf(() => forums().editPost(owner, post.id, { body: "no" }))).code).toBe(
        "FORUM.NOT_YOURS",
      );
      await forums().deletePost(member, post.id);
      expect((await forums().posts(member, thread?.id ?? "")).items.map((p) => p.body)).not.toContain(
        "Thanks, it worked!",
      );
    });

    it("lets authors edit and delete their own threads, and anyone report a thread or a post", async () => {
      const mine = await forums().startThread(member, groupId, { title: "Oven temps", body: "230 or 250?" });
      expect((await forums().editThread(member, mine.id, { title: "Oven temperatures" })).title).toBe(
        "Oven temperatures",
      );
      expect((await domainErrorOf(() => forums().editThread(mod, mine.id, { title: "Nope" }))).code).toBe(
        "FORUM.NOT_YOURS",
      );
      const post = await forums().reply(owner, mine.id, { body: "250 with a lid." });
      const { reportId } = await forums().report(stranger, { postId: post.id }, { reason: "Off topic" });
      expect(
        await core.database.db.report.findUnique({ where: { id: reportId }, select: { threadId: true, postId: true } }),
      ).toEqual({ threadId: mine.id, postId: post.id });
      await forums().report(stranger, { threadId: mine.id }, { reason: "Duplicate" });
      expect((await domainErrorOf(() => forums().deleteThread(owner, mine.id))).code).toBe("FORUM.NOT_YOURS");
      await forums().deleteThread(member, mine.id);
      expect((await forums().threads(member, groupId)).items.map((t) => t.title)).not.toContain("Oven temperatures");
    });

    it("lets moderators pin, lock and remove threads; members cannot", async () => {
      const first = await forums().startThread(member, groupId, { title: "Flour brands", body: "Which?" });
      const rules = await forums().startThread(owner, groupId, { title: "Group rules", body: "Be kind." });
      expect((await domainErrorOf(() => forums().pin(member, rules.id))).code).toBe("FORUM.MODERATORS_ONLY");
      await forums().pin(mod, rules.id);
      expect((await forums().threads(member, groupId)).items[0]?.title).toBe("Group rules");
      await forums().lock(mod, first.id);
      expect((await domainErrorOf(() => forums().reply(member, first.id, { body: "Any?" }))).code).toBe("FORUM.LOCKED");
      expect((await domainErrorOf(() => forums().remove(member, first.id))).code).toBe("FORUM.MODERATORS_ONLY");
      await forums().remove(owner, first.id);
      expect((await forums().threads(member, groupId)).items.map((t) => t.title)).not.toContain("Flour brands");
      expect((await domainErrorOf(() => forums().posts(member, first.id))).code).toBe("FORUM.NOT_FOUND");
    });

    it("is for members to write in, and names bad input", async () => {
      expect(
        (await domainErrorOf(() => forums().startThread(stranger, groupId, { title: "Hello", body: "hi" }))).code,
      ).toBe("FORUM.MEMBERS_ONLY");
      expect(await rejectedFields(() => forums().startThread(member, groupId, { title: "x", body: "" }))).toEqual([
        "body",
        "title",
      ]);
      expect(
        await rejectedFields(() =>
          forums().startThread(member, groupId, { title: "Hello", body: "hi", source: "discord" }),
        ),
      ).toEqual(["externalId"]);
    });
  });
}
