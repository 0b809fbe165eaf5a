import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCore } from "../../app.js";
import { loadConfig, type ConfigInput, type DatabaseProvider } from "../../config.js";
import type { Actor } from "../shared/actor.js";
import {
  block,
  createTestCore,
  domainErrorOf,
  newCommunity,
  newPerson,
  rejectedFields,
  seedPeople,
  testImages,
  type PersonSpec,
  type TestCore,
} from "../../testing/index.js";
import type { SearchIndex } from "../../ports/search-index.js";
import { createSearchService, type PeopleSearchInput } from "./service.js";

/** Sam (Paris, in a community with Gina) searches; everyone else is someone Sam might look for. */
const fixture: Record<string, PersonSpec> = {
  sam: { name: "Sam Carter", teach: { Cooking: 3 }, learn: { Guitar: 2 }, city: "Paris" },
  ana: {
    name: "Ana Lopez",
    teach: { Guitar: 4 },
    learn: { Spanish: 3 },
    city: "Paris",
    bio: "Jazz guitarist who loves bossa nova",
  },
  bea: { name: "Beatriz Moreno", teach: { Spanish: 5 }, learn: { Guitar: 2 }, city: "Madrid" },
  carl: { name: "Carl Weber", teach: { Guitar: 2 }, learn: { Cooking: 2 }, city: "Lyon", mode: "in_person" },
  dora: {
    name: "Dora Klein",
    teach: { JavaScript: 5 },
    learn: { Guitar: 1 },
    city: "Berlin",
    slots: [{ day: "tue", start: "18:00", end: "20:00" }],
    timeZone: "Europe/Berlin",
  },
  emil: { name: "Emil Novak", teach: { Python: 4 }, learn: { JavaScript: 2 }, bio: "I play the guitar badly" },
  fred: { name: "Fred Private", teach: { Guitar: 5 }, visibility: "private" },
  gina: { name: "Gina Rossi", teach: { Guitar: 3 }, visibility: "communities", city: "Paris" },
  hugo: { name: "Hugo Blocked", teach: { Guitar: 5 } },
  ines: { name: "Inès Martin", teach: { Guitar: 5 }, mode: "online", city: "Toulouse" },
  jon: { name: "Jon Hidden", teach: { Guitar: 4 }, visibility: "communities" },
  maria: { name: "Maria Bianchi", teach: { Italian: 4 }, learn: { Cooking: 3 }, city: "Rome" },
  mario: { name: "Mario Verdi", teach: { Cooking: 5 }, city: "Milan" },
  olga: { name: "Olga Petrova", teach: { Marketing: 3 } },
  priya: { name: "Priya Nair", teach: { Pandas: 4 } },
  // Meets in person on Monday mornings, but teaches Chess online on Saturday mornings.
  kurt: {
    name: "Kurt Weiss",
    teach: { Chess: 4 },
    city: "Berlin",
    mode: "in_person",
    slots: [{ day: "mon", start: "08:00", end: "09:00" }],
    own: { Chess: { mode: "online", slots: [{ day: "sat", start: "10:00", end: "12:00" }] } },
  },
};

/** Where a run of the suite keeps people and their search index. */
export interface SearchSuiteTarget {
  readonly name: string;
  readonly provider: DatabaseProvider;
  /** Configuration beyond the database (ELASTICSEARCH_URL…): every core the suite opens gets it. */
  readonly config?: Partial<Omit<ConfigInput, "DATABASE_URL">>;
  /**
   * The SQL indexes answer a one-skill search by a shortcut (bands.ts); this opens the same index without it,
   * so the suite can compare the two. Absent for an index without a shortcut.
   */
  readonly withoutShortcut?: (core: TestCore) => SearchIndex;
}

/**
 * The people-search suite: what a person searching sees, the same whatever index serves it. search.test.ts
 * runs it on each database's own index; infra/elasticsearch runs it against a real Elasticsearch when one is
 * configured.
 */
