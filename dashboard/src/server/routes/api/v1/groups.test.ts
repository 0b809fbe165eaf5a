import { newCommunity, newPerson, testProviders } from "@skillswap/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type ApiHarness, type ApiResponse } from "../../../testing/api-harness.js";
import { refusalOf, rejectedFields } from "../../../testing/responses.js";

interface Group {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly communityId: string | null;
  readonly members: number;
  readonly myRole?: string | null;
}
interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}
interface Member {
  readonly handle: string;
  readonly role: string;
}

const groupOf = (response: ApiResponse) => response.body as Group;
const rolesOf = (response: ApiResponse) => (response.body as Page<Member>).items.map((m) => [m.handle, m.role]);

describe.each(testProviders())("groups over HTTP (%s)", (provider) => {
  let api: ApiHarness;
  let counter = 0;

  beforeAll(async () => {
    api = await startApi(provider);
  });
  afterAll(() => api.close());

  /** A group owned by a new person, with a second person in it. */
  async function ownedGroup(communityId?: string) {
    counter += 1;
    const owner = await newPerson(api.core, "owner");
    const member = await newPerson(api.core, "member");
    const asOwner = await api.as(owner);
    const created = await asOwner.post("/api/v1/groups", {
      name: `Knitting circle ${counter}`,
      ...(communityId === undefined ? {} : { communityId }),
    });
    expect(created.status).toBe(201);
    const group = groupOf(created);
    const asMember = await api.as(member);
    expect((await asMember.post(`/api/v1/groups/${group.id}/join`)).status).toBe(200);
    return { owner, member, asOwner, asMember, group };
  }

  describe("starting and finding groups", () => {
    it("answers 201 with the group and its id, which its creator owns and others can find by id or slug", async () => {
      const owner = await newPerson(api.core, "owner");
      const asOwner = await api.as(owner);
      const created = await asOwner.post("/api/v1/groups", { name: "Sourdough bakers", category: "music" });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        id: expect.any(String),
        slug: "sourdough-bakers",
        members: 1,
        communityId: null,
        myRole: "owner",
      });
      const mine = await asOwner.get(`/api/v1/groups/${groupOf(created).id}`);
      expect(mine.body).toMatchObject({ name: "Sourdough bakers", myRole: "owner" });
      const asOther = await api.as(await newPerson(api.core, "other"));
      expect((await asOther.get("/api/v1/groups/sourdough-bakers")).body).toMatchObject({ myRole: null });
    });

    it("names every rejected field of a group, and refuses one it does not know", async () => {
      const asOwner = await api.as(await newPerson(api.core, "owner"));
      const response = await asOwner.post("/api/v1/groups", { name: "x", slug: "Bad Slug!", isOfficial: true });
      expect(response.status).toBe(400);
      expect(rejectedFields(response).sort()).toEqual(["isOfficial", "name", "slug"]);
      expect(rejectedFields(await asOwner.post("/api/v1/groups", { name: 42 }))).toEqual(["name"]);
    });

    it("lists the groups I may see in name order, a page at a time, my community's only to its members", async () => {
      const insider = await newPerson(api.core, "insider");
      const outsider = await newPerson(api.core, "outsider");
      const community = await newCommunity(api.core, [insider]);
      const asInsider = await api.as(insider);
      for (const name of ["Zebra finches", "Aardvark fans"])
        expect((await asInsider.post("/api/v1/groups", { name, communityId: community })).status).toBe(201);
      const first = await asInsider.get(`/api/v1/groups?communityId=${community}&limit=1`);
      const page = first.body as Page<Group>;
      expect(page.items.map((g) => g.name)).toEqual(["Aardvark fans"]);
      const rest = await asInsider.get(
        `/api/v1/groups?communityId=${community}&limit=1&cursor=${encodeURIComponent(page.nextCursor ?? "")}`,
      );
      expect((rest.body as Page<Group>).items.map((g) => g.name)).toEqual(["Zebra finches"]);

      const asOutsider = await api.as(outsider);
      expect((await asOutsider.get(`/api/v1/groups?communityId=${community}`)).body).toEqual({
        items: [],
        nextCursor: null,
      });
      const hidden = page.items[0]?.id ?? "";
      for (const response of [
        await asOutsider.get(`/api/v1/groups/${hidden}`),
        await asOutsider.post(`/api/v1/groups/${hidden}/join`),
        await asOutsider.get(`/api/v1/groups/${hidden}/members`),
      ])
        expect(refusalOf(response)).toEqual({ status: 404, code: "GROUP.NOT_FOUND" });
      expect(rejectedFields(await asInsider.get("/api/v1/groups?limit=many"))).toEqual(["limit"]);
    });

    it("tells each person their own role in every group of the list: owner, member, or none", async () => {
      const { owner, member, asOwner, asMember, group } = await ownedGroup();
      const community = await newCommunity(api.core, [owner, member]);
      expect(
        (await asMember.post("/api/v1/groups", { name: `Members' own ${counter}`, communityId: community })).status,
      ).toBe(201);
      expect(
        (await asOwner.post("/api/v1/groups", { name: `Owners' own ${counter}`, communityId: community })).status,
      ).toBe(201);
      const asStranger = await api.as(await newPerson(api.core, "stranger"));
      const rolesIn = async (as: typeof asOwner, query: string) =>
        ((await as.get(`/api/v1/groups?${query}`)).body as Page<Group>).items.map((g) => [g.name, g.myRole]);

      expect(await rolesIn(asOwner, `communityId=${community}`)).toEqual([
        [`Members' own ${counter}`, null],
        [`Owners' own ${counter}`, "owner"],
      ]);
      expect(await rolesIn(asMember, `communityId=${community}`)).toEqual([
        [`Members' own ${counter}`, "owner"],
        [`Owners' own ${counter}`, null],
      ]);
      const seenByEach = await Promise.all(
        [asOwner, asMember, asStranger].map(async (as) => {
          const found = await rolesIn(as, "limit=100");
          return found.find(([name]) => name === group.name)?.[1];
        }),
      );
      expect(seenByEach).toEqual(["owner", "member", null]);
    });

    it("answers a join with my role and the new head count, so a list can show me in the group", async () => {
      const { group } = await ownedGroup();
      const asNewcomer = await api.as(await newPerson(api.core, "newcomer"));
      const joined = await asNewcomer.post(`/api/v1/groups/${group.id}/join`);
      expect(joined.status).toBe(200);
      expect(joined.body).toMatchObject({ id: group.id, members: 3, myRole: "member" });
    });

    it("asks a visitor to sign in", async () => {
      const { group } = await ownedGroup();
      for (const response of [
        await api.visitor.get("/api/v1/groups"),
        await api.visitor.post("/api/v1/groups", { name: "Sneaky" }),
        await api.visitor.get(`/api/v1/groups/${group.id}`),
        await api.visitor.post(`/api/v1/groups/${group.id}/join`),
        await api.visitor.post(`/api/v1/groups/${group.id}/leave`),
        await api.visitor.get(`/api/v1/groups/${group.id}/members`),
        await api.visitor.put(`/api/v1/groups/${group.id}/members/someone/role`, { role: "moderator" }),
        await api.visitor.post(`/api/v1/groups/${group.id}/transfer`, { handle: "someone" }),
      ])
        expect(refusalOf(response)).toEqual({ status: 401, code: "AUTH.REQUIRED" });
    });
  });

  describe("membership and roles", () => {
    it("joins once, lists members owner first, and lets a member leave (204)", async () => {
      const { owner, member, asMember, group } = await ownedGroup();
      expect(groupOf(await asMember.post(`/api/v1/groups/${group.id}/join`)).members).toBe(2);
      expect(rolesOf(await asMember.get(`/api/v1/groups/${group.id}/members`))).toEqual([
        [owner.handle, "owner"],
        [member.handle, "member"],
      ]);
      const page = (await asMember.get(`/api/v1/groups/${group.id}/members?limit=1`)).body as Page<Member>;
      expect(page.nextCursor).not.toBeNull();
      expect((await asMember.post(`/api/v1/groups/${group.id}/leave`)).status).toBe(204);
      expect(groupOf(await asMember.get(`/api/v1/groups/${group.id}`)).myRole).toBeNull();
    });

    it("keeps an owner from walking away while others remain (409)", async () => {
      const { asOwner, group } = await ownedGroup();
      expect(refusalOf(await asOwner.post(`/api/v1/groups/${group.id}/leave`))).toEqual({
        status: 409,
        code: "GROUP.OWNER_LEAVING",
      });
    });

    it("lets the owner name a moderator (204); nobody else, and only known roles", async () => {
      const { member, asOwner, asMember, group } = await ownedGroup();
      const url = `/api/v1/groups/${group.id}/members/${member.handle}/role`;
      const bad = await asOwner.put(url, { role: "owner", handle: member.handle });
      expect(bad.status).toBe(400);
      expect(rejectedFields(bad).sort()).toEqual(["handle", "role"]);
      expect(refusalOf(await asMember.put(url, { role: "moderator" }))).toEqual({
        status: 403,
        code: "GROUP.OWNER_ONLY",
      });
      expect((await asOwner.put(url, { role: "moderator" })).status).toBe(204);
      expect(rolesOf(await asOwner.get(`/api/v1/groups/${group.id}/members`))[1]).toEqual([member.handle, "moderator"]);
      expect(
        refusalOf(await asOwner.put(`/api/v1/groups/${group.id}/members/nobody-here/role`, { role: "member" })),
      ).toEqual({ status: 404, code: "GROUP.NOT_MEMBER" });
    });

    it("lets the owner hand the group over (204), and nobody else", async () => {
      const { owner, member, asOwner, asMember, group } = await ownedGroup();
      expect(refusalOf(await asMember.post(`/api/v1/groups/${group.id}/transfer`, { handle: member.handle }))).toEqual({
        status: 403,
        code: "GROUP.OWNER_ONLY",
      });
      expect(rejectedFields(await asOwner.post(`/api/v1/groups/${group.id}/transfer`, {}))).toEqual(["handle"]);
      expect((await asOwner.post(`/api/v1/groups/${group.id}/transfer`, { handle: member.handle })).status).toBe(204);
      expect(rolesOf(await asMember.get(`/api/v1/groups/${group.id}/members`))).toEqual([
        [member.handle, "owner"],
        [owner.handle, "moderator"],
      ]);
    });
  });
});
