import { block, newCommunity, newPerson, newPublicPerson, testProviders } from "@skillswap/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type ApiHarness, type ApiResponse } from "../../../testing/api-harness.js";

/** The fields a 400 names, in order. */
const rejected = (response: ApiResponse) => {
  expect(response.status).toBe(400);
  return ((response.body as { error: { fields?: Array<{ field: string }> } }).error.fields ?? []).map((f) => f.field);
};

const idOf = (response: ApiResponse) => (response.body as { id: string }).id;

describe.each(testProviders())("skills over HTTP (%s)", (provider) => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi(provider);
  });
  afterAll(() => api.close());

  describe("the catalog", () => {
    it("shows a visitor every approved skill by category", async () => {
      const response = await api.visitor.get("/api/v1/skills/catalog");
      expect(response.status).toBe(200);
      const categories = response.body as Array<{ name: string; skills: Array<{ id: string; name: string }> }>;
      expect(categories.length).toBeGreaterThanOrEqual(15);
      expect(categories.find((c) => c.name === "Music")?.skills).toContainEqual(
        expect.objectContaining({ id: "skill:guitar", name: "Guitar" }),
      );
    });

    it("narrows to the skills a word names, aliases and translations included", async () => {
      const response = await api.visitor.get("/api/v1/skills/catalog?q=guitarra");
      expect(response.status).toBe(200);
      const categories = response.body as Array<{ skills: Array<{ name: string }> }>;
      expect(categories.flatMap((c) => c.skills.map((s) => s.name))).toContain("Guitar");
      expect(categories.every((c) => c.skills.length > 0)).toBe(true);
    });

    it("names a query that is too long, and one it does not know", async () => {
      expect(rejected(await api.visitor.get(`/api/v1/skills/catalog?q=${"a".repeat(81)}&page=2`))).toEqual([
        "q",
        "page",
      ]);
    });
  });

  describe("suggestions while typing", () => {
    it("offers a visitor names starting with what is typed first, within the limit", async () => {
      const response = await api.visitor.get("/api/v1/skills/suggestions?q=guit&limit=3");
      expect(response.status).toBe(200);
      expect(response.body).toHaveLength(3);
      expect((response.body as string[])[0]).toBe("Guitar");
    });

    it("refuses a limit that is not a number in range", async () => {
      expect(rejected(await api.visitor.get("/api/v1/skills/suggestions?q=g&limit=0"))).toEqual(["limit"]);
      expect(rejected(await api.visitor.get("/api/v1/skills/suggestions?q=g&limit=many"))).toEqual(["limit"]);
    });
  });

  describe("what a typed name means", () => {
    it("finds the skill through a misspelling, or offers close spellings", async () => {
      const ana = await api.as(await newPerson(api.core, "Ana"));
      expect((await ana.get("/api/v1/skills/resolve?name=javscript")).body).toMatchObject({
        skill: { name: "JavaScript", status: "approved" },
        suggestions: [],
      });
      expect((await ana.get("/api/v1/skills/resolve?name=pianoo")).body).toEqual({
        skill: null,
        suggestions: ["Piano"],
      });
    });

    it("asks for a name, and for a session", async () => {
      const ana = await api.as(await newPerson(api.core, "Ana"));
      expect(rejected(await ana.get("/api/v1/skills/resolve"))).toEqual(["name"]);
      expect((await api.visitor.get("/api/v1/skills/resolve?name=guitar")).status).toBe(401);
    });
  });

  describe("proposing a skill", () => {
    it("creates a pending skill that an admin of the community approves, however long its name", async () => {
      const jo = await newPerson(api.core, "Jo");
      const admin = await newPerson(api.core, "Admin");
      await newCommunity(api.core, [jo], [admin]);
      // Its id holds the community's id and its slug: longer than other ids.
      const name = "Sourdough baking with wild yeast starters at home";
      const proposed = await (await api.as(jo)).post("/api/v1/skills/proposals", { name, category: "cooking-food" });
      expect(proposed.status).toBe(201);
      expect(proposed.body).toMatchObject({ id: expect.any(String), name, status: "pending" });

      const reviewed = await (
        await api.as(admin)
      ).post(`/api/v1/skills/proposals/${encodeURIComponent(idOf(proposed))}/review`, { decision: "approve" });
      expect(reviewed.status).toBe(200);
      expect(reviewed.body).toMatchObject({ id: idOf(proposed), status: "approved" });
    });

    it("lets only the community's admins decide; outsiders are told nothing", async () => {
      const kai = await newPerson(api.core, "Kai");
      const member = await newPerson(api.core, "Member");
      const admin = await newPerson(api.core, "Admin");
      await newCommunity(api.core, [kai, member], [admin]);
      const proposed = await (
        await api.as(kai)
      ).post("/api/v1/skills/proposals", {
        name: "Competitive napping",
        category: "life-skills",
      });
      const review = `/api/v1/skills/proposals/${encodeURIComponent(idOf(proposed))}/review`;
      const byMember = await (await api.as(member)).post(review, { decision: "approve" });
      expect(byMember.status).toBe(403);
      expect(byMember.body).toMatchObject({ error: { code: "SKILL.ADMIN_ONLY" } });
      const outsider = await api.as(await newPerson(api.core, "Outsider"));
      expect((await outsider.post(review, { decision: "approve" })).status).toBe(404);
      expect((await api.visitor.post(review, { decision: "approve" })).status).toBe(401);
    });

    it("names every rejected field of a proposal and of a decision", async () => {
      const lu = await api.as(await newPerson(api.core, "Lu"));
      expect(rejected(await lu.post("/api/v1/skills/proposals", { category: "music", approved: true }))).toEqual([
        "name",
        "approved",
      ]);
      expect(rejected(await lu.post("/api/v1/skills/proposals/skill:guitar/review", { decision: "maybe" }))).toEqual([
        "decision",
      ]);
      expect((await api.visitor.post("/api/v1/skills/proposals", { name: "Kite", category: "music" })).status).toBe(
        401,
      );
    });
  });

  describe("my skills", () => {
    it("adds, lists, changes and removes a skill on my profile", async () => {
      const ana = await api.as(await newPerson(api.core, "Ana"));
      const added = await ana.post("/api/v1/me/skills", {
        skill: "js",
        direction: "teach",
        level: 4,
        notes: "Node and browsers",
        mode: "online",
        availability: [{ day: "tue", start: "18:00", end: "20:00" }],
      });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({
        id: expect.any(String),
        skill: { name: "JavaScript", status: "approved" },
        direction: "teach",
        level: 4,
        mode: "online",
        availability: [{ weekday: 2, startMinute: 1080, endMinute: 1200 }],
      });
      const id = idOf(added);

      expect((await ana.get("/api/v1/me/skills")).body).toEqual([added.body]);

      const changed = await ana.patch(`/api/v1/me/skills/${id}`, { level: 5, availability: null });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ id, level: 5, notes: "Node and browsers", availability: null });

      const removed = await ana.delete(`/api/v1/me/skills/${id}`);
      expect(removed.status).toBe(204);
      expect(removed.body).toBeUndefined();
      expect((await ana.get("/api/v1/me/skills")).body).toEqual([]);
    });

    it("names every rejected field, and does not coerce a body's numbers", async () => {
      const ana = await api.as(await newPerson(api.core, "Ana"));
      expect(
        rejected(await ana.post("/api/v1/me/skills", { skill: "", direction: "sideways", level: "3", rank: 1 })),
      ).toEqual(["skill", "direction", "level", "rank"]);
      expect(
        rejected(
          await ana.post("/api/v1/me/skills", {
            skill: "Guitar",
            direction: "teach",
            level: 3,
            availability: [{ day: "tue", start: "20:00", end: "18:00" }],
          }),
        ),
      ).toEqual(["availability.0.end"]);
      const added = await ana.post("/api/v1/me/skills", { skill: "Guitar", direction: "teach", level: 3 });
      expect(rejected(await ana.patch(`/api/v1/me/skills/${idOf(added)}`, { level: 6, skill: "Piano" }))).toEqual([
        "level",
        "skill",
      ]);
    });

    it("names the skill it does not know on its field", async () => {
      const ana = await api.as(await newPerson(api.core, "Ana"));
      const response = await ana.post("/api/v1/me/skills", {
        skill: "Underwater hockey refereeing",
        direction: "teach",
        level: 3,
      });
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ error: { code: "SKILL.UNKNOWN", fields: [{ field: "skill" }] } });
    });

    it("refuses the same skill listed twice the same way", async () => {
      const ana = await api.as(await newPerson(api.core, "Ana"));
      await ana.post("/api/v1/me/skills", { skill: "Chess", direction: "learn", level: 2 });
      const again = await ana.post("/api/v1/me/skills", { skill: "chess", direction: "learn", level: 3 });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ error: { code: "SKILL.ALREADY_LISTED" } });
    });

    it("answers 404 for someone else's skill, and leaves it as it was", async () => {
      const ben = await newPublicPerson(api.core, "Ben", { Piano: 3 });
      const bensSkill = (await (await api.as(ben)).get("/api/v1/me/skills")).body as Array<{ id: string }>;
      const id = bensSkill[0]?.id ?? "";
      const ana = await api.as(await newPerson(api.core, "Ana"));
      const edit = await ana.patch(`/api/v1/me/skills/${id}`, { level: 1 });
      expect(edit.status).toBe(404);
      expect(edit.body).toMatchObject({ error: { code: "SKILL.USER_SKILL_NOT_FOUND" } });
      expect((await ana.delete(`/api/v1/me/skills/${id}`)).status).toBe(404);
      expect((await api.visitor.get(`/api/v1/users/${ben.handle}/skills`)).body).toMatchObject([
        { id, skill: { name: "Piano" }, level: 3 },
      ]);
    });

    it("asks a visitor to sign in", async () => {
      expect((await api.visitor.get("/api/v1/me/skills")).status).toBe(401);
      expect(
        (await api.visitor.post("/api/v1/me/skills", { skill: "Chess", direction: "learn", level: 2 })).status,
      ).toBe(401);
      expect((await api.visitor.patch("/api/v1/me/skills/x", { level: 2 })).status).toBe(401);
      expect((await api.visitor.delete("/api/v1/me/skills/x")).status).toBe(401);
    });
  });

  describe("someone's skills", () => {
    it("shows a public person's approved skills to a visitor, and their pending ones only to them", async () => {
      const mo = await newPublicPerson(api.core, "Mo", { Yoga: 3 });
      await newCommunity(api.core, [mo], [await newPerson(api.core, "Admin")]);
      const asMo = await api.as(mo);
      await asMo.post("/api/v1/skills/proposals", { name: "Origami cranes", category: "crafts" });
      await asMo.post("/api/v1/me/skills", { skill: "Origami cranes", direction: "teach", level: 4 });

      const seen = await api.visitor.get(`/api/v1/users/${mo.handle}/skills`);
      expect(seen.status).toBe(200);
      expect((seen.body as Array<{ skill: { name: string } }>).map((s) => s.skill.name)).toEqual(["Yoga"]);
      const own = (await asMo.get(`/api/v1/users/${mo.handle}/skills`)).body as Array<{ skill: { name: string } }>;
      expect(own.map((s) => s.skill.name)).toEqual(["Yoga", "Origami cranes"]);
    });

    it("answers 404 for a private profile, and for someone who blocked the viewer", async () => {
      const gus = await newPublicPerson(api.core, "Gus", { Yoga: 3 });
      const ben = await newPerson(api.core, "Ben");
      await block(api.core, gus, ben);
      const blocked = await (await api.as(ben)).get(`/api/v1/users/${gus.handle}/skills`);
      expect(blocked.status).toBe(404);
      expect(blocked.body).toMatchObject({ error: { code: "USER.NOT_FOUND" } });

      await (await api.as(gus)).patch("/api/v1/me", { visibility: "private" });
      expect((await api.visitor.get(`/api/v1/users/${gus.handle}/skills`)).status).toBe(404);
    });

    it("refuses a handle that is too long", async () => {
      expect(rejected(await api.visitor.get(`/api/v1/users/${"a".repeat(65)}/skills`))).toEqual(["handle"]);
    });
  });

  describe("weekly availability", () => {
    it("replaces my slots, merged, with how I meet, and reads them back in my time zone", async () => {
      const hal = await api.as(await newPerson(api.core, "Hal"));
      await hal.patch("/api/v1/me", { timeZone: "Europe/Paris" });
      const saved = await hal.put("/api/v1/me/availability", {
        slots: [
          { day: "Tue", start: "18:00", end: "19:00" },
          { day: 2, start: 1140, end: 1260 },
          { day: "sat", start: "9am", end: "12" },
        ],
        meetingMode: "in_person",
      });
      expect(saved.status).toBe(200);
      expect(saved.body).toEqual({
        slots: [
          { weekday: 2, startMinute: 1080, endMinute: 1260 },
          { weekday: 6, startMinute: 540, endMinute: 720 },
        ],
        meetingMode: "in_person",
        timeZone: "Europe/Paris",
      });
      expect((await hal.get("/api/v1/me/availability")).body).toEqual(saved.body);

      const cleared = await hal.put("/api/v1/me/availability", { slots: [] });
      expect(cleared.body).toMatchObject({ slots: [], meetingMode: "in_person" });
    });

    it("takes back what it answered: slots read with GET are sent again with PUT, and for one skill too", async () => {
      const kim = await api.as(await newPerson(api.core, "Kim"));
      const slots = [{ day: "Tue", start: "18:00", end: "20:00" }];
      expect((await kim.put("/api/v1/me/availability", { slots, meetingMode: "online" })).status).toBe(200);
      const read = await kim.get("/api/v1/me/availability");
      const { slots: answered, meetingMode } = read.body as { slots: unknown[]; meetingMode: string };
      const again = await kim.put("/api/v1/me/availability", { slots: answered, meetingMode });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(read.body);

      const added = await kim.post("/api/v1/me/skills", {
        skill: "Chess",
        direction: "teach",
        level: 3,
        availability: answered,
      });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ availability: answered });
      const changed = await kim.patch(`/api/v1/me/skills/${idOf(added)}`, { availability: answered });
      expect(changed.body).toMatchObject({ availability: answered });
    });

    it("names the slot field that is wrong, and every field it does not accept", async () => {
      const ivy = await api.as(await newPerson(api.core, "Ivy"));
      expect(
        rejected(
          await ivy.put("/api/v1/me/availability", {
            slots: [
              { day: "mon", start: "10:00", end: "11:00" },
              { day: "someday", start: "25:00", end: "26:00" },
            ],
            meetingMode: "telepathy",
            timeZone: "UTC",
          }),
        ),
      ).toEqual(expect.arrayContaining(["slots.1.day", "slots.1.start", "slots.1.end", "meetingMode", "timeZone"]));
      expect(
        rejected(
          await ivy.put("/api/v1/me/availability", {
            slots: [
              { weekday: 7, startMinute: 600, endMinute: 660 },
              { weekday: 1, startMinute: 660, endMinute: 600 },
            ],
          }),
        ),
      ).toEqual(["slots.0.weekday", "slots.1.endMinute"]);
      expect(rejected(await ivy.put("/api/v1/me/availability", {}))).toEqual(["slots"]);
    });

    it("asks a visitor to sign in", async () => {
      expect((await api.visitor.get("/api/v1/me/availability")).status).toBe(401);
      expect((await api.visitor.put("/api/v1/me/availability", { slots: [] })).status).toBe(401);
    });
  });
});
