import type { Actor } from "@skillswap/core";
import { newCommunity, newPerson, testProviders } from "@skillswap/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type ApiHarness, type ApiResponse } from "../../../testing/api-harness.js";
import { refusalOf, rejectedFields } from "../../../testing/responses.js";

type Person = Actor & { handle: string };
interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}
interface Thread {
  readonly id: string;
  readonly title: string;
  readonly pinned: boolean;
  readonly locked: boolean;
}
interface Post {
  readonly id: string;
  readonly body: string;
  readonly edited: boolean;
}

const idOf = (response: ApiResponse) => (response.body as { id: string }).id;
const titles = (response: ApiResponse) => (response.body as Page<Thread>).items.map((t) => t.title);
const bodies = (response: ApiResponse) => (response.body as Page<Post>).items.map((p) => p.body);

describe.each(testProviders())("group forums over HTTP (%s)", (provider) => {
  let api: ApiHarness;
  let counter = 0;

  beforeAll(async () => {
    api = await startApi(provider);
  });
  afterAll(() => api.close());

  /** An open group with its owner, a moderator and a member, the member's thread and a reply of the owner's. */
  async function forum() {
    counter += 1;
    const [owner, moderator, member, stranger] = (await Promise.all(
      ["owner", "moderator", "member", "stranger"].map((n) => newPerson(api.core, n)),
    )) as [Person, Person, Person, Person];
    const groups = api.core.services.groups;
    const group = await groups.create(owner, { name: `Sourdough bakers ${counter}` });
    await groups.join(moderator, group.id);
    await groups.join(member, group.id);
    await groups.setRole(owner, group.id, { handle: moderator.handle, role: "moderator" });
    const asOwner = await api.as(owner);
    const asMember = await api.as(member);
    const started = await asMember.post(`/api/v1/groups/${group.id}/threads`, {
      title: "Starter too runny?",
      body: "It doubles but stays liquid.",
    });
    expect(started.status).toBe(201);
    const threadId = idOf(started);
    const replied = await asOwner.post(`/api/v1/threads/${threadId}/posts`, { body: "Less water, more rye." });
    expect(replied.status).toBe(201);
    return {
      group,
      threadId,
      postId: idOf(replied),
      asOwner,
      asMember,
      asModerator: await api.as(moderator),
      asStranger: await api.as(stranger),
    };
  }

  describe("threads and replies", () => {
    it("start with 201 and their id, and read back pinned first then by activity, replies oldest first", async () => {
      const f = await forum();
      const second = await f.asOwner.post(`/api/v1/groups/${f.group.slug}/threads`, {
        title: "Rules",
        body: "Be kind",
      });
      expect(second.body).toMatchObject({ id: expect.any(String), title: "Rules", pinned: false, source: "dashboard" });
      expect(second.body).not.toHaveProperty("externalId");
      expect(titles(await f.asStranger.get(`/api/v1/groups/${f.group.id}/threads`))).toEqual([
        "Rules",
        "Starter too runny?",
      ]);
      await f.asMember.post(`/api/v1/threads/${f.threadId}/posts`, { body: "Thanks!" });
      const first = await f.asStranger.get(`/api/v1/threads/${f.threadId}/posts?limit=1`);
      expect(bodies(first)).toEqual(["Less water, more rye."]);
      const cursor = encodeURIComponent((first.body as Page<Post>).nextCursor ?? "");
      expect(bodies(await f.asStranger.get(`/api/v1/threads/${f.threadId}/posts?limit=1&cursor=${cursor}`))).toEqual([
        "Thanks!",
      ]);
    });

    it("read one thread alone, and say to each reader which posts are theirs", async () => {
      const f = await forum();
      const alone = await f.asStranger.get(`/api/v1/threads/${f.threadId}`);
      expect(alone.status).toBe(200);
      expect(alone.body).toMatchObject({ id: f.threadId, title: "Starter too runny?", mine: false });
      expect(alone.body).not.toHaveProperty("externalId");
      expect((await f.asMember.get(`/api/v1/threads/${f.threadId}`)).body).toMatchObject({ mine: true });
      const mineFor = async (reader: typeof f.asOwner) =>
        ((await reader.get(`/api/v1/threads/${f.threadId}/posts`)).body as Page<{ mine: boolean }>).items.map(
          (p) => p.mine,
        );
      expect(await mineFor(f.asOwner)).toEqual([true]);
      expect(await mineFor(f.asMember)).toEqual([false]);
      expect(refusalOf(await f.asMember.get("/api/v1/threads/nothing-here"))).toEqual({
        status: 404,
        code: "FORUM.NOT_FOUND",
      });
    });

    it("name every rejected field, including where a post came from, which only the bots may say", async () => {
      const f = await forum();
      const thread = await f.asMember.post(`/api/v1/groups/${f.group.id}/threads`, {
        title: "x",
        body: "",
        source: "discord",
        externalId: "1",
      });
      expect(thread.status).toBe(400);
      expect(rejectedFields(thread).sort()).toEqual(["body", "externalId", "source", "title"]);
      expect(rejectedFields(await f.asMember.post(`/api/v1/threads/${f.threadId}/posts`, { body: 7 }))).toEqual([
        "body",
      ]);
      expect(rejectedFields(await f.asMember.get(`/api/v1/threads/${f.threadId}/posts?cursor=zz`))).toEqual(["cursor"]);
    });

    it("are written by members only; a community's forum is not found for outsiders", async () => {
      const f = await forum();
      expect(
        refusalOf(await f.asStranger.post(`/api/v1/groups/${f.group.id}/threads`, { title: "Hello", body: "Hi" })),
      ).toEqual({ status: 403, code: "FORUM.MEMBERS_ONLY" });
      expect(refusalOf(await f.asStranger.post(`/api/v1/threads/${f.threadId}/posts`, { body: "Me too" }))).toEqual({
        status: 403,
        code: "FORUM.MEMBERS_ONLY",
      });
      const insider = await newPerson(api.core, "insider");
      const community = await newCommunity(api.core, [insider]);
      const closed = await api.core.services.groups.create(insider, {
        name: `Inner ${counter}`,
        communityId: community,
      });
      const secret = await api.core.services.forums.startThread(insider, closed.id, { title: "Secret", body: "Shh" });
      expect(refusalOf(await f.asStranger.get(`/api/v1/groups/${closed.id}/threads`))).toEqual({
        status: 404,
        code: "GROUP.NOT_FOUND",
      });
      expect(refusalOf(await f.asStranger.get(`/api/v1/threads/${secret.id}/posts`))).toEqual({
        status: 404,
        code: "FORUM.NOT_FOUND",
      });
      expect(
        refusalOf(await f.asStranger.post(`/api/v1/threads/${secret.id}/reports`, { reason: "Looks fishy" })),
      ).toEqual({ status: 404, code: "FORUM.NOT_FOUND" });
    });

    it("are refused in a locked thread (409)", async () => {
      const f = await forum();
      await f.asModerator.post(`/api/v1/threads/${f.threadId}/lock`, { locked: true });
      expect(refusalOf(await f.asMember.post(`/api/v1/threads/${f.threadId}/posts`, { body: "Any news?" }))).toEqual({
        status: 409,
        code: "FORUM.LOCKED",
      });
    });
  });

  describe("authors' own posts", () => {
    it("let the author edit and delete their thread (204); someone else's is refused (403)", async () => {
      const f = await forum();
      expect(refusalOf(await f.asOwner.patch(`/api/v1/threads/${f.threadId}`, { title: "Mine now" }))).toEqual({
        status: 403,
        code: "FORUM.NOT_YOURS",
      });
      expect(refusalOf(await f.asOwner.delete(`/api/v1/threads/${f.threadId}`))).toEqual({
        status: 403,
        code: "FORUM.NOT_YOURS",
      });
      expect(rejectedFields(await f.asMember.patch(`/api/v1/threads/${f.threadId}`, { pinned: true }))).toEqual([
        "pinned",
      ]);
      const edited = await f.asMember.patch(`/api/v1/threads/${f.threadId}`, { title: "Starter still runny" });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ title: "Starter still runny" });
      expect((await f.asMember.delete(`/api/v1/threads/${f.threadId}`)).status).toBe(204);
      expect(titles(await f.asMember.get(`/api/v1/groups/${f.group.id}/threads`))).toEqual([]);
      expect(refusalOf(await f.asMember.get(`/api/v1/threads/${f.threadId}/posts`))).toEqual({
        status: 404,
        code: "FORUM.NOT_FOUND",
      });
    });

    it("let the author edit and delete their reply (204); someone else's is refused (403)", async () => {
      const f = await forum();
      expect(refusalOf(await f.asMember.patch(`/api/v1/posts/${f.postId}`, { body: "Mine now" }))).toEqual({
        status: 403,
        code: "FORUM.NOT_YOURS",
      });
      expect(refusalOf(await f.asMember.delete(`/api/v1/posts/${f.postId}`))).toEqual({
        status: 403,
        code: "FORUM.NOT_YOURS",
      });
      expect(rejectedFields(await f.asOwner.patch(`/api/v1/posts/${f.postId}`, { body: "" }))).toEqual(["body"]);
      const edited = await f.asOwner.patch(`/api/v1/posts/${f.postId}`, { body: "Less water, more whole rye." });
      expect(edited.body).toMatchObject({ body: "Less water, more whole rye.", edited: true });
      expect((await f.asOwner.delete(`/api/v1/posts/${f.postId}`)).status).toBe(204);
      expect(bodies(await f.asOwner.get(`/api/v1/threads/${f.threadId}/posts`))).toEqual([]);
      expect(refusalOf(await f.asOwner.patch(`/api/v1/posts/${f.postId}`, { body: "Back" }))).toEqual({
        status: 404,
        code: "FORUM.NOT_FOUND",
      });
    });
  });

  describe("moderation", () => {
    it("lets moderators pin and lock a thread, answering with the thread as it now is; members cannot", async () => {
      const f = await forum();
      expect(refusalOf(await f.asMember.post(`/api/v1/threads/${f.threadId}/pin`, { pinned: true }))).toEqual({
        status: 403,
        code: "FORUM.MODERATORS_ONLY",
      });
      expect(rejectedFields(await f.asModerator.post(`/api/v1/threads/${f.threadId}/pin`, { pinned: "yes" }))).toEqual([
        "pinned",
      ]);
      expect(rejectedFields(await f.asModerator.post(`/api/v1/threads/${f.threadId}/lock`, {}))).toEqual(["locked"]);
      const pinned = await f.asModerator.post(`/api/v1/threads/${f.threadId}/pin`, { pinned: true });
      expect(pinned.body).toMatchObject({ id: f.threadId, pinned: true, locked: false });
      const locked = await f.asOwner.post(`/api/v1/threads/${f.threadId}/lock`, { locked: true });
      expect(locked.body).toMatchObject({ pinned: true, locked: true });
      const unlocked = await f.asOwner.post(`/api/v1/threads/${f.threadId}/lock`, { locked: false });
      expect(unlocked.body).toMatchObject({ locked: false });
    });

    it("lets moderators and the owner remove a thread (204), which leaves the forum; members cannot (403)", async () => {
      const f = await forum();
      const remove = `/api/v1/threads/${f.threadId}/remove`;
      expect(refusalOf(await f.asMember.post(remove))).toEqual({ status: 403, code: "FORUM.MODERATORS_ONLY" });
      expect(titles(await f.asMember.get(`/api/v1/groups/${f.group.id}/threads`))).toEqual(["Starter too runny?"]);
      expect((await f.asModerator.post(remove)).status).toBe(204);
      expect(titles(await f.asMember.get(`/api/v1/groups/${f.group.id}/threads`))).toEqual([]);
      expect((await f.asMember.get(`/api/v1/threads/${f.threadId}/posts`)).status).toBe(404);

      const g = await forum();
      expect((await g.asOwner.post(`/api/v1/threads/${g.threadId}/remove`)).status).toBe(204);
    });

    it("takes reports of threads and replies from anyone who can read them (201)", async () => {
      const f = await forum();
      const thread = await f.asStranger.post(`/api/v1/threads/${f.threadId}/reports`, { reason: "Duplicate thread" });
      expect(thread.status).toBe(201);
      expect(thread.body).toEqual({ reportId: expect.any(String) });
      const post = await f.asStranger.post(`/api/v1/posts/${f.postId}/reports`, { reason: "Off topic" });
      expect(post.status).toBe(201);
      const bad = await f.asStranger.post(`/api/v1/posts/${f.postId}/reports`, { reason: "no", severity: 3 });
      expect(rejectedFields(bad).sort()).toEqual(["reason", "severity"]);
    });
  });

  it("asks a visitor to sign in", async () => {
    const f = await forum();
    for (const response of [
      await api.visitor.get(`/api/v1/groups/${f.group.id}/threads`),
      await api.visitor.post(`/api/v1/groups/${f.group.id}/threads`, { title: "Hello", body: "Hi" }),
      await api.visitor.get(`/api/v1/threads/${f.threadId}/posts`),
      await api.visitor.post(`/api/v1/threads/${f.threadId}/posts`, { body: "Hi" }),
      await api.visitor.patch(`/api/v1/threads/${f.threadId}`, { title: "Hello" }),
      await api.visitor.delete(`/api/v1/threads/${f.threadId}`),
      await api.visitor.patch(`/api/v1/posts/${f.postId}`, { body: "Hi" }),
      await api.visitor.delete(`/api/v1/posts/${f.postId}`),
      await api.visitor.post(`/api/v1/threads/${f.threadId}/pin`, { pinned: true }),
      await api.visitor.post(`/api/v1/threads/${f.threadId}/lock`, { locked: true }),
      await api.visitor.post(`/api/v1/threads/${f.threadId}/remove`),
      await api.visitor.post(`/api/v1/threads/${f.threadId}/reports`, { reason: "Spam here" }),
      await api.visitor.post(`/api/v1/posts/${f.postId}/reports`, { reason: "Spam here" }),
    ])
      expect(refusalOf(response)).toEqual({ status: 401, code: "AUTH.REQUIRED" });
  });
});
