import { newCommunity, newPerson, newPublicPerson, testProviders } from "@skillswap/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type ApiHarness } from "../../../testing/api-harness.js";
import { refusalOf, rejectedFields } from "../../../testing/responses.js";

interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}
interface Block {
  readonly handle: string;
  readonly blockedAt: string;
}

const blocked = (body: unknown) => (body as Page<Block>).items.map((b) => b.handle);

describe.each(testProviders())("blocks and reports over HTTP (%s)", (provider) => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi(provider);
  });
  afterAll(() => api.close());

  describe("blocking", () => {
    it("blocks someone (204), lists them among my blocks, hides each from the other, and unblocks (204)", async () => {
      const ana = await newPublicPerson(api.core, "ana");
      const pest = await newPublicPerson(api.core, "pest");
      const asAna = await api.as(ana);
      expect((await asAna.post("/api/v1/blocks", { handle: pest.handle })).status).toBe(204);
      expect((await asAna.post("/api/v1/blocks", { handle: pest.handle })).status).toBe(204);
      expect(blocked((await asAna.get("/api/v1/blocks")).body)).toEqual([pest.handle]);
      const asPest = await api.as(pest);
      expect((await asPest.get(`/api/v1/users/${ana.handle}`)).status).toBe(404);
      expect(blocked((await asPest.get("/api/v1/blocks")).body)).toEqual([]);
      expect((await asAna.delete(`/api/v1/blocks/${pest.handle}`)).status).toBe(204);
      expect(blocked((await asAna.get("/api/v1/blocks")).body)).toEqual([]);
      expect((await asPest.get(`/api/v1/users/${ana.handle}`)).status).toBe(200);
    });

    it("pages my blocks, most recent first", async () => {
      const ana = await newPerson(api.core, "ana");
      const others = await Promise.all(["p1", "p2", "p3"].map((n) => newPerson(api.core, n)));
      const asAna = await api.as(ana);
      for (const other of others) {
        api.core.clock.advance(1000);
        await asAna.post("/api/v1/blocks", { handle: other.handle });
      }
      const first = await asAna.get("/api/v1/blocks?limit=2");
      expect(blocked(first.body)).toEqual([others[2]?.handle, others[1]?.handle]);
      const cursor = encodeURIComponent((first.body as Page<Block>).nextCursor ?? "");
      expect(blocked((await asAna.get(`/api/v1/blocks?limit=2&cursor=${cursor}`)).body)).toEqual([others[0]?.handle]);
    });

    it("names what is wrong with a block: myself, a missing handle, a field it does not take", async () => {
      const ana = await newPerson(api.core, "ana");
      const asAna = await api.as(ana);
      expect(rejectedFields(await asAna.post("/api/v1/blocks", { handle: ana.handle }))).toEqual(["handle"]);
      const bad = await asAna.post("/api/v1/blocks", { handle: "", forever: true });
      expect(bad.status).toBe(400);
      expect(rejectedFields(bad).sort()).toEqual(["forever", "handle"]);
      expect(refusalOf(await asAna.post("/api/v1/blocks", { handle: "nobody-by-that-name" }))).toEqual({
        status: 404,
        code: "USER.NOT_FOUND",
      });
    });

    it("asks a visitor to sign in", async () => {
      for (const response of [
        await api.visitor.get("/api/v1/blocks"),
        await api.visitor.post("/api/v1/blocks", { handle: "someone" }),
        await api.visitor.delete("/api/v1/blocks/someone"),
        await api.visitor.post("/api/v1/reports", { handle: "someone", reason: "Rude to me" }),
      ])
        expect(refusalOf(response)).toEqual({ status: 401, code: "AUTH.REQUIRED" });
    });
  });

  describe("reporting someone", () => {
    it("answers 201 with the reports filed, one per community we share, which its admins then see", async () => {
      const reporter = await newPerson(api.core, "reporter");
      const troll = await newPerson(api.core, "troll");
      const admin = await newPerson(api.core, "admin");
      const community = await newCommunity(api.core, [reporter, troll], [admin]);
      const response = await (
        await api.as(reporter)
      ).post("/api/v1/reports", {
        handle: troll.handle,
        reason: "Insults in every message",
      });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ reportIds: [expect.any(String)] });
      const seen = await (await api.as(admin)).get(`/api/v1/communities/${community}/reports`);
      expect((seen.body as Page<{ reason: string }>).items.map((r) => r.reason)).toEqual(["Insults in every message"]);
    });

    it("names a reason too short and a field it does not take", async () => {
      const troll = await newPerson(api.core, "troll");
      const asReporter = await api.as(await newPerson(api.core, "reporter"));
      const response = await asReporter.post("/api/v1/reports", { handle: troll.handle, reason: "no", urgent: true });
      expect(response.status).toBe(400);
      expect(rejectedFields(response).sort()).toEqual(["reason", "urgent"]);
    });
  });
});
