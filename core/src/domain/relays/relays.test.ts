import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  acceptedSwap,
  createTestCore,
  newCommunity,
  newPerson,
  testProviders,
  type TestCore,
} from "../../testing/index.js";
import { channelsAnnouncingSession, chooseSwapsChannel, type SessionSharer } from "./rules.js";

describe("where a swap's private thread opens", () => {
  const channel = (communityId: string, memberIds: string[]) => ({
    communityId,
    externalCommunityId: `guild-${communityId}`,
    channelId: `swaps-${communityId}`,
    memberIds,
  });

  it("picks the community holding the most participants, the earliest on a tie", () => {
    const candidates = [channel("a", ["ana"]), channel("b", ["ana", "bea"]), channel("c", ["ana", "bea"])];
    expect(chooseSwapsChannel(candidates, ["ana", "bea"])?.communityId).toBe("b");
  });

  it("reaches only participants on the platform, and nobody without a swaps channel", () => {
    expect(chooseSwapsChannel([channel("a", ["ana", "cy"])], ["ana"])?.memberIds).toEqual(["ana"]);
    expect(chooseSwapsChannel([], ["ana"])).toBeNull();
  });
});

describe("where an upcoming session is announced", () => {
  const sharer = (userId: string, visibility: SessionSharer["visibility"] = "public"): SessionSharer => ({
    userId,
    sharesSessions: true,
    visibility,
    communityIds: ["guild"],
  });
  const chat = (groupId: string, memberIds: string[], groupCategoryId: string | null = null) => ({
    channelId: `chat-${groupId}`,
    communityId: "guild",
    groupId,
    groupCategoryId,
    memberIds,
  });
  const session = (participants: SessionSharer[], upcoming = true) => ({
    upcoming,
    skillCategoryId: "music",
    participants,
  });

  it("announces in the chat channels of groups both people belong to", () => {
    const channels = [chat("circle", ["ana", "bea"]), chat("ana-only", ["ana"])];
    expect(channelsAnnouncingSession(session([sharer("ana"), sharer("bea")]), channels)).toEqual([channels[0]]);
  });

  it("announces nothing unless everyone in the session opted in", () => {
    const shy = { ...sharer("bea"), sharesSessions: false };
    expect(channelsAnnouncingSession(session([sharer("ana"), shy]), [chat("circle", ["ana", "bea"])])).toEqual([]);
  });

  it("never shows a private profile, and a communities profile only to its own communities", () => {
    const channels = [chat("circle", ["ana", "bea"])];
    expect(channelsAnnouncingSession(session([sharer("ana"), sharer("bea", "private")]), channels)).toEqual([]);
    const elsewhere = { ...sharer("bea", "communities"), communityIds: ["another-guild"] };
    expect(channelsAnnouncingSession(session([sharer("ana"), elsewhere]), channels)).toEqual([]);
    expect(channelsAnnouncingSession(session([sharer("ana"), sharer("bea", "communities")]), channels)).toEqual(
      channels,
    );
  });

  it("keeps a group with a category to sessions on its skills", () => {
    const people = [sharer("ana"), sharer("bea")];
    const music = chat("music", ["ana", "bea"], "music");
    const languages = chat("languages", ["ana", "bea"], "languages");
    expect(channelsAnnouncingSession(session(people), [music, languages])).toEqual([music]);
  });

  it("announces nothing once the session is no longer coming up", () => {
    expect(
      channelsAnnouncingSession(session([sharer("ana"), sharer("bea")], false), [chat("c", ["ana", "bea"])]),
    ).toEqual([]);
  });
});

