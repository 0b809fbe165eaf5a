import { block, newPerson, newPublicPerson, testProviders } from "@skillswap/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type ApiHarness } from "../../../testing/api-harness.js";

describe.each(testProviders())("profiles over HTTP (%s)", (provider) => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi(provider);
  });
  afterAll(() => api.close());

  it("shows me my own profile with what only I see", async () => {
    const ana = await newPerson(api.core, "Ana");
    const response = await (await api.as(ana)).get("/api/v1/me");
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ handle: ana.handle, displayName: "Ana", isOwner: true, email: null });
    expect(response.body).toHaveProperty("notifications");
  });

  it("changes my profile and answers with the result", async () => {
    const ana = await api.as(await newPerson(api.core, "Ana"));
    const response = await ana.patch("/api/v1/me", {
      bio: "I teach guitar",
      visibility: "public",
      timeZone: "Europe/Paris",
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ bio: "I teach guitar", visibility: "public", timeZone: "Europe/Paris" });
    expect((await ana.get("/api/v1/me")).body).toMatchObject({ bio: "I teach guitar" });
  });

  it("names every rejected field, including ones it does not know, and changes nothing", async () => {
    const ana = await api.as(await newPerson(api.core, "Ana"));
    const response = await ana.patch("/api/v1/me", { bio: "kept?", visibility: "everyone", isAdmin: true });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: {
        code: "REQUEST.INVALID",
        message: expect.stringContaining("visibility"),
        fields: expect.arrayContaining([
          { field: "visibility", message: "Use one of: public, communities, private." },
          { field: "isAdmin", message: "This field is not accepted here: remove it." },
        ]),
      },
    });
    expect((await ana.get("/api/v1/me")).body).toMatchObject({ bio: "" });
  });

  it("does not coerce a body's types: a number where text is expected is refused", async () => {
    const ana = await api.as(await newPerson(api.core, "Ana"));
    const response = await ana.patch("/api/v1/me", { maxDistanceKm: "25" });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { fields: [{ field: "maxDistanceKm" }] } });
  });

  it("hands me all my data as a JSON download", async () => {
    const ana = await newPerson(api.core, "Ana");
    const response = await (await api.as(ana)).get("/api/v1/me/export");
    expect(response.status).toBe(200);
    expect(String(response.headers["content-disposition"])).toMatch(/^attachment; filename="skillswap-export-/);
    expect(JSON.stringify(response.body)).toContain(ana.handle);
  });

  it("deletes my account only when I type my handle, and ends my session", async () => {
    const ana = await newPerson(api.core, "Ana");
    const client = await api.as(ana);
    const wrong = await client.delete("/api/v1/me", { confirmHandle: "someone-else" });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: { fields: [{ field: "confirmHandle" }] } });
    expect((await client.get("/api/v1/me")).status).toBe(200);

    expect((await client.delete("/api/v1/me", { confirmHandle: ana.handle })).status).toBe(204);
    expect((await client.get("/api/v1/me")).status).toBe(401);
    expect((await api.visitor.get(`/api/v1/users/${ana.handle}`)).status).toBe(404);
  });

  it("shows a public profile to a visitor, without what only its owner sees", async () => {
    const ana = await newPerson(api.core, "Ana");
    await (await api.as(ana)).patch("/api/v1/me", { visibility: "public" });
    const response = await api.visitor.get(`/api/v1/users/${ana.handle}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ handle: ana.handle, isOwner: false });
    expect(response.body).not.toHaveProperty("email");
    expect(response.body).not.toHaveProperty("notifications");
  });

  it("tells a signed-in viewer whether they follow each other, and nothing to a visitor", async () => {
    const ana = await newPublicPerson(api.core, "Ana");
    const ben = await newPublicPerson(api.core, "Ben");
    await api.core.services.follows.follow(ana, { handle: ben.handle });
    const seen = await (await api.as(ben)).get(`/api/v1/users/${ana.handle}`);
    expect(seen.body).toMatchObject({
      relation: { youFollow: false, followsYou: true, communitiesInCommon: [], groupsInCommon: [] },
    });
    expect((await api.visitor.get(`/api/v1/users/${ana.handle}`)).body).toMatchObject({ relation: null });
  });

  it("answers 404 for a private profile, and for someone who blocked the viewer", async () => {
    const ana = await newPerson(api.core, "Ana");
    const ben = await newPerson(api.core, "Ben");
    await (await api.as(ana)).patch("/api/v1/me", { visibility: "private" });
    expect((await api.visitor.get(`/api/v1/users/${ana.handle}`)).status).toBe(404);
    expect((await (await api.as(ben)).get(`/api/v1/users/${ana.handle}`)).status).toBe(404);

    const cleo = await newPerson(api.core, "Cleo");
    await (await api.as(cleo)).patch("/api/v1/me", { visibility: "public" });
    await block(api.core, cleo, ben);
    const blocked = await (await api.as(ben)).get(`/api/v1/users/${cleo.handle}`);
    expect(blocked.status).toBe(404);
    expect(blocked.body).toMatchObject({ error: { code: "USER.NOT_FOUND" } });
  });
});
