import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "./domain/shared/actor.js";
import { DomainError } from "./errors.js";
import { createTestCore, newPublicPerson, testProviders, type TestCore } from "./testing/index.js";

/**
 * Every use case that takes text, fed what people and platforms can send: any code point (NUL, other control
 * characters, lone surrogates, bidirectional overrides), very long strings, SQL and LIKE metacharacters, and
 * real values with such bytes appended. Whatever the database, a use case answers with a result or a domain
 * error — never a raw database or driver error.
 */

type Person = Actor & { handle: string };

interface World {
  readonly ana: Person;
  readonly bea: Person;
  readonly admin: Person;
  /** Someone whose own profile the fuzz may change freely. */
  readonly fuzzer: Person;
  readonly communityId: string;
  readonly swapId: string;
  readonly conversationId: string;
  readonly sessionId: string;
  readonly groupId: string;
  readonly threadId: string;
  readonly postId: string;
  readonly userSkillId: string;
}

type UseCase = (core: TestCore, world: World, text: string) => Promise<unknown>;

/** Each use case with text in one place at a time; the others hold valid values so the text goes deep. */
const useCases: Record<string, UseCase> = {
  "accounts.registerFromIdentity": (c, _w, t) =>
    c.services.accounts.registerFromIdentity({ provider: "discord", subject: t, username: t, displayName: t }),
  "accounts.registerFromIdentity tenant": (c, _w, t) =>
    c.services.accounts.registerFromIdentity({
      provider: "slack",
      tenantId: t,
      subject: "U1",
      username: "u",
      displayName: "U",
    }),
  "accounts.signUpWithEmail": (c, _w, t) =>
    c.services.accounts.signUpWithEmail({ email: `${t}@example.org`, password: `${t}password!`, displayName: t }),
  "accounts.authenticate": (c, _w, t) => c.services.accounts.authenticate({ email: t, password: t }),
  "accounts.actorForHandle": (c, _w, t) => c.services.accounts.actorForHandle(t),
  "accounts.redeemLoginLink": (c, _w, t) => c.services.accounts.redeemLoginLink(t),
  "accounts.verifyEmail": (c, _w, t) => c.services.accounts.verifyEmail(t),
  "accounts.requestPasswordReset": (c, _w, t) => c.services.accounts.requestPasswordReset({ email: t }),
  "accounts.resetPassword": (c, _w, t) => c.services.accounts.resetPassword({ token: t, password: `${t} passphrase` }),
  "accounts.changePassword": (c, w, t) =>
    c.services.accounts.changePassword(w.fuzzer, { currentPassword: t, newPassword: `${t} passphrase` }),
  "profiles.get": (c, w, t) => c.services.profiles.get(w.ana, t),
  "profiles.update text": (c, w, t) =>
    c.services.profiles.update(w.fuzzer, { displayName: t, bio: t, pronouns: t.slice(0, 40) }),
  "profiles.update handle": (c, w, t) => c.services.profiles.update(w.fuzzer, { handle: t }),
  "profiles.update place": (c, w, t) => c.services.profiles.update(w.fuzzer, { location: t, timeZone: t }),
  "profiles.update languages": (c, w, t) => c.services.profiles.update(w.fuzzer, { languages: [t] }),
  "profiles.deleteAccount": (c, w, t) => c.services.profiles.deleteAccount(w.fuzzer, t),
  "profiles.suggestCities": (c, _w, t) => Promise.resolve(c.services.profiles.suggestCities(t)),
  "skills.suggest": (c, _w, t) => c.services.skills.suggest(t),
  "skills.resolve": (c, w, t) => c.services.skills.resolve(w.ana, t),
  "skills.add": (c, w, t) => c.services.skills.add(w.fuzzer, { skill: t, direction: "teach", level: 3, notes: t }),
  "skills.update": (c, w, t) => c.services.skills.update(w.ana, w.userSkillId, { notes: t }),
  "skills.update id": (c, w, t) => c.services.skills.update(w.ana, t, { notes: "x" }),
  "skills.remove": (c, w, t) => c.services.skills.remove(w.fuzzer, t),
  "skills.listFor": (c, w, t) => c.services.skills.listFor(w.ana, t),
  "skills.setAvailability": (c, w, t) =>
    c.services.skills.setAvailability(w.fuzzer, { slots: [{ day: t, start: t, end: "20:00" }] }),
  "skills.propose": (c, w, t) =>
    c.services.skills.propose(w.admin, { name: t, category: t, communityId: w.communityId }),
  "search.people text": (c, w, t) => c.services.search.people(w.ana, { text: t }),
  "search.people filters": (c, w, t) =>
    c.services.search.people(w.ana, { text: "guitar", category: t, near: t, community: t, available: t }),
  "search.people cursor": (c, w, t) => c.services.search.people(w.ana, { text: "guitar", cursor: t }),
  "matching.teachersOf": (c, w, t) => c.services.matching.teachersOf(w.ana, { skill: t }),
  "swaps.request": (c, w, t) =>
    c.services.swaps.request(w.fuzzer, { to: t, want: t, offer: t, message: t, proposedTimes: [t] }),
  "swaps.request message": (c, w, t) =>
    c.services.swaps.request(w.ana, { to: w.bea.handle, want: "Spanish", offer: "Guitar", message: t }),
  "swaps.requestCycle": (c, w, t) =>
    c.services.swaps.requestCycle(w.ana, {
      next: t,
      after: w.bea.handle,
      youTeach: t,
      nextTeaches: t,
      afterTeaches: t,
    }),
  "swaps.get": (c, w, t) => c.services.swaps.get(w.ana, t),
  "swaps.decline": (c, w, t) => c.services.swaps.decline(w.bea, t, { reason: t }),
  "swaps.cancel": (c, w, t) => c.services.swaps.cancel(w.ana, t),
  "swaps.accept": (c, w, t) => c.services.swaps.accept(w.bea, t),
  "swaps.complete": (c, w, t) => c.services.swaps.complete(w.ana, t),
  "swaps.list": (c, w, t) => c.services.swaps.list(w.ana, { before: t }),
  "conversations.post": (c, w, t) =>
    c.services.conversations.post(w.ana, w.conversationId, { text: t, source: "discord", externalId: t }),
  "conversations.post id": (c, w, t) => c.services.conversations.post(w.ana, t, { text: "hello" }),
  "conversations.list": (c, w, t) => c.services.conversations.list(w.ana, t, { before: t }),
  "conversations.list after": (c, w, t) => c.services.conversations.list(w.ana, w.conversationId, { after: t }),
  "conversations.post key": (c, w, t) =>
    c.services.conversations.post(w.ana, w.conversationId, { text: "hello", idempotencyKey: t }),
  "conversations.mine": (c, w, t) => c.services.conversations.mine(w.ana, { cursor: t }),
  "conversations.bindChannel": (c, w, t) =>
    c.services.conversations.bindChannel({
      conversationId: w.conversationId,
      userId: w.ana.userId,
      platform: "discord",
      externalChannelId: t,
    }),
  "conversations.forChannel": (c, _w, t) => c.services.conversations.forChannel("discord", t),
  "sessions.schedule": (c, w, t) =>
    c.services.sessions.schedule(w.ana, w.swapId, { startsAt: t, mode: "online", place: t, skill: t }),
  "sessions.schedule id": (c, w, t) =>
    c.services.sessions.schedule(w.ana, t, { startsAt: "2030-01-01T10:00:00Z", mode: "online" }),
  "sessions.reschedule": (c, w, t) => c.services.sessions.reschedule(w.ana, w.sessionId, { startsAt: t, place: t }),
  "sessions.confirm": (c, w, t) => c.services.sessions.confirm(w.ana, t),
  "sessions.dispute": (c, w, t) => c.services.sessions.dispute(w.ana, t),
  "sessions.cancel": (c, w, t) => c.services.sessions.cancel(w.fuzzer, t),
  "sessions.listFor": (c, w, t) => c.services.sessions.listFor(w.ana, t),
  "sessions.list": (c, w, t) => c.services.sessions.list(w.ana, w.swapId, { cursor: t }),
  "reviews.submit": (c, w, t) => c.services.reviews.submit(w.ana, w.swapId, { rating: 5, text: t, about: t }),
  "reviews.submit id": (c, w, t) => c.services.reviews.submit(w.ana, t, { rating: 5 }),
  "reviews.edit": (c, w, t) => c.services.reviews.edit(w.ana, t, { text: t }),
  "reviews.reply": (c, w, t) => c.services.reviews.reply(w.bea, t, { text: t }),
  "reviews.report": (c, w, t) => c.services.reviews.report(w.bea, t, { reason: t }),
  "reviews.listFor": (c, w, t) => c.services.reviews.listFor(w.ana, t, { cursor: t }),
  "follows.follow": (c, w, t) => c.services.follows.follow(w.fuzzer, { handle: t }),
  "follows.unfollow": (c, w, t) => c.services.follows.unfollow(w.fuzzer, { handle: t }),
  "follows.followers": (c, w, t) => c.services.follows.followers(w.ana, t),
  "follows.following": (c, w, t) => c.services.follows.following(w.ana, t),
  "groups.create": (c, w, t) =>
    c.services.groups.create(w.fuzzer, { name: t, slug: t, description: t, category: t, communityId: t }),
  "groups.join": (c, w, t) => c.services.groups.join(w.fuzzer, t),
  "groups.leave": (c, w, t) => c.services.groups.leave(w.fuzzer, t),
  "groups.setRole": (c, w, t) => c.services.groups.setRole(w.ana, w.groupId, { handle: t, role: "moderator" }),
  "groups.transferOwnership": (c, w, t) => c.services.groups.transferOwnership(w.fuzzer, t, { handle: t }),
  "groups.members": (c, w, t) => c.services.groups.members(w.ana, t),
  "groups.list": (c, w, t) => c.services.groups.list(w.ana, { communityId: t }),
  "forums.startThread": (c, w, t) =>
    c.services.forums.startThread(w.ana, w.groupId, { title: t, body: t, source: "discord", externalId: t }),
  "forums.startThread group": (c, w, t) =>
    c.services.forums.startThread(w.ana, t, { title: "A title", body: "A body" }),
  "forums.reply": (c, w, t) => c.services.forums.reply(w.ana, w.threadId, { body: t }),
  "forums.reply thread": (c, w, t) => c.services.forums.reply(w.ana, t, { body: "hi" }),
  "forums.editPost": (c, w, t) => c.services.forums.editPost(w.ana, w.postId, { body: t }),
  "forums.editThread": (c, w, t) => c.services.forums.editThread(w.ana, w.threadId, { title: t, body: t }),
  "forums.deletePost": (c, w, t) => c.services.forums.deletePost(w.fuzzer, t),
  "forums.deleteThread": (c, w, t) => c.services.forums.deleteThread(w.fuzzer, t),
  "forums.report": (c, w, t) => c.services.forums.report(w.bea, { threadId: t }, { reason: t }),
  "forums.threads": (c, w, t) => c.services.forums.threads(w.ana, t),
  "forums.posts": (c, w, t) => c.services.forums.posts(w.ana, t, { cursor: t }),
  "forums.pin": (c, w, t) => c.services.forums.pin(w.ana, t),
  "communities.register": (c, _w, t) =>
    c.services.communities.register({ platform: "discord", externalId: t, name: t }),
  "communities.syncMember": (c, w, t) =>
    c.services.communities.syncMember({ communityId: t, userId: w.fuzzer.userId, role: "member" }),
  "communities.removeMember": (c, w, t) =>
    c.services.communities.removeMember({ communityId: w.communityId, userId: t }),
  "communities.linkChannel": (c, w, t) =>
    c.services.communities.linkChannel(w.admin, { communityId: w.communityId, channelId: t, group: t, kind: "chat" }),
  "communities.unlinkChannel": (c, w, t) =>
    c.services.communities.unlinkChannel(w.admin, { communityId: t, channelId: t }),
  "communities.setSwapsChannel": (c, w, t) =>
    c.services.communities.setSwapsChannel(w.admin, { communityId: w.communityId, channelId: t }),
  "communities.links": (c, w, t) => c.services.communities.links(w.admin, t),
  "communities.auditLog": (c, w, t) => c.services.communities.auditLog(w.admin, t),
  "communities.auditLog cursor": (c, w, t) => c.services.communities.auditLog(w.admin, w.communityId, { cursor: t }),
  "groups.get": (c, w, t) => c.services.groups.get(w.ana, t),
  "groups.browse": (c, w, t) => c.services.groups.browse(w.ana, { communityId: t, cursor: t }),
  "follows.feed": (c, w, t) => c.services.follows.feed(w.ana, { cursor: t }),
  "forums.threads cursor": (c, w, t) => c.services.forums.threads(w.ana, w.groupId, { cursor: t }),
  "moderation.blocks": (c, w, t) => c.services.moderation.blocks(w.fuzzer, { cursor: t }),
  "moderation.reports": (c, w, t) => c.services.moderation.reports(w.admin, t, { cursor: t }),
  "moderation.resolveReport": (c, w, t) =>
    c.services.moderation.resolveReport(w.admin, w.communityId, t, { resolution: "dismissed" }),
  "moderation.block": (c, w, t) => c.services.moderation.block(w.fuzzer, { handle: t }),
  "moderation.unblock": (c, w, t) => c.services.moderation.unblock(w.fuzzer, { handle: t }),
  "moderation.report": (c, w, t) => c.services.moderation.report(w.fuzzer, { handle: t, reason: t }),
  "relays.linkedChannel": (c, _w, t) => c.services.relays.linkedChannel("discord", t),
  "relays.forumThreadForChannel": (c, _w, t) => c.services.relays.forumThreadForChannel("discord", t),
  "relays.swapOpening": (c, _w, t) => c.services.relays.swapOpening(t, "discord"),
  "relays.message": (c, _w, t) => c.services.relays.message(t),
  "relays.bindForumThread": (c, w, t) =>
    c.services.relays.bindForumThread({ threadId: w.threadId, platform: "discord", parentChannelId: t, channelId: t }),
  "inbox.claim": (c, _w, t) => c.services.inbox.claim("discord", t),
};

