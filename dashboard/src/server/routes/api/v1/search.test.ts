import type { Actor } from "@skillswap/core";
import { block, newCommunity, seedPeople, testImages, testProviders, type PersonSpec } from "@skillswap/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type ApiClient, type ApiHarness, type ApiResponse } from "../../../testing/api-harness.js";

/** Sam (Paris, in a community with Gina) searches; everyone else is someone Sam might look for. */
const fixture: Record<string, PersonSpec> = {
  sam: { name: "Sam Carter", teach: { Cooking: 3 }, city: "Paris" },
  ana: { name: "Ana Lopez", teach: { Ukulele: 4 }, city: "Paris", bio: "Strums the uke on Sundays" },
  ben: { name: "Ben Weber", teach: { Ukulele: 3 }, city: "Berlin", mode: "in_person" },
  cleo: { name: "Cleo Martin", learn: { Ukulele: 2 }, city: "Paris" },
  dana: { name: "Dana Private", teach: { Ukulele: 5 }, visibility: "private" },
  gina: { name: "Gina Rossi", teach: { Ukulele: 4 }, visibility: "communities", city: "Paris" },
  hugo: { name: "Hugo Blocker", teach: { Ukulele: 5 } },
  ivo: { name: "Ivo Blocked", teach: { Ukulele: 5 } },
  tess: {
    name: "Tess Evening",
    teach: { Ukulele: 2 },
    slots: [{ day: "tue", start: "18:00", end: "20:00" }],
  },
};

interface Page {
  readonly items: ReadonlyArray<{
    handle: string;
    avatarSmallUrl: string | null;
    distanceKm: number | null;
    reasons: Array<{ text: string }>;
  }>;
  readonly nextCursor: string | null;
  readonly sort: string;
}

const rejected = (response: ApiResponse) => {
  expect(response.status).toBe(400);
  return ((response.body as { error: { fields?: Array<{ field: string }> } }).error.fields ?? []).map((f) => f.field);
};

