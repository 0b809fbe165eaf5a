import { newCommunity, newPerson, testProviders } from "@skillswap/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type ApiHarness, type ApiResponse } from "../../../testing/api-harness.js";
import { refusalOf, rejectedFields } from "../../../testing/responses.js";

interface Proposal {
  readonly id: string;
  readonly name: string;
  readonly proposedBy: { readonly handle: string } | null;
}
interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}
const pageOf = (response: ApiResponse) => response.body as Page<Proposal>;

describe.each(testProviders())("skill proposals awaiting review over HTTP (%s)", (provider) => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi(provider);
  });
  afterAll(() => api.close());

  it("lists a community's pending proposals to its admin, oldest first, page by page, until decided", async () => {
    const jo = await newPerson(api.core, "Jo");
    const boss = await newPerson(api.core, "Admin");
    const communityId = await newCommunity(api.core, [jo], [boss]);
    const admin = await api.as(boss);
    const asJo = await api.as(jo);
    for (const name of ["Sourdough baking", "Kite repair"]) {
      expect((await asJo.post("/api/v1/skills/proposals", { name, category: "life-skills" })).status).toBe(201);
      api.core.clock.advance(1000);
    }
    const url = `/api/v1/communities/${communityId}/skill-proposals`;

    const first = await admin.get(`${url}?limit=1`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      items: [
        {
          name: "Sourdough baking",
          slug: expect.any(String),
          category: expect.any(String),
          proposedBy: { handle: jo.handle, displayName: "Jo" },
          proposedAt: expect.any(String),
        },
      ],
      nextCursor: expect.any(String),
    });
    const second = await admin.get(`${url}?limit=1&cursor=${encodeURIComponent(pageOf(first).nextCursor ?? "")}`);
    expect(pageOf(second)).toMatchObject({ items: [{ name: "Kite repair" }], nextCursor: null });

    const decided = pageOf(first).items[0]?.id ?? "";
    const review = `/api/v1/skills/proposals/${encodeURIComponent(decided)}/review`;
    expect((await admin.post(review, { decision: "reject" })).status).toBe(200);
    expect(pageOf(await admin.get(url)).items.map((p) => p.name)).toEqual(["Kite repair"]);
  });

  it("answers a member 403 and an outsider 404, as for the community's other admin pages", async () => {
    const member = await newPerson(api.core, "Member");
    const communityId = await newCommunity(api.core, [member], []);
    const url = `/api/v1/communities/${communityId}/skill-proposals`;
    expect(refusalOf(await (await api.as(member)).get(url))).toEqual({ status: 403, code: "COMMUNITY.ADMIN_ONLY" });
    const outsider = await api.as(await newPerson(api.core, "Outsider"));
    expect(refusalOf(await outsider.get(url))).toEqual({ status: 404, code: "COMMUNITY.NOT_FOUND" });
    expect(refusalOf(await outsider.get("/api/v1/communities/nowhere/skill-proposals"))).toEqual({
      status: 404,
      code: "COMMUNITY.NOT_FOUND",
    });
    expect((await api.visitor.get(url)).status).toBe(401);
  });

  it("names a limit out of range and a damaged cursor", async () => {
    const boss = await newPerson(api.core, "Admin2");
    const communityId = await newCommunity(api.core, [], [boss]);
    const admin = await api.as(boss);
    const url = `/api/v1/communities/${communityId}/skill-proposals`;
    expect(rejectedFields(await admin.get(`${url}?limit=51`))).toEqual(["limit"]);
    expect(rejectedFields(await admin.get(`${url}?cursor=nope`))).toEqual(["cursor"]);
  });
});
