import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  acceptedSwap,
  createTestCore,
  domainErrorOf,
  newPublicPerson,
  testProviders,
  type TestCore,
} from "../testing/index.js";
import { DomainError } from "../errors.js";
import type { Actor } from "./shared/actor.js";

type Person = Actor & { handle: string };

/**
 * "Not found" means not found: every use case that takes an id or a handle, asked by someone who may not see
 * that row, answers exactly as for a row that does not exist. Nothing confirms that a hidden profile, swap,
 * review, group, thread, post, community or proposal exists — and nothing is written.
 */
for (const provider of testProviders()) {
  describe(`rows someone may not see, on ${provider}`, () => {
    let core: TestCore;
    let ana: Person;
    let bea: Person;
    let outsider: Person;
    const rows = {
      swapId: "",
      conversationId: "",
      sessionId: "",
      reviewId: "",
      communityId: "",
      groupId: "",
      threadId: "",
      postId: "",
      userSkillId: "",
      proposalId: "",
    };

    beforeAll(async () => {
      core = await createTestCore(provider);
      const s = core.services;
      ({ ana, bea, swapId: rows.swapId, conversationId: rows.conversationId } = await acceptedSwap(core));
      outsider = await newPublicPerson(core, "outsider", { Chess: 4 });
      rows.communityId = (
        await s.communities.register({ platform: "discord", externalId: "g-hidden", name: "Inner" })
      ).communityId;
      await s.communities.syncMember({ communityId: rows.communityId, userId: ana.userId, role: "admin" });
      await s.communities.syncMember({ communityId: rows.communityId, userId: bea.userId });
      const session = await s.sessions.schedule(ana, rows.swapId, {
        startsAt: new Date(core.clock.now().getTime() + 3_600_000).toISOString(),
        mode: "online",
        skill: "Guitar",
      });
      rows.sessionId = session.id;
      core.clock.advance(3 * 3_600_000);
      await s.sessions.confirm(ana, session.id);
      await s.sessions.confirm(bea, session.id);
      rows.reviewId = (await s.reviews.submit(ana, rows.swapId, { rating: 5, text: "Great" })).id;
      const group = await s.groups.create(ana, { name: "Inner circle", communityId: rows.communityId });
      rows.groupId = group.id;
      const thread = await s.forums.startThread(ana, group.id, { title: "Members only", body: "Hello" });
      rows.threadId = thread.id;
      rows.postId = (await s.forums.reply(ana, thread.id, { body: "Again" })).id;
      const [skill] = await s.skills.listFor(ana, ana.handle);
      rows.userSkillId = skill?.id ?? "";
      rows.proposalId = (
        await s.skills.propose(bea, { name: "Lute tuning", category: "music", communityId: rows.communityId })
      ).id;
      await s.profiles.update(ana, { visibility: "private" });
      await s.profiles.update(bea, { visibility: "private" });
    }, 60_000);
    afterAll(() => core.close());

    it("answers every use case that takes an id or a handle with not found, as for a row that does not exist", async () => {
      const s = core.services;
      const o = outsider;
      const r = rows;
      const start = new Date(core.clock.now().getTime() + 86_400_000).toISOString();
      const attempts: Record<string, () => Promise<unknown>> = {
        "profiles.get": () => s.profiles.get(o, ana.handle),
        "skills.listFor": () => s.skills.listFor(o, ana.handle),
        "skills.update": () => s.skills.update(o, r.userSkillId, { level: 1 }),
        "skills.remove": () => s.skills.remove(o, r.userSkillId),
        "skills.reviewProposal": () => s.skills.reviewProposal(o, { skillId: r.proposalId, decision: "approve" }),
        "follows.follow": () => s.follows.follow(o, { handle: ana.handle }),
        "follows.followers": () => s.follows.followers(o, ana.handle),
        "follows.following": () => s.follows.following(o, ana.handle),
        "swaps.request": () => s.swaps.request(o, { to: ana.handle, want: "Guitar", offer: "Chess" }),
        "swaps.requestCycle": () =>
          s.swaps.requestCycle(o, {
            next: ana.handle,
            after: bea.handle,
            youTeach: "Chess",
            nextTeaches: "Guitar",
            afterTeaches: "Spanish",
          }),
        "swaps.get": () => s.swaps.get(o, r.swapId),
        "swaps.accept": () => s.swaps.accept(o, r.swapId),
        "swaps.decline": () => s.swaps.decline(o, r.swapId),
        "swaps.cancel": () => s.swaps.cancel(o, r.swapId),
        "swaps.complete": () => s.swaps.complete(o, r.swapId),
        "sessions.schedule": () => s.sessions.schedule(o, r.swapId, { startsAt: start, mode: "online" }),
        "sessions.listFor": () => s.sessions.listFor(o, r.swapId),
        "sessions.list": () => s.sessions.list(o, r.swapId),
        "sessions.reschedule": () => s.sessions.reschedule(o, r.sessionId, { startsAt: start }),
        "sessions.cancel": () => s.sessions.cancel(o, r.sessionId),
        "sessions.confirm": () => s.sessions.confirm(o, r.sessionId),
        "sessions.dispute": () => s.sessions.dispute(o, r.sessionId),
        "conversations.post": () => s.conversations.post(o, r.conversationId, { text: "Hello?" }),
        "conversations.list": () => s.conversations.list(o, r.conversationId),
        "conversations.follow": () => s.conversations.follow(o, r.conversationId, {}, AbortSignal.abort()),
        "conversations.bindChannel": () =>
          s.conversations.bindChannel({
            conversationId: r.conversationId,
            userId: o.userId,
            platform: "discord",
            externalChannelId: "thread-x",
          }),
        "reviews.submit": () => s.reviews.submit(o, r.swapId, { rating: 1 }),
        "reviews.edit": () => s.reviews.edit(o, r.reviewId, { text: "Changed" }),
        "reviews.reply": () => s.reviews.reply(o, r.reviewId, { text: "Thanks" }),
        "reviews.report": () => s.reviews.report(o, r.reviewId, { reason: "Not true" }),
        "reviews.listFor": () => s.reviews.listFor(o, bea.handle),
        "groups.create": () => s.groups.create(o, { name: "Borrowed", communityId: r.communityId }),
        "groups.join": () => s.groups.join(o, r.groupId),
        "groups.leave": () => s.groups.leave(o, r.groupId),
        "groups.members": () => s.groups.members(o, r.groupId),
        "groups.get": () => s.groups.get(o, r.groupId),
        "groups.setRole": () => s.groups.setRole(o, r.groupId, { handle: bea.handle, role: "moderator" }),
        "groups.transferOwnership": () => s.groups.transferOwnership(o, r.groupId, { handle: o.handle }),
        "forums.startThread": () => s.forums.startThread(o, r.groupId, { title: "Hello there", body: "Hi" }),
        "forums.threads": () => s.forums.threads(o, r.groupId),
        "forums.posts": () => s.forums.posts(o, r.threadId),
        "forums.reply": () => s.forums.reply(o, r.threadId, { body: "Me too" }),
        "forums.editThread": () => s.forums.editThread(o, r.threadId, { body: "Mine now" }),
        "forums.deleteThread": () => s.forums.deleteThread(o, r.threadId),
        "forums.pin": () => s.forums.pin(o, r.threadId),
        "forums.lock": () => s.forums.lock(o, r.threadId),
        "forums.remove": () => s.forums.remove(o, r.threadId),
        "forums.report thread": () => s.forums.report(o, { threadId: r.threadId }, { reason: "Off topic" }),
        "forums.report post": () => s.forums.report(o, { postId: r.postId }, { reason: "Off topic" }),
        "forums.editPost": () => s.forums.editPost(o, r.postId, { body: "Mine now" }),
        "forums.deletePost": () => s.forums.deletePost(o, r.postId),
        "communities.linkChannel": () =>
          s.communities.linkChannel(o, { communityId: r.communityId, channelId: "c", group: r.groupId, kind: "chat" }),
        "communities.unlinkChannel": () =>
          s.communities.unlinkChannel(o, { communityId: r.communityId, channelId: "c" }),
        "communities.setSwapsChannel": () =>
          s.communities.setSwapsChannel(o, { communityId: r.communityId, channelId: "c" }),
        "communities.auditLog": () => s.communities.auditLog(o, r.communityId),
        "communities.links": () => s.communities.links(o, r.communityId),
        "moderation.reports": () => s.moderation.reports(o, r.communityId),
        "moderation.resolveReport": () =>
          s.moderation.resolveReport(o, r.communityId, "any-report", { resolution: "resolved" }),
      };
      const db = core.database.db;
      const before = await Promise.all([db.report.count(), db.outboxEvent.count(), db.forumPost.count()]);
      const answers: Record<string, string> = {};
      for (const [name, attempt] of Object.entries(attempts))
        answers[name] = await attempt().then(
          () => "done",
          (error: unknown) => (error instanceof DomainError ? error.kind : String(error)),
        );
      expect(answers).toEqual(Object.fromEntries(Object.keys(attempts).map((name) => [name, "not_found"])));
      expect(await Promise.all([db.report.count(), db.outboxEvent.count(), db.forumPost.count()])).toEqual(before);
    });

    it("lets anyone block or report a person they cannot see, answering as for one they can", async () => {
      // The one exception, on purpose: someone harassed from a private profile (or by someone who blocked them
      // first) must be able to block and report them. The answer says nothing of who can see whom.
      const s = core.services;
      const visible = await newPublicPerson(core, "visible");
      expect(await s.moderation.block(outsider, { handle: ana.handle })).toEqual(
        await s.moderation.block(outsider, { handle: visible.handle }),
      );
      expect(
        (await s.moderation.report(outsider, { handle: ana.handle, reason: "Rude to me" })).reportIds,
      ).toHaveLength(1);
      await s.moderation.unblock(outsider, { handle: ana.handle });
    });

    it("still says forbidden to someone who can see the row but may not change it", async () => {
      const s = core.services;
      // Bea sees the group's thread (she is in the community and joins the group), but it is Ana's.
      await s.groups.join(bea, rows.groupId);
      expect((await domainErrorOf(() => s.forums.editThread(bea, rows.threadId, { body: "Mine" }))).kind).toBe(
        "forbidden",
      );
      expect(
        (
          await domainErrorOf(() =>
            s.communities.setSwapsChannel(bea, { communityId: rows.communityId, channelId: "c" }),
          )
        ).kind,
      ).toBe("forbidden");
    });
  });
}