export function describePeopleSearch(target: SearchSuiteTarget): void {
  const { provider } = target;
  describe(`people search on ${target.name}`, () => {
    let core: TestCore;
    const people = new Map<string, Actor & { handle: string }>();
    const who = (name: string) => people.get(name) as Actor & { handle: string };
    const nameOf = (handle: string) => [...people].find(([, p]) => p.handle === handle)?.[0];
    const search = (input: PeopleSearchInput, as = "sam") => core.services.search.people(who(as), input);
    const names = async (input: PeopleSearchInput, as = "sam") =>
      (await search(input, as)).hits.map((h) => nameOf(h.handle));

    beforeAll(async () => {
      core = await createTestCore(provider, {}, target.config ?? {});
      for (const [key, person] of await seedPeople(core, fixture)) people.set(key, person);
      await block(core, who("hugo"), who("sam"));
      await newCommunity(core, [who("sam"), who("gina")]);
    }, 60_000);
    afterAll(() => core.close());

    describe("free text", () => {
      it("finds Guitar people from a misspelling nobody listed, teachers by level first, and says why", async () => {
        const result = await search({ text: "gutar" });
        expect(result.hits.map((h) => nameOf(h.handle))).toEqual([
          "ines",
          "ana",
          "gina",
          "carl",
          "bea",
          "dora",
          "emil",
        ]);
        expect(result.hits[0]?.reasons).toEqual([
          {
            field: "skill",
            typed: "gutar",
            fuzzy: true,
            skill: { name: "Guitar", direction: "teach", level: 5 },
            text: "teaches Guitar (level 5), for “gutar”",
          },
        ]);
        expect(result.hits.find((h) => nameOf(h.handle) === "bea")?.reasons[0]?.text).toBe(
          "wants to learn Guitar (level 2), for “gutar”",
        );
      });

      it("finds a skill by its alias or a listed misspelling exactly as by its name", async () => {
        const byName = await names({ text: "JavaScript" });
        expect(byName).toEqual(["dora", "emil"]);
        expect(await names({ text: "js" })).toEqual(byName);
        expect(await names({ text: "javscript" })).toEqual(byName);
        expect(await names({ text: "javascrpt" })).toEqual(byName);
      });

      it("matches words in bios too, below people who list the skill", async () => {
        const result = await search({ text: "guitar" });
        const emil = result.hits.find((h) => nameOf(h.handle) === "emil");
        expect(emil?.reasons).toEqual([
          { field: "bio", typed: "guitar", fuzzy: false, word: "guitar", text: "bio mentions “guitar”" },
        ]);
        expect(result.hits.at(-1)?.handle).toBe(emil?.handle);
      });

      it("finds people by name and handle, with a typo or an unfinished last word", async () => {
        expect(await names({ text: "maria" })).toEqual(["maria"]);
        expect(await names({ text: "Maira" })).toEqual(["maria"]);
        expect(await names({ text: "Bianchu" })).toEqual(["maria"]);
        expect(await names({ text: "bea" })).toEqual(["bea"]);
        expect(await names({ text: who("carl").handle })).toEqual(["carl"]);
        const [hit] = (await search({ text: "maria" })).hits;
        expect(hit?.reasons[0]).toMatchObject({ field: "name", word: "maria", text: "name matches “maria”" });
      });

      it("needs every word to match: a skill and a name together", async () => {
        expect(await names({ text: "guitar ana" })).toEqual(["ana"]);
        expect(await names({ text: "cooking rome" })).toEqual([]);
      });

      it("never shows private profiles, people in a block, profiles for communities Sam is not in, or Sam", async () => {
        const seen = new Set(await names({ text: "guitar", limit: 50 }));
        for (const hidden of ["fred", "hugo", "jon", "sam"]) expect(seen.has(hidden)).toBe(false);
        expect(seen.has("gina")).toBe(true);
        expect(await names({ text: "guitar" }, "hugo")).not.toContain("sam");
        expect(await names({ text: "guitar" }, "ana")).not.toContain("gina");
      });
    });

    describe("short words and other scripts", () => {
      const guitarPeople = ["ines", "ana", "gina", "carl", "bea", "dora"];

      it("finds Guitar people from the first letters of its name, and says so", async () => {
        const result = await search({ text: "gui" });
        expect(result.hits.map((h) => nameOf(h.handle))).toEqual(guitarPeople);
        expect(result.hits[0]?.reasons).toEqual([
          {
            field: "skill",
            typed: "gui",
            fuzzy: true,
            skill: { name: "Guitar", direction: "teach", level: 5 },
            text: "teaches Guitar (level 5), for “gui”",
          },
        ]);
        expect(await names({ text: "gu" })).toEqual(guitarPeople);
        expect(await names({ text: "Gui", direction: "learn" })).toEqual(["bea", "dora"]);
      });

      it("lists people whose name begins so before people with a skill that begins so", async () => {
        expect(await names({ text: "mar" })).toEqual(["ines", "maria", "mario", "olga"]);
        const olga = (await search({ text: "mar" })).hits.at(-1);
        expect(olga?.reasons.map((r) => r.text)).toEqual(["teaches Marketing (level 3), for “mar”"]);
        // "ma" begins a dozen skills: too many to guess from, so it finds names only.
        expect(await names({ text: "ma" })).toEqual(["ines", "maria", "mario"]);
      });

      it("matches a short word that names a skill exactly, above the skills it only begins", async () => {
        const result = await search({ text: "py" });
        expect(result.hits.map((h) => nameOf(h.handle))).toEqual(["emil", "priya"]);
        expect(result.hits.map((h) => h.reasons[0]?.text)).toEqual([
          "teaches Python (level 4)",
          "teaches Pandas (level 4), for “py”",
        ]);
      });

      it("finds a skill by its name in other languages and scripts", async () => {
        for (const text of [
          "ギター",
          "吉他",
          "гитара",
          "Гитара",
          "기타",
          "κιθάρα",
          "गिटार",
          "Gitarre",
          "guitare",
          "violão",
        ]) {
          const result = await search({ text });
          // "guitare" is also a typo away from the "guitar" in Emil's bio.
          expect(
            result.hits.slice(0, guitarPeople.length).map((h) => nameOf(h.handle)),
            text,
          ).toEqual(guitarPeople);
          expect(result.hits[0]?.reasons[0], text).toMatchObject({ fuzzy: false, text: "teaches Guitar (level 5)" });
        }
      });
    });

    describe("filters and order", () => {
      it("keeps teachers at a minimum level, or learners", async () => {
        expect(await names({ text: "guitar", direction: "teach", minLevel: 4 })).toEqual(["ines", "ana"]);
        expect(await names({ text: "guitar", direction: "learn" })).toEqual(["bea", "dora"]);
      });

      it("filters by category without any text", async () => {
        expect(await names({ category: "programming", direction: "teach" })).toEqual(["dora", "emil"].sort());
        expect(await names({ category: "Cooking & food", minLevel: 5 })).toEqual(["mario"]);
      });

      it("keeps people within a distance of Sam or of a named city, nearest first when asked", async () => {
        expect(await names({ text: "guitar", km: 50 })).toEqual(["ana", "gina"]);
        const nearLyon = await search({ text: "guitar", near: "Lyon", km: 500, sort: "distance" });
        expect(nearLyon.hits.map((h) => nameOf(h.handle))).toEqual(["carl", "ines", "ana", "gina"]);
        expect(nearLyon.hits[0]?.distanceKm).toBe(0);
        expect(nearLyon.hits[1]?.distanceKm).toBeGreaterThan(300);
      });

      it("keeps people who meet online, or in person", async () => {
        expect(await names({ text: "guitar", mode: "online" })).not.toContain("carl");
        expect(await names({ text: "guitar", mode: "in_person" })).not.toContain("ines");
      });

      it("keeps people free at a weekly time, across time zones", async () => {
        // Sam's evening in UTC (Sam has no zone set) meets Dora's Tuesday 18–20 in Berlin (17–19 UTC).
        expect(await names({ text: "guitar", available: "Tue 17:30-18:00" })).toEqual(["dora"]);
        expect(await names({ text: "guitar", available: "Tue 20:00-21:00" })).toEqual([]);
      });

      it("holds a skill to the mode and the weekly time its owner set for it", async () => {
        expect(await names({ text: "chess", mode: "online" })).toEqual(["kurt"]);
        expect(await names({ text: "chess", mode: "in_person" })).toEqual([]);
        expect(await names({ text: "chess", available: "Sat 10:30-11:00" })).toEqual(["kurt"]);
        // Kurt's general Monday slot is not when he teaches Chess.
        expect(await names({ text: "chess", available: "Mon 08:00-09:00" })).toEqual([]);
        // By name, Kurt is found if he can meet so for anything: in person generally, online for Chess.
        expect(await names({ text: "kurt", mode: "online" })).toEqual(["kurt"]);
        expect(await names({ text: "kurt", available: "Mon 08:00-09:00" })).toEqual(["kurt"]);
        expect(await names({ category: "games", mode: "online" })).toEqual(["kurt"]);
      });

      it("keeps members of a community", async () => {
        const community = await newCommunity(core, [who("ana"), who("carl")]);
        expect(await names({ text: "guitar", community })).toEqual(["ana", "carl"]);
      });

      it("sorts by rating or by recent activity with a stable order", async () => {
        const byRating = await names({ text: "guitar", sort: "rating" });
        expect(new Set(byRating)).toEqual(new Set(await names({ text: "guitar" })));
        const recent = await names({ text: "guitar", sort: "recent" });
        expect(recent).toEqual(await names({ text: "guitar", sort: "recent" }));
      });
    });

    describe("pages", () => {
      it("walks every result once, in the same order as one long page", async () => {
        const all = (await search({ text: "guitar", limit: 50 })).hits.map((h) => h.handle);
        const walked: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await search({ text: "guitar", limit: 2, ...(cursor ? { cursor } : {}) });
          walked.push(...page.hits.map((h) => h.handle));
          cursor = page.nextCursor ?? undefined;
        } while (cursor !== undefined);
        expect(walked).toEqual(all);
      });

      it("refuses a cursor from another query, or a damaged one, naming the field", async () => {
        const first = await search({ text: "guitar", limit: 1 });
        expect(first.nextCursor).not.toBeNull();
        const other = await domainErrorOf(() => search({ text: "cooking", limit: 1, cursor: first.nextCursor ?? "" }));
        expect(other.code).toBe("SEARCH.BAD_CURSOR");
        expect(other.fields.map((f) => f.field)).toEqual(["cursor"]);
        expect(await rejectedFields(() => search({ text: "guitar", cursor: "not-a-cursor" }))).toEqual(["cursor"]);
      });

      it("refuses a forged cursor whose key no sort could give, on every database alike", async () => {
        const first = await search({ text: "guitar", limit: 1 });
        const real = JSON.parse(Buffer.from(first.nextCursor ?? "", "base64url").toString("utf8")) as object;
        const forged = (change: object) => Buffer.from(JSON.stringify({ ...real, ...change })).toString("base64url");
        for (const change of [{ k: 1e20 }, { k: -1e20 }, { k: 1.5 }, { k: "7" }, { u: "a\u0000b" }, { u: "" }])
          expect(await rejectedFields(() => search({ text: "guitar", limit: 1, cursor: forged(change) }))).toEqual([
            "cursor",
          ]);
      });
    });

    describe("bad input", () => {
      it("names the field for an unknown category, a negative distance, an unknown city or a bad window", async () => {
        expect(await rejectedFields(() => search({ category: "Underwater basketry" }))).toEqual(["category"]);
        expect(await rejectedFields(() => search({ text: "guitar", km: -5 }))).toEqual(["km"]);
        expect(await rejectedFields(() => search({ near: "Xyzzyville" }))).toEqual(["near"]);
        expect(await rejectedFields(() => search({ available: "someday" }))).toEqual(["available"]);
        expect(await rejectedFields(() => search({ community: "no-such-community" }))).toEqual(["community"]);
        expect(await rejectedFields(() => search({ minLevel: 9 }))).toEqual(["minLevel"]);
      });

      it("asks for a place when someone without a location filters by distance", async () => {
        expect(await rejectedFields(() => search({ text: "guitar", km: 10 }, "emil"))).toEqual(["km"]);
      });
    });

    describe("the shortcuts (one-skill bands, the database's row-level tests)", () => {
      it.skipIf(target.withoutShortcut === undefined)(
        "answers exactly as the general query, page by page",
        async () => {
          const open = target.withoutShortcut;
          if (open === undefined) return;
          const general = open(core);
          const slow = createSearchService(
            { ...core.deps, searchIndex: general },
            { publicUrl: "http://localhost:3000" },
          );
          // Someone who teaches a little guitar and wants to get much better: two rows for one skill.
          const otto = await newPerson(core, "otto");
          await core.services.profiles.update(otto, { displayName: "Otto Both", visibility: "public" });
          await core.services.skills.add(otto, { skill: "Guitar", direction: "teach", level: 2 });
          await core.services.skills.add(otto, { skill: "Guitar", direction: "learn", level: 4 });
          try {
            const inputs: PeopleSearchInput[] = [
              { text: "guitar" },
              { text: "gutar" },
              { text: "js" },
              { text: "guitar", direction: "teach", minLevel: 3 },
              { text: "guitar", direction: "learn" },
              { text: "guitar", minLevel: 2 },
              { text: "guitar", minLevel: 3 },
              { text: "guitar", minLevel: 3, direction: "learn" },
              { text: "spanish", minLevel: 3 },
              { text: "guitar", category: "music" },
              { text: "guitar", near: "Lyon", km: 600 },
              { text: "guitar", mode: "online" },
              { text: "cooking" },
              { text: "gui" },
              { text: "gu", direction: "teach" },
              { text: "gui", mode: "online" },
              { text: "gu", near: "Lyon", km: 600 },
              { text: "py" },
              { text: "mar" },
              { text: "ギター" },
              // Only words decide: names, several words, a misspelt name, a bio, within a distance, a
              // community's private member.
              { text: "ana" },
              { text: "ana lopez" },
              { text: "lopes" },
              { text: "jazz bossa" },
              { text: "an", near: "Lyon", km: 600 },
              { text: "gina" },
            ];
            for (const input of inputs) {
              for (const limit of [1, 3, 50]) {
                const walk = async (service: typeof slow) => {
                  const seen: Array<{ handle: string; score: number; reasons: unknown }> = [];
                  let cursor: string | undefined;
                  do {
                    const page = await service.people(who("sam"), { ...input, limit, ...(cursor ? { cursor } : {}) });
                    seen.push(...page.hits.map((h) => ({ handle: h.handle, score: h.score, reasons: h.reasons })));
                    cursor = page.nextCursor ?? undefined;
                  } while (cursor !== undefined);
                  return seen;
                };
                const fast = await walk(core.services.search);
                expect(fast.length, JSON.stringify(input)).toBeGreaterThan(0);
                expect(fast, JSON.stringify({ input, limit })).toEqual(await walk(slow));
              }
            }
            const otto3 = await search({ text: "guitar", minLevel: 3, limit: 50 });
            expect(otto3.hits.find((h) => h.handle === otto.handle)?.reasons[0]?.text).toBe(
              "wants to learn Guitar (level 4)",
            );
            await core.services.profiles.deleteAccount(otto, otto.handle);
          } finally {
            await general.close();
          }
        },
      );
    });

    describe("the index stays true", () => {
      it("follows profile, skill, visibility and deletion changes through the outbox", async () => {
        const kim = await newPerson(core, "kim");
        await core.services.profiles.update(kim, { displayName: "Kim Park", visibility: "public" });
        await core.services.skills.add(kim, { skill: "Ukulele", direction: "teach", level: 4 });
        const [hit] = (await search({ text: "ukulele" })).hits;
        expect(hit?.handle).toBe(kim.handle);

        await core.services.profiles.update(kim, { bio: "Also a keen birdwatcher" });
        expect((await search({ text: "birdwatcher" })).hits.map((h) => h.handle)).toEqual([kim.handle]);

        await core.services.profiles.update(kim, { visibility: "private" });
        expect((await search({ text: "ukulele" })).hits).toEqual([]);
        await core.services.profiles.update(kim, { visibility: "public" });
        expect((await search({ text: "ukulele" })).hits).toHaveLength(1);

        await core.services.profiles.deleteAccount(kim, kim.handle);
        expect((await search({ text: "ukulele" })).hits).toEqual([]);
      });

      it("shows each person's picture, the new one after a change, none after a removal", async () => {
        const pia = await newPerson(core, "pia");
        await core.services.profiles.update(pia, { displayName: "Pia Lindqvist", visibility: "public" });
        const pictureFound = async () => (await search({ text: "lindqvist" })).hits.map((h) => h.avatarSmallUrl);
        expect(await pictureFound()).toEqual([null]);

        const first = await core.services.profiles.setAvatar(pia, await testImages.png());
        expect(first.avatarSmallUrl).not.toBeNull();
        expect(await pictureFound()).toEqual([first.avatarSmallUrl]);

        const second = await core.services.profiles.setAvatar(pia, await testImages.png(64, 64));
        expect(second.avatarSmallUrl).not.toBe(first.avatarSmallUrl);
        expect(await pictureFound()).toEqual([second.avatarSmallUrl]);
        // A rebuild reads the same picture from the database.
        await core.services.search.reindex();
        expect(await pictureFound()).toEqual([second.avatarSmallUrl]);

        await core.services.profiles.removeAvatar(pia);
        expect(await pictureFound()).toEqual([null]);
      });

      it("loses nothing when the process that made a change never updated the index", async () => {
        const lea = await newPerson(core, "lea");
        await core.services.profiles.update(lea, { displayName: "Lea Quartz", visibility: "public" });
        // Another process (a fresh core on the same database) has never seen this change: the outbox has it.
        const other = await createCore(loadConfig({ ...target.config, DATABASE_URL: core.database.url }, {}), {
          prepare: false,
        });
        try {
          const found = await other.services.search.people(who("sam"), { text: "quartz" });
          expect(found.hits.map((h) => h.handle)).toEqual([lea.handle]);
        } finally {
          await other.close();
        }
      });

      it("rebuilds to the same answers", async () => {
        const before = await search({ text: "guitar", limit: 50 });
        const rebuilt = await core.services.search.reindex();
        expect(rebuilt.people).toBeGreaterThan(10);
        expect(await search({ text: "guitar", limit: 50 })).toEqual(before);
      });

      it("says who a rebuild left out and why: private profiles and inactive accounts", async () => {
        const before = await core.services.search.reindex();
        const hidden = await newPerson(core, "hidden");
        await core.services.profiles.update(hidden, { visibility: "private" });
        // No use case leaves an account inactive (deleting one removes its row); an operator can, in the database.
        const suspended = await newPerson(core, "suspended");
        await core.database.db.user.update({ where: { id: suspended.userId }, data: { status: "suspended" } });
        const after = await core.services.search.reindex();
        expect(after.people).toBe(before.people);
        expect(after.leftOut).toEqual({
          privateProfiles: before.leftOut.privateProfiles + 1,
          inactiveAccounts: before.leftOut.inactiveAccounts + 1,
        });
      });
    });
  });
}