describe.each(testProviders())("people search over HTTP (%s)", (provider) => {
  let api: ApiHarness;
  let sam: ApiClient;
  let communityId: string;
  const people = new Map<string, Actor & { handle: string }>();
  const who = (name: string) => people.get(name) as Actor & { handle: string };
  const nameOf = (handle: string) => [...people].find(([, p]) => p.handle === handle)?.[0];
  const page = async (client: ApiClient, query: string) => {
    const response = await client.get(`/api/v1/people?${query}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as Page;
  };
  const names = async (client: ApiClient, query: string) =>
    (await page(client, query)).items.map((h) => nameOf(h.handle));

  beforeAll(async () => {
    api = await startApi(provider);
    for (const [key, person] of await seedPeople(api.core, fixture)) people.set(key, person);
    await block(api.core, who("hugo"), who("sam"));
    await block(api.core, who("sam"), who("ivo"));
    communityId = await newCommunity(api.core, [who("sam"), who("gina")]);
    sam = await api.as(who("sam"));
  }, 60_000);
  afterAll(() => api.close());

  describe("who appears", () => {
    it("shows a visitor public profiles only, each with why it matched", async () => {
      const found = await page(api.visitor, "q=ukulele");
      expect(found.items.map((h) => nameOf(h.handle)).sort()).toEqual(["ana", "ben", "cleo", "hugo", "ivo", "tess"]);
      expect(found.items.find((h) => nameOf(h.handle) === "ana")?.reasons[0]?.text).toBe("teaches Ukulele (level 4)");
      expect(found).toMatchObject({ nextCursor: null, sort: "relevance" });
    });

    it("shows a member the profiles of their communities, never private ones nor blocks either way", async () => {
      const found = await names(sam, "q=ukulele");
      expect(found).toContain("gina");
      expect(found).not.toContain("dana");
      expect(found).not.toContain("hugo");
      expect(found).not.toContain("ivo");
    });

    it("answers only what a profile may show: no email, no coordinates", async () => {
      const hit = (await page(sam, "q=ukulele&near=Paris")).items[0];
      expect(Object.keys(hit ?? {}).sort()).toEqual([
        "avatarSmallUrl",
        "displayName",
        "distanceKm",
        "handle",
        "lastActiveAt",
        "location",
        "rating",
        "reasons",
        "score",
      ]);
    });
  });

  describe("pictures", () => {
    it("shows a person's picture in their result, one the browser can load", async () => {
      const profile = await api.core.services.profiles.setAvatar(who("ben"), await testImages.png());
      const found = (await page(sam, "q=ben+weber")).items[0];
      expect(found?.avatarSmallUrl).toBe(profile.avatarSmallUrl);
      const picture = await api.app.inject({ method: "GET", url: new URL(found?.avatarSmallUrl ?? "").pathname });
      expect(picture.statusCode).toBe(200);
      expect(picture.headers["content-type"]).toBe("image/webp");
    });

    it("shows none for someone without a picture, so the card keeps their initials", async () => {
      const found = (await page(sam, "q=cleo")).items;
      expect(found.map((hit) => hit.avatarSmallUrl)).toEqual([null]);
    });
  });

  describe("filters", () => {
    it("keeps those who teach, or who learn", async () => {
      expect(await names(sam, "q=ukulele&direction=learn")).toEqual(["cleo"]);
      expect(await names(sam, "q=ukulele&direction=teach")).not.toContain("cleo");
    });

    it("keeps skills at a level or above, read from the query string", async () => {
      expect((await names(sam, "q=ukulele&direction=teach&minLevel=4")).sort()).toEqual(["ana", "gina"]);
    });

    it("keeps a category's skills", async () => {
      expect(await names(sam, "category=music&direction=learn")).toEqual(["cleo"]);
    });

    it("keeps people within a distance of a place, nearest first", async () => {
      const found = await page(sam, "q=ukulele&near=Berlin&km=50");
      expect(found.items.map((h) => nameOf(h.handle))).toEqual(["ben"]);
      expect(found.items[0]?.distanceKm).toBe(0);
      expect(await names(sam, "km=20&direction=teach")).toEqual(expect.arrayContaining(["ana", "gina"]));
      expect((await page(sam, "near=Berlin&km=50")).sort).toBe("distance");
    });

    it("keeps people who meet a given way", async () => {
      expect(await names(sam, "q=ukulele&mode=online")).not.toContain("ben");
      expect(await names(sam, "q=ukulele&mode=in_person")).toContain("ben");
    });

    it("keeps members of a community", async () => {
      expect(await names(sam, `q=ukulele&community=${communityId}`)).toEqual(["gina"]);
    });

    it("keeps people free in a weekly window", async () => {
      expect(await names(sam, `q=ukulele&available=${encodeURIComponent("Tue 18:30-19:30")}`)).toEqual(["tess"]);
      expect(await names(sam, `q=ukulele&available=${encodeURIComponent("Tue 06:00-07:00")}`)).toEqual([]);
    });

    it("sorts by distance from my city on request, people without a city last", async () => {
      const found = await names(sam, "q=ukulele&sort=distance");
      expect(found.slice(-2)).toEqual(["ben", "tess"]);
      for (const sort of ["rating", "recent", "distance"])
        expect((await page(sam, `q=ukulele&sort=${sort}`)).sort).toBe(sort);
    });
  });

  describe("pages", () => {
    it("walks every result once, a page at a time, until nextCursor is null", async () => {
      const all = await names(sam, "q=ukulele&sort=recent");
      const walked: Array<string | undefined> = [];
      let cursor: string | null = null;
      do {
        const next: Page = await page(
          sam,
          `q=ukulele&sort=recent&limit=2${cursor === null ? "" : `&cursor=${cursor}`}`,
        );
        expect(next.items.length).toBeLessThanOrEqual(2);
        walked.push(...next.items.map((h) => nameOf(h.handle)));
        cursor = next.nextCursor;
      } while (cursor !== null);
      expect(walked).toEqual(all);
      expect(all.length).toBeGreaterThan(2);
    });

    it("refuses a damaged cursor, and one from another search", async () => {
      expect(rejected(await sam.get("/api/v1/people?q=ukulele&cursor=bm90LWEtY3Vyc29y"))).toEqual(["cursor"]);
      const first = await page(sam, "q=ukulele&limit=1");
      expect(rejected(await sam.get(`/api/v1/people?q=guitar&limit=1&cursor=${first.nextCursor ?? ""}`))).toEqual([
        "cursor",
      ]);
    });
  });

  describe("bad input", () => {
    it("names every rejected parameter", async () => {
      const fields = rejected(
        await sam.get("/api/v1/people?q=ukulele&minLevel=9&km=-1&limit=0&sort=best&mode=bus&direction=both&page=2"),
      );
      expect(fields.sort()).toEqual(["direction", "km", "limit", "minLevel", "mode", "page", "sort"]);
      expect(rejected(await sam.get("/api/v1/people?minLevel=three&available=whenever"))).toEqual([
        "minLevel",
        "available",
      ]);
    });

    it("says which filter core could not use", async () => {
      expect(rejected(await sam.get("/api/v1/people?category=underwater-basketry"))).toEqual(["category"]);
      expect(rejected(await sam.get("/api/v1/people?community=no-such-community"))).toEqual(["community"]);
      // A visitor has no city to measure from.
      expect(rejected(await api.visitor.get("/api/v1/people?q=ukulele&km=10"))).toEqual(["km"]);
    });
  });
});
