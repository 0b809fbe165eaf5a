import type { Actor } from "@skillswap/core";
import { block, seedPeople, testProviders, type PersonSpec } from "@skillswap/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type ApiClient, type ApiHarness, type ApiResponse } from "../../../testing/api-harness.js";

/** Ana teaches Guitar and wants Spanish; the others are whom she might swap with. */
const fixture: Record<string, PersonSpec> = {
  ana: { teach: { Guitar: 4 }, learn: { Spanish: 3 } },
  // Reciprocal: teaches Ana Spanish, wants her Guitar.
  bea: { teach: { Spanish: 5 }, learn: { Guitar: 2 } },
  // One-way: teaches Spanish, wants nothing Ana teaches.
  emil: { teach: { Spanish: 4 }, learn: { Piano: 2 } },
  // A cycle: Ana teaches Leo Guitar, Leo teaches Mia Chess, Mia teaches Ana Spanish.
  leo: { teach: { Chess: 4 }, learn: { Guitar: 2 } },
  mia: { teach: { Spanish: 3 }, learn: { Chess: 2 } },
  fred: { teach: { Spanish: 5 }, learn: { Guitar: 2 }, visibility: "private" },
  hugo: { teach: { Spanish: 5 }, learn: { Guitar: 2 } },
};

interface Recommendations {
  readonly pairs: ReadonlyArray<{ handle: string; explanation: string; theyTeach: { name: string } }>;
  readonly teachers: ReadonlyArray<{ handle: string; explanation: string; skill: { name: string } }>;
  readonly cycles: ReadonlyArray<{ people: string[]; links: unknown[]; explanation: string }>;
}

const rejected = (response: ApiResponse) => {
  expect(response.status).toBe(400);
  return ((response.body as { error: { fields?: Array<{ field: string }> } }).error.fields ?? []).map((f) => f.field);
};

describe.each(testProviders())("recommendations over HTTP (%s)", (provider) => {
  let api: ApiHarness;
  let ana: ApiClient;
  const people = new Map<string, Actor & { handle: string }>();
  const who = (name: string) => people.get(name) as Actor & { handle: string };
  const nameOf = (handle: string) => [...people].find(([, p]) => p.handle === handle)?.[0];

  const recommendations = async (query = "") => {
    const response = await ana.get(`/api/v1/recommendations${query}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as Recommendations;
  };

  beforeAll(async () => {
    api = await startApi(provider);
    for (const [key, person] of await seedPeople(api.core, fixture)) people.set(key, person);
    await block(api.core, who("hugo"), who("ana"));
    ana = await api.as(who("ana"));
  }, 60_000);
  afterAll(() => api.close());

  describe("recommendations", () => {
    it("offers reciprocal partners, explained, and nothing else unless asked", async () => {
      const found = await recommendations();
      expect(found.pairs.map((p) => nameOf(p.handle))).toEqual(["bea"]);
      expect(found.pairs[0]?.explanation).toMatch(/^teaches you Spanish \(level 5\), wants your Guitar/);
      expect(found.teachers).toEqual([]);
      expect(found.cycles).toEqual([]);
    });

    it("adds one-way teachers and three-person cycles on request, each explained", async () => {
      const found = await recommendations("?teachers=true&cycles=true");
      expect(found.pairs.map((p) => nameOf(p.handle))).toEqual(["bea"]);
      expect(found.teachers.map((t) => nameOf(t.handle)).sort()).toEqual(["emil", "mia"]);
      expect(found.teachers.find((t) => nameOf(t.handle) === "emil")?.explanation).toMatch(
        /^teaches you Spanish \(level 4\)/,
      );
      expect(found.cycles).toHaveLength(1);
      expect(found.cycles[0]?.people.map(nameOf)).toEqual(["leo", "mia"]);
      expect(found.cycles[0]?.links).toHaveLength(3);
      expect(found.cycles[0]?.explanation).toContain("Chess");
    });

    it("stays within the limit", async () => {
      expect((await recommendations("?teachers=true&limit=1")).teachers).toHaveLength(1);
    });

    it("never offers a private profile or someone who blocked Ana", async () => {
      const found = await recommendations("?teachers=true&cycles=true&limit=50");
      const offered = [
        ...found.pairs.map((p) => p.handle),
        ...found.teachers.map((t) => t.handle),
        ...found.cycles.flatMap((c) => c.people),
      ].map(nameOf);
      expect(offered).not.toContain("fred");
      expect(offered).not.toContain("hugo");
    });

    it("names every rejected parameter", async () => {
      const fields = rejected(await ana.get("/api/v1/recommendations?limit=0&cycles=yes&teachers=1&page=2"));
      expect(fields.sort()).toEqual(["cycles", "limit", "page", "teachers"]);
      expect(rejected(await ana.get("/api/v1/recommendations?limit=lots"))).toEqual(["limit"]);
    });

    it("asks a visitor to sign in", async () => {
      expect((await api.visitor.get("/api/v1/recommendations")).status).toBe(401);
    });
  });

  describe("teachers of a skill", () => {
    it("lists who can teach Ana a skill, partners included, each explained", async () => {
      const response = await ana.get("/api/v1/recommendations/teachers?skill=spanish&limit=50");
      expect(response.status).toBe(200);
      const teachers = response.body as Recommendations["teachers"];
      expect(teachers.map((t) => nameOf(t.handle)).sort()).toEqual(["bea", "emil", "mia"]);
      expect(teachers.every((t) => t.skill.name === "Spanish" && t.explanation.startsWith("teaches you Spanish"))).toBe(
        true,
      );
    });

    it("says which skill it does not know, and which parameter is wrong", async () => {
      const unknown = await ana.get("/api/v1/recommendations/teachers?skill=Underwater%20hockey%20refereeing");
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ error: { code: "SKILL.UNKNOWN" } });
      expect(rejected(await ana.get("/api/v1/recommendations/teachers"))).toEqual(["skill"]);
      expect(rejected(await ana.get("/api/v1/recommendations/teachers?skill=chess&limit=51"))).toEqual(["limit"]);
    });

    it("asks a visitor to sign in", async () => {
      expect((await api.visitor.get("/api/v1/recommendations/teachers?skill=spanish")).status).toBe(401);
    });
  });
});
