import { block, newPerson, newPublicPerson, testProviders } from "@skillswap/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type ApiHarness } from "../../../testing/api-harness.js";
import { refusalOf, rejectedFields } from "../../../testing/responses.js";

interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}
interface PersonRef {
  readonly handle: string;
  readonly displayName: string;
}
interface FeedItem {
  readonly kind: string;
  readonly person: string;
  readonly at: string;
  readonly detail: Record<string, string | number>;
}

const handles = (body: unknown) => (body as Page<PersonRef>).items.map((p) => p.handle);

describe.each(testProviders())("follows over HTTP (%s)", (provider) => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi(provider);
  });
  afterAll(() => api.close());

  describe("following someone", () => {
    it("answers 204, lists me among their followers and them among whom I follow, until I unfollow", async () => {
      const ana = await newPublicPerson(api.core, "ana");
      const bea = await newPublicPerson(api.core, "bea");
      const asAna = await api.as(ana);
      expect((await asAna.post(`/api/v1/users/${bea.handle}/follow`)).status).toBe(204);
      expect((await asAna.post(`/api/v1/users/${bea.handle}/follow`)).status).toBe(204);
      expect(handles((await asAna.get(`/api/v1/users/${bea.handle}/followers`)).body)).toEqual([ana.handle]);
      expect(handles((await asAna.get(`/api/v1/users/${ana.handle}/following`)).body)).toEqual([bea.handle]);
      expect((await asAna.delete(`/api/v1/users/${bea.handle}/follow`)).status).toBe(204);
      expect((await asAna.get(`/api/v1/users/${bea.handle}/followers`)).body).toEqual({ items: [], nextCursor: null });
    });

    it("refuses following myself, naming the handle, and a handle too long to be one", async () => {
      const ana = await newPerson(api.core, "ana");
      const asAna = await api.as(ana);
      const self = await asAna.post(`/api/v1/users/${ana.handle}/follow`);
      expect(refusalOf(self)).toEqual({ status: 400, code: "FOLLOW.SELF" });
      expect(rejectedFields(self)).toEqual(["handle"]);
      const long = await asAna.post(`/api/v1/users/${"x".repeat(65)}/follow`);
      expect(long.status).toBe(400);
      expect(rejectedFields(long)).toEqual(["handle"]);
    });

    it("answers 404 for someone I may not see: a private profile, or someone who blocked me", async () => {
      const ana = await newPerson(api.core, "ana");
      const hidden = await newPerson(api.core, "hidden");
      await api.core.services.profiles.update(hidden, { visibility: "private" });
      const blocker = await newPublicPerson(api.core, "blocker");
      await block(api.core, blocker, ana);
      const asAna = await api.as(ana);
      for (const url of [`/api/v1/users/${hidden.handle}/follow`, `/api/v1/users/${blocker.handle}/follow`])
        expect(refusalOf(await asAna.post(url))).toEqual({ status: 404, code: "USER.NOT_FOUND" });
      expect(refusalOf(await asAna.get(`/api/v1/users/${hidden.handle}/followers`))).toEqual({
        status: 404,
        code: "USER.NOT_FOUND",
      });
    });

    it("asks a visitor to sign in before following, and shows them public followers only", async () => {
      const star = await newPublicPerson(api.core, "star");
      const fan = await newPublicPerson(api.core, "fan");
      const shy = await newPerson(api.core, "shy");
      await api.core.services.follows.follow(fan, { handle: star.handle });
      await api.core.services.follows.follow(shy, { handle: star.handle });
      expect(refusalOf(await api.visitor.post(`/api/v1/users/${star.handle}/follow`))).toEqual({
        status: 401,
        code: "AUTH.REQUIRED",
      });
      expect((await api.visitor.delete(`/api/v1/users/${star.handle}/follow`)).status).toBe(401);
      const followers = await api.visitor.get(`/api/v1/users/${star.handle}/followers`);
      expect(followers.status).toBe(200);
      expect(handles(followers.body)).toEqual([fan.handle]);
      expect(handles((await api.visitor.get(`/api/v1/users/${fan.handle}/following`)).body)).toEqual([star.handle]);
    });

    it("pages followers in handle order", async () => {
      const star = await newPublicPerson(api.core, "paged");
      const fans = await Promise.all(["f1", "f2", "f3"].map((n) => newPublicPerson(api.core, n)));
      for (const fan of fans) await api.core.services.follows.follow(fan, { handle: star.handle });
      const first = await api.visitor.get(`/api/v1/users/${star.handle}/followers?limit=2`);
      const page = first.body as Page<PersonRef>;
      expect(page.items).toHaveLength(2);
      const rest = await api.visitor.get(
        `/api/v1/users/${star.handle}/followers?limit=2&cursor=${encodeURIComponent(page.nextCursor ?? "")}`,
      );
      expect([...handles(first.body), ...handles(rest.body)]).toEqual(fans.map((f) => f.handle).sort());
      expect((rest.body as Page<PersonRef>).nextCursor).toBeNull();
      const bad = await api.visitor.get(`/api/v1/users/${star.handle}/followers?limit=0`);
      expect(rejectedFields(bad)).toEqual(["limit"]);
    });
  });

  describe("the feed", () => {
    it("shows what the people I follow did, newest first, a page at a time", async () => {
      const fan = await newPerson(api.core, "fan");
      const busy = await newPublicPerson(api.core, "busy", { Guitar: 3, Spanish: 4 });
      const asFan = await api.as(fan);
      await asFan.post(`/api/v1/users/${busy.handle}/follow`);
      const first = await asFan.get("/api/v1/feed?limit=1");
      expect(first.status).toBe(200);
      const page = first.body as Page<FeedItem>;
      expect(page.items).toEqual([
        { kind: "skill.added", person: busy.handle, at: expect.any(String), detail: expect.any(Object) },
      ]);
      const rest = await asFan.get(`/api/v1/feed?limit=5&cursor=${encodeURIComponent(page.nextCursor ?? "")}`);
      expect((rest.body as Page<FeedItem>).items.map((i) => i.kind)).toEqual(["skill.added"]);
      expect((rest.body as Page<FeedItem>).nextCursor).toBeNull();
    });

    it("refuses a cursor that is not one of its own, naming it", async () => {
      const asFan = await api.as(await newPerson(api.core, "fan"));
      const response = await asFan.get("/api/v1/feed?cursor=not-a-cursor");
      expect(response.status).toBe(400);
      expect(rejectedFields(response)).toEqual(["cursor"]);
    });

    it("is mine only: a visitor is asked to sign in", async () => {
      expect(refusalOf(await api.visitor.get("/api/v1/feed"))).toEqual({ status: 401, code: "AUTH.REQUIRED" });
    });
  });
});