// What is sent: arbitrary code points (lone surrogates and NUL included), graphemes, and the usual suspects.
const nasty = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "guitar\u0000",
    "\u202Eevil\u202C",
    "\u2066iso\u2069",
    "bell\u0007",
    "two\nlines",
    "tab\there",
    "\uD800",
    "😀",
    "",
    "   ",
    "%",
    "_",
    '\'; DROP TABLE "User"; --',
    "\\",
    "1e20",
    "-1",
    "x".repeat(12_000),
  ),
);

for (const provider of testProviders()) {
  describe(`text fuzzing on ${provider}`, () => {
    let core: TestCore;
    let world: World;
    const runs = provider === "sqlite" ? 60 : 25;

    beforeAll(async () => {
      core = await createTestCore(provider);
      const ana = await newPublicPerson(core, "ana", { Guitar: 4 });
      const bea = await newPublicPerson(core, "bea", { Spanish: 5 });
      const admin = await newPublicPerson(core, "admin");
      const fuzzer = await newPublicPerson(core, "fuzzer", { Chess: 3 });
      await core.services.skills.add(ana, { skill: "Spanish", direction: "learn", level: 2 });
      const { communityId } = await core.services.communities.register({
        platform: "discord",
        externalId: "guild-fuzz",
        name: "Fuzz",
      });
      for (const [person, role] of [
        [ana, "member"],
        [bea, "member"],
        [admin, "admin"],
        [fuzzer, "member"],
      ] as const)
        await core.services.communities.syncMember({ communityId, userId: person.userId, role });
      const asked = await core.services.swaps.request(ana, { to: bea.handle, want: "Spanish", offer: "Guitar" });
      const accepted = await core.services.swaps.accept(bea, asked.id);
      const session = await core.services.sessions.schedule(ana, asked.id, {
        startsAt: new Date(core.clock.now().getTime() + 86_400_000).toISOString(),
        mode: "online",
        skill: "Guitar",
      });
      const group = await core.services.groups.create(ana, { name: "Fuzz circle" });
      const thread = await core.services.forums.startThread(ana, group.id, { title: "First", body: "Hello" });
      const post = await core.services.forums.reply(ana, thread.id, { body: "Again" });
      const [skill] = await core.services.skills.listFor(ana, ana.handle);
      world = {
        ana,
        bea,
        admin,
        fuzzer,
        communityId,
        swapId: asked.id,
        conversationId: accepted.conversationId ?? "",
        sessionId: session.id,
        groupId: group.id,
        threadId: thread.id,
        postId: post.id,
        userSkillId: skill?.id ?? "",
      };
    }, 60_000);
    afterAll(() => core.close());

    it(`answers ${Object.keys(useCases).length} use cases with a result or a domain error, never a raw error (${runs} inputs each)`, async () => {
      const raw: string[] = [];
      await fc.assert(
        fc.asyncProperty(nasty, async (text) => {
          for (const [name, useCase] of Object.entries(useCases))
            for (const input of [text, `${world.bea.handle}${text}`])
              try {
                await useCase(core, world, input);
              } catch (error) {
                if (!(error instanceof DomainError)) raw.push(`${name}(${JSON.stringify(input)}): ${String(error)}`);
              }
          expect(raw).toEqual([]);
        }),
        { numRuns: runs },
      );
    }, 300_000);
  });
}