describe.each(testProviders())("relays on %s", (provider) => {
  let core: TestCore;
  beforeAll(async () => {
    core = await createTestCore(provider);
  });
  afterAll(() => core.close());

  it("opens a swap's thread in the swaps channel of a community both people share", async () => {
    const { ana, bea, conversationId, swapId } = await acceptedSwap(core, ["ana", "bea"]);
    const communityId = await newCommunity(core, [bea], [ana]);
    const before = await core.services.relays.swapOpening(conversationId, "discord");
    expect(before?.swapsChannel).toBeNull();

    await core.services.communities.setSwapsChannel(ana, { communityId, channelId: "swaps-1" });
    const opening = await core.services.relays.swapOpening(conversationId, "discord");
    expect(opening).toMatchObject({
      swapId,
      swapsChannel: { communityId, channelId: "swaps-1", memberIds: expect.arrayContaining([ana.userId, bea.userId]) },
    });
    expect(opening?.participants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: ana.userId, teaches: "Guitar", learns: "Spanish" }),
        expect.objectContaining({ userId: bea.userId, teaches: "Spanish", learns: "Guitar" }),
      ]),
    );
    expect(opening?.participants.every((p) => p.platformUserId !== null)).toBe(true);
    expect(await core.services.relays.conversationOfSwap(swapId)).toBe(conversationId);
    expect(await core.services.relays.swapOpening(conversationId, "slack")).toMatchObject({ swapsChannel: null });
  });

  it("hands a DM carrying several swaps to the newest one still open, and forgets channels of ended swaps", async () => {
    const first = await acceptedSwap(core, ["cleo", "dan"]);
    const second = await acceptedSwap(core, ["cleo2", "dan2"]);
    const dm = { platform: "discord" as const, externalChannelId: "dm-of-someone" };
    await core.services.conversations.bindChannel({ ...dm, conversationId: first.conversationId, userId: null });
    await core.services.conversations.bindChannel({ ...dm, conversationId: second.conversationId, userId: null });
    expect(await core.services.conversations.forChannel("discord", dm.externalChannelId)).toBe(second.conversationId);

    await core.services.relays.archiveChannel({ ...dm, conversationId: second.conversationId });
    await core.services.relays.archiveChannel({ ...dm, conversationId: second.conversationId });
    expect(await core.services.conversations.forChannel("discord", dm.externalChannelId)).toBe(first.conversationId);
    expect(await core.services.conversations.channelsOf(second.conversationId)).toEqual([]);
    expect(await core.services.conversations.channelsOf(first.conversationId)).toHaveLength(1);
  });

  it("reads an upcoming session for its group's chat channels once both people share their sessions", async () => {
    const { ana, bea, swapId } = await acceptedSwap(core, ["eva", "finn"]);
    const communityId = await newCommunity(core, [bea], [ana]);
    const group = await core.services.groups.create(ana, { name: "Strummers", communityId, category: "music" });
    await core.services.groups.join(bea, group.slug);
    const link = { communityId, group: group.slug, kind: "chat" as const };
    await core.services.communities.linkChannel(ana, { ...link, channelId: "strummers-chat" });
    const inTwoHours = new Date(core.clock.now().getTime() + 2 * 60 * 60 * 1000);
    const session = await core.services.sessions.schedule(ana, swapId, {
      startsAt: inTwoHours.toISOString(),
      mode: "in_person",
      place: "12 rue de la Paix",
      skill: "Guitar",
    });
    expect((await core.services.profiles.me(ana)).shareSessions).toBe(false);
    expect(await core.services.relays.sessionAnnouncement(session.id, "discord")).toMatchObject({ channels: [] });

    await core.services.profiles.update(ana, { shareSessions: true });
    await core.services.profiles.update(bea, { shareSessions: true });
    const announcement = await core.services.relays.sessionAnnouncement(session.id, "discord");
    expect(announcement).toEqual({
      sessionId: session.id,
      skill: "Guitar",
      teacherNames: ["eva"],
      learnerNames: ["finn"],
      startsAt: inTwoHours,
      durationMinutes: 60,
      mode: "in_person",
      channels: [{ channelId: "strummers-chat", groupName: "Strummers" }],
    });
    expect(JSON.stringify(announcement)).not.toContain("rue de la Paix");
    expect(await core.services.relays.sessionAnnouncement(session.id, "slack")).toMatchObject({ channels: [] });

    await core.services.sessions.cancel(bea, session.id);
    expect(await core.services.relays.sessionAnnouncement(session.id, "discord")).toMatchObject({ channels: [] });
    expect(await core.services.relays.sessionAnnouncement("no-such-session", "discord")).toBeNull();
  });

  it("remembers where a forum thread was mirrored, and finds the thread from either platform thread", async () => {
    const maya = await newPerson(core, "Maya");
    const group = await core.services.groups.create(maya, { name: "Guitar Circle" });
    const thread = await core.services.forums.startThread(maya, group.id, { title: "Strings?", body: "Which ones?" });
    const relays = core.services.relays;
    expect(await relays.forumThreadChannels(thread.id, "discord")).toEqual([]);

    await relays.bindForumThread({ threadId: thread.id, platform: "discord", parentChannelId: "f1", channelId: "t1" });
    await relays.bindForumThread({ threadId: thread.id, platform: "discord", parentChannelId: "f1", channelId: "t1" });
    expect(await relays.forumThreadChannels(thread.id, "discord")).toEqual([
      { parentChannelId: "f1", channelId: "t1" },
    ]);
    expect(await relays.forumThreadForChannel("discord", "t1")).toEqual({ threadId: thread.id, groupId: group.id });

    const fromDiscord = await core.services.forums.startThread(maya, group.id, {
      title: "Tuning",
      body: "Drop D?",
      source: "discord",
      externalId: "t2",
    });
    expect(await relays.forumThreadForChannel("discord", "t2")).toEqual({
      threadId: fromDiscord.id,
      groupId: group.id,
    });
    expect(await relays.forumThreadChannels(fromDiscord.id, "discord")).toEqual([
      { parentChannelId: null, channelId: "t2" },
    ]);
    expect(await relays.forumThreadForChannel("discord", "elsewhere")).toBeNull();
  });
});
