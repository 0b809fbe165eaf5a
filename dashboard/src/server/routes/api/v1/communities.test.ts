import type { Actor } from "@skillswap/core";
import { newCommunity, newPerson, testProviders } from "@skillswap/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type ApiClient, type ApiHarness, type ApiResponse } from "../../../testing/api-harness.js";
import { refusalOf, rejectedFields } from "../../../testing/responses.js";

type Person = Actor & { handle: string };
interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}
interface Report {
  readonly id: string;
  readonly status: string;
  readonly reason: string;
}

describe.each(testProviders())("community admin pages over HTTP (%s)", (provider) => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi(provider);
  });
  afterAll(() => api.close());

  /** A community with an admin, a member and a group of its own; an admin of another community; an outsider. */
  async function community() {
    const [admin, member, otherAdmin, outsider] = (await Promise.all(
      ["admin", "member", "otheradmin", "outsider"].map((n) => newPerson(api.core, n)),
    )) as [Person, Person, Person, Person];
    const id = await newCommunity(api.core, [member], [admin]);
    const otherId = await newCommunity(api.core, [], [otherAdmin]);
    const group = await api.core.services.groups.create(admin, { name: `Guild hall ${id}`, communityId: id });
    return {
      id,
      otherId,
      group,
      member,
      asAdmin: await api.as(admin),
      asMember: await api.as(member),
      asOtherAdmin: await api.as(otherAdmin),
      asOutsider: await api.as(outsider),
    };
  }

  /** The same request from a member (403), an admin of another community and an outsider (404 both). */
  async function expectAdminsOnly(
    c: Awaited<ReturnType<typeof community>>,
    send: (client: ApiClient) => Promise<ApiResponse>,
  ) {
    expect(refusalOf(await send(c.asMember))).toEqual({ status: 403, code: "COMMUNITY.ADMIN_ONLY" });
    expect(refusalOf(await send(c.asOtherAdmin))).toEqual({ status: 404, code: "COMMUNITY.NOT_FOUND" });
    expect(refusalOf(await send(c.asOutsider))).toEqual({ status: 404, code: "COMMUNITY.NOT_FOUND" });
  }

  it("lists the communities I am in with my role in each", async () => {
    const c = await community();
    const mine = await c.asAdmin.get("/api/v1/communities");
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual([
      { id: c.id, platform: "discord", name: expect.any(String), swapsChannelId: null, role: "admin" },
    ]);
    expect(((await c.asMember.get("/api/v1/communities")).body as { role: string }[]).map((m) => m.role)).toEqual([
      "member",
    ]);
    expect((await c.asOutsider.get("/api/v1/communities")).body).toEqual([]);
  });

  describe("channel links", () => {
    it("let an admin link a channel (201), list it and unlink it (204)", async () => {
      const c = await community();
      const linked = await c.asAdmin.post(`/api/v1/communities/${c.id}/links`, {
        channelId: "ch-1",
        group: c.group.slug,
        kind: "forum",
      });
      expect(linked.status).toBe(201);
      expect(linked.body).toEqual({
        channelId: "ch-1",
        platform: "discord",
        kind: "forum",
        group: { id: c.group.id, slug: c.group.slug, name: c.group.name },
      });
      expect((await c.asAdmin.get(`/api/v1/communities/${c.id}/links`)).body).toEqual([linked.body]);
      expect((await c.asAdmin.delete(`/api/v1/communities/${c.id}/links/ch-1`)).status).toBe(204);
      expect((await c.asAdmin.get(`/api/v1/communities/${c.id}/links`)).body).toEqual([]);
      expect(refusalOf(await c.asAdmin.delete(`/api/v1/communities/${c.id}/links/ch-1`))).toEqual({
        status: 404,
        code: "COMMUNITY.NOT_LINKED",
      });
    });

    it("name every rejected field of a link", async () => {
      const c = await community();
      const response = await c.asAdmin.post(`/api/v1/communities/${c.id}/links`, {
        channelId: "",
        group: c.group.slug,
        kind: "voice",
        communityId: c.otherId,
      });
      expect(response.status).toBe(400);
      expect(rejectedFields(response).sort()).toEqual(["channelId", "communityId", "kind"]);
    });

    it("are its admins' only: a member is refused (403), others learn nothing of the community (404)", async () => {
      const c = await community();
      await expectAdminsOnly(c, (client) => client.get(`/api/v1/communities/${c.id}/links`));
      await expectAdminsOnly(c, (client) =>
        client.post(`/api/v1/communities/${c.id}/links`, { channelId: "x", group: c.group.slug, kind: "chat" }),
      );
      await expectAdminsOnly(c, (client) => client.delete(`/api/v1/communities/${c.id}/links/x`));
    });
  });

  describe("the swaps channel and the audit log", () => {
    it("let an admin set the swaps channel (204), which members then see, and page what admins did", async () => {
      const c = await community();
      for (const channelId of ["swaps-1", "swaps-2"]) {
        api.core.clock.advance(1000);
        expect((await c.asAdmin.put(`/api/v1/communities/${c.id}/swaps-channel`, { channelId })).status).toBe(204);
      }
      expect((await c.asMember.get("/api/v1/communities")).body).toEqual([
        expect.objectContaining({ id: c.id, swapsChannelId: "swaps-2" }),
      ]);
      const first = await c.asAdmin.get(`/api/v1/communities/${c.id}/audit-log?limit=1`);
      expect(first.status).toBe(200);
      const page = first.body as Page<{ action: string; targetId: string; actor: string }>;
      expect(page.items).toEqual([
        expect.objectContaining({ action: "swaps_channel.set", targetId: "swaps-2", createdAt: expect.any(String) }),
      ]);
      const rest = await c.asAdmin.get(
        `/api/v1/communities/${c.id}/audit-log?limit=1&cursor=${encodeURIComponent(page.nextCursor ?? "")}`,
      );
      expect((rest.body as typeof page).items.map((e) => e.targetId)).toEqual(["swaps-1"]);
      expect(rejectedFields(await c.asAdmin.get(`/api/v1/communities/${c.id}/audit-log?cursor=x`))).toEqual(["cursor"]);
    });

    it("refuse a swaps channel that is not text, naming it", async () => {
      const c = await community();
      const response = await c.asAdmin.put(`/api/v1/communities/${c.id}/swaps-channel`, { channelId: 12 });
      expect(response.status).toBe(400);
      expect(rejectedFields(response)).toEqual(["channelId"]);
    });

    it("are its admins' only", async () => {
      const c = await community();
      await expectAdminsOnly(c, (client) =>
        client.put(`/api/v1/communities/${c.id}/swaps-channel`, { channelId: "mine" }),
      );
      await expectAdminsOnly(c, (client) => client.get(`/api/v1/communities/${c.id}/audit-log`));
    });
  });

  describe("reports", () => {
    it("show an admin the reports filed in the community, and let them resolve or dismiss each once", async () => {
      const c = await community();
      const troll = await newPerson(api.core, "troll");
      await api.core.services.communities.syncMember({ communityId: c.id, userId: troll.userId });
      await c.asMember.post("/api/v1/reports", { handle: troll.handle, reason: "Spamming invites" });
      const open = await c.asAdmin.get(`/api/v1/communities/${c.id}/reports?status=open`);
      const [report] = (open.body as Page<Report>).items;
      expect(report).toMatchObject({ reason: "Spamming invites", status: "open", subject: { handle: troll.handle } });
      const url = `/api/v1/communities/${c.id}/reports/${report?.id ?? ""}/resolve`;
      expect(rejectedFields(await c.asAdmin.post(url, { resolution: "ignored" }))).toEqual(["resolution"]);
      const resolved = await c.asAdmin.post(url, { resolution: "dismissed" });
      expect(resolved.status).toBe(200);
      expect(resolved.body).toMatchObject({ id: report?.id, status: "dismissed", resolvedAt: expect.any(String) });
      expect(refusalOf(await c.asAdmin.post(url, { resolution: "resolved" }))).toEqual({
        status: 409,
        code: "REPORT.CLOSED",
      });
      expect((await c.asAdmin.get(`/api/v1/communities/${c.id}/reports?status=open`)).body).toEqual({
        items: [],
        nextCursor: null,
      });
      expect(rejectedFields(await c.asAdmin.get(`/api/v1/communities/${c.id}/reports?status=closed`))).toEqual([
        "status",
      ]);
    });

    it("are its admins' only, and a report of one community is not found through another", async () => {
      const c = await community();
      const troll = await newPerson(api.core, "troll");
      await api.core.services.communities.syncMember({ communityId: c.id, userId: troll.userId });
      await c.asMember.post("/api/v1/reports", { handle: troll.handle, reason: "Spamming invites" });
      const [report] = ((await c.asAdmin.get(`/api/v1/communities/${c.id}/reports`)).body as Page<Report>).items;
      await expectAdminsOnly(c, (client) => client.get(`/api/v1/communities/${c.id}/reports`));
      await expectAdminsOnly(c, (client) =>
        client.post(`/api/v1/communities/${c.id}/reports/${report?.id ?? ""}/resolve`, { resolution: "dismissed" }),
      );
      expect(
        refusalOf(
          await c.asOtherAdmin.post(`/api/v1/communities/${c.otherId}/reports/${report?.id ?? ""}/resolve`, {
            resolution: "dismissed",
          }),
        ),
      ).toEqual({ status: 404, code: "REPORT.NOT_FOUND" });
    });
  });

  it("asks a visitor to sign in", async () => {
    const c = await community();
    for (const response of [
      await api.visitor.get("/api/v1/communities"),
      await api.visitor.get(`/api/v1/communities/${c.id}/links`),
      await api.visitor.post(`/api/v1/communities/${c.id}/links`, { channelId: "x", group: "g", kind: "chat" }),
      await api.visitor.delete(`/api/v1/communities/${c.id}/links/x`),
      await api.visitor.put(`/api/v1/communities/${c.id}/swaps-channel`, { channelId: "x" }),
      await api.visitor.get(`/api/v1/communities/${c.id}/audit-log`),
      await api.visitor.get(`/api/v1/communities/${c.id}/reports`),
      await api.visitor.post(`/api/v1/communities/${c.id}/reports/r/resolve`, { resolution: "resolved" }),
    ])
      expect(refusalOf(response)).toEqual({ status: 401, code: "AUTH.REQUIRED" });
  });
});
