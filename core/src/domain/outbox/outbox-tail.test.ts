import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../shared/actor.js";
import { createTestCore, seedPeople, testProviders, type TestCore } from "../../testing/index.js";
import type { Tx } from "../../infra/prisma/database.js";
import { OutboxTail, type OutboxEntry, type OutboxPosition } from "./outbox-tail.js";
import { recordEvent } from "./record-event.js";

type Person = Actor & { handle: string };

/** Ana looks for a Spanish teacher; Kai teaches Spanish but keeps a private profile until the change under test. */
const fixture = {
  ana: { name: "Ana Lopez", teach: { Guitar: 4 }, learn: { Spanish: 2 } },
  bea: { name: "Bea Moreno", teach: { Spanish: 5 }, learn: { Guitar: 2 } },
  kai: { name: "Kai Latecomer", teach: { Spanish: 4 }, learn: { Guitar: 1 }, visibility: "private" as const },
};

/** Kai's profile turns public, written the way profiles.update writes it: the row and its event together. */
async function kaiGoesPublic(tx: Tx, core: TestCore, kai: Person, event?: { id: string; createdAt: Date }) {
  await tx.user.update({ where: { id: kai.userId }, data: { visibility: "public" } });
  const payload = { userId: kai.userId, fields: ["visibility"] };
  if (event === undefined) {
    await recordEvent(tx, core.deps, { type: "profile.updated", aggregateId: kai.userId, payload });
    return;
  }
  await tx.outboxEvent.create({
    data: {
      ...event,
      type: "profile.updated",
      aggregateId: kai.userId,
      payload: JSON.stringify(payload),
      availableAt: event.createdAt,
    },
  });
}

/** A transaction that has written with `write` and stays open until `commit()` (PostgreSQL: others commit meanwhile). */
async function openTransaction(core: TestCore, write: (tx: Tx) => Promise<void>) {
  let commit = () => {};
  const committing = new Promise<void>((resolve) => (commit = resolve));
  let written = () => {};
  const wrote = new Promise<void>((resolve) => (written = resolve));
  const done = core.database.db.$transaction(
    async (tx) => {
      await write(tx);
      written();
      await committing;
    },
    { timeout: 60_000 },
  );
  await Promise.race([wrote, done]);
  return {
    commit: async () => {
      commit();
      await done;
    },
  };
}

/** Everything a tail hands over from `from` on, and where it ends. */
async function drain(tail: OutboxTail, from: OutboxPosition, now: Date) {
  const entries: OutboxEntry[] = [];
  const end = await tail.follow(from, now, (page) => {
    entries.push(...page);
    return Promise.resolve();
  });
  return { entries, end };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Past the quarter second within which the search feed sees a change this process did not announce. */
const lookAgainMs = 300;

for (const provider of testProviders()) {
  describe(`search and matching follow every committed change, on ${provider}`, () => {
    let core: TestCore;
    let people: Map<string, Person>;
    const who = (name: string) => people.get(name) as Person;
    const found = async () =>
      (await core.services.search.people(who("ana"), { text: "latecomer" })).hits.map((h) => h.handle);
    const matched = async () =>
      (await core.services.matching.recommend(who("ana"), { limit: 20 })).pairs.map((p) => p.handle);
    /** Another person's change, committed and then read by both feeds. */
    const someoneElseChanges = async (bio: string) => {
      await core.services.profiles.update(who("bea"), { bio });
      expect(await found()).toEqual([]);
      expect(await matched()).not.toContain(who("kai").handle);
    };

    beforeAll(async () => {
      core = await createTestCore(provider);
      people = await seedPeople(core, fixture);
      // Both feeds have read the outbox once: from here on they follow it.
      expect(await found()).toEqual([]);
      expect(await matched()).toEqual([who("bea").handle]);
    }, 60_000);
    afterAll(() => core.close());

    it.runIf(provider === "postgresql")(
      "applies a change whose transaction stayed open for 10 seconds while later changes committed and were read",
      async () => {
        const held = await openTransaction(core, (tx) => kaiGoesPublic(tx, core, who("kai")));
        // Ten seconds of others' changes, each read by both feeds, with the clock moving as the wall does: Kai's
        // event was stamped before all of theirs, and commits after them.
        for (let second = 1; second <= 10; second++) {
          await sleep(1_000);
          core.clock.advance(1_000);
          await someoneElseChanges(`Update number ${second}`);
        }
        await held.commit();
        // The search feed looks at once after this process's own writes, else within a quarter second: the
        // write was counted when the event was stamped, ten seconds ago, so this commit is seen as another's.
        await sleep(lookAgainMs);
        expect(await found()).toEqual([who("kai").handle]);
        expect(await matched()).toContain(who("kai").handle);
      },
      30_000,
    );

    it.runIf(provider === "sqlite")(
      "applies a change stamped, and given an id, before others that committed first",
      async () => {
        // SQLite has one writer at a time, so no transaction can be held open here while others commit in
        // this process; what a held transaction would leave behind is an event older, by time and by id, than
        // events committed before it. The feeds read in commit order (rowid), so it is still applied.
        const stampedAt = core.clock.now();
        core.clock.advance(60_000);
        await someoneElseChanges("Committed first, stamped a minute later");
        await core.database.db.$transaction((tx) =>
          kaiGoesPublic(tx, core, who("kai"), { id: "000000000-stamped-early", createdAt: stampedAt }),
        );
        await sleep(lookAgainMs);
        expect(await found()).toEqual([who("kai").handle]);
        expect(await matched()).toContain(who("kai").handle);
      },
    );

    it("rebuilds the search index when it cannot read the stored position: one the earlier feed wrote", async () => {
      const earlier = { cursor: "0mimqk2q8abc123def456", since: core.clock.now() };
      await core.deps.searchIndex.apply({ upsert: [], remove: [], position: earlier });
      // A change no event tells of: only reading everyone again finds it.
      await core.database.db.$transaction((tx) =>
        tx.user.update({ where: { id: who("bea").userId }, data: { displayName: "Bea Rebuilt" } }),
      );
      await sleep(lookAgainMs);
      const hits = await core.services.search.people(who("ana"), { text: "rebuilt" });
      expect(hits.hits.map((h) => h.handle)).toEqual([who("bea").handle]);
    });
  });

  describe(`the outbox tail, on ${provider}`, () => {
    let core: TestCore;
    let people: Map<string, Person>;
    const who = (name: string) => people.get(name) as Person;
    beforeAll(async () => {
      core = await createTestCore(provider);
      people = await seedPeople(core, { ana: { name: "Ana" }, bea: { name: "Bea" } });
    }, 60_000);
    afterAll(() => core.close());

    /**
     * The events recorded so far. On PostgreSQL the boundary is the oldest transaction running in the whole
     * server: one of another database open when a position is taken (other suites run beside this one) lets rows
     * written since it began through again, which readers only apply again (postgres-tail.ts). What is checked
     * there is what came after the position; SQLite, one writer, hands over nothing from before it at all.
     */
    const recorded = async () =>
      new Set((await core.database.db.outboxEvent.findMany({ select: { id: true } })).map((e) => e.id));
    /** Whether another session of the server has a transaction that holds the boundary back. */
    const othersHoldTheBoundary = async () => {
      const [row] = await core.database.db.$queryRawUnsafe<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE pid <> pg_backend_pid() AND (backend_xid IS NOT NULL OR backend_xmin IS NOT NULL)`,
      );
      return (row?.n ?? 0) > 0;
    };
    const after = (entries: readonly OutboxEntry[], before: ReadonlySet<string>) =>
      provider === "postgresql" ? entries.filter((e) => !before.has(e.id)) : entries;

    it("hands over each event committed after the position once, and nothing from before it", async () => {
      const tail = new OutboxTail(core.database);
      const before = await recorded();
      const start = await tail.start(core.clock.now());
      await core.services.profiles.update(who("ana"), { bio: "first" });
      await core.services.profiles.update(who("bea"), { bio: "second" });
      const first = await drain(tail, start, core.clock.now());
      expect(after(first.entries, before).map((e) => [e.type, e.aggregateId])).toEqual([
        ["profile.updated", who("ana").userId],
        ["profile.updated", who("bea").userId],
      ]);
      const again = await drain(tail, first.end ?? start, core.clock.now());
      expect(again.entries).toEqual([]);
      // An event the dispatcher marks delivered (on PostgreSQL a new row version, by a younger transaction) is
      // the same event: it is not handed over again.
      await core.database.db.$transaction((tx) =>
        tx.outboxEvent.updateMany({
          where: { id: { in: first.entries.map((e) => e.id) } },
          data: { status: "delivered" },
        }),
      );
      expect((await drain(tail, again.end ?? start, core.clock.now())).entries).toEqual([]);
      // Another reader, or this one once it forgets, reads from the position alone.
      tail.forget();
      expect(after((await drain(tail, start, core.clock.now())).entries, before)).toHaveLength(2);
    });

    it("hands an event over again when applying its page failed", async () => {
      const tail = new OutboxTail(core.database);
      const before = await recorded();
      const start = await tail.start(core.clock.now());
      await core.services.profiles.update(who("ana"), { bio: "third" });
      await expect(tail.follow(start, core.clock.now(), () => Promise.reject(new Error("index down")))).rejects.toThrow(
        "index down",
      );
      expect(after((await drain(tail, start, core.clock.now())).entries, before).map((e) => e.aggregateId)).toEqual([
        who("ana").userId,
      ]);
    });

    it("refuses a position it cannot read from, so the reader rebuilds", async () => {
      const tail = new OutboxTail(core.database);
      const now = core.clock.now();
      // The kind of position stored before this reader existed: the last event's id and time.
      expect((await drain(tail, { cursor: "0mimqk2q8abc123def456", since: now }, now)).end).toBeNull();
      // A position from the other database.
      const other = provider === "sqlite" ? "xid:1000" : "rowid:5:0mimqk2q8abc123def456";
      expect((await drain(tail, { cursor: other, since: now }, now)).end).toBeNull();
    });

    it.runIf(provider === "postgresql")(
      "scans from before a transaction still open, however long it stays open, and from seconds back once none is",
      async () => {
        const tail = new OutboxTail(core.database);
        const before = await recorded();
        let position = await tail.start(core.clock.now());
        const stampedAt = core.clock.now().getTime();
        const held = await openTransaction(core, (tx) =>
          recordEvent(tx, core.deps, {
            type: "availability.updated",
            aggregateId: who("ana").userId,
            payload: { userId: who("ana").userId },
          }),
        );
        for (let hour = 1; hour <= 3; hour++) {
          core.clock.advance(3_600_000);
          await core.services.profiles.update(who("bea"), { bio: `hour ${hour}` });
          const pass = await drain(tail, position, core.clock.now());
          expect(after(pass.entries, before).map((e) => e.aggregateId)).toEqual([who("bea").userId]);
          position = pass.end ?? position;
          expect(position.since.getTime()).toBeLessThanOrEqual(stampedAt);
        }
        await held.commit();
        const last = await drain(tail, position, core.clock.now());
        expect(after(last.entries, before).map((e) => e.type)).toEqual(["availability.updated"]);
        // Once no transaction is open, the scan starts seconds back; a transaction of another database still
        // open (suites running beside this one) holds the server's boundary, and so the scan, back.
        if (!(await othersHoldTheBoundary()))
          expect(last.end?.since.getTime()).toBeGreaterThan(core.clock.now().getTime() - 60_000);
      },
    );

    it.runIf(provider === "postgresql")(
      "refuses a transaction boundary no transaction has reached: a position from a restored dump",
      async () => {
        const tail = new OutboxTail(core.database);
        const now = core.clock.now();
        expect((await drain(tail, { cursor: "xid:9000000000000", since: now }, now)).end).toBeNull();
      },
    );

    it.runIf(provider === "sqlite")("refuses a position whose event moved to another rowid (VACUUM)", async () => {
      const tail = new OutboxTail(core.database);
      await core.services.profiles.update(who("bea"), { bio: "fourth" });
      const here = await tail.start(core.clock.now());
      await core.database.db.$transaction((tx) =>
        tx.$executeRawUnsafe(
          `UPDATE "OutboxEvent" SET rowid = rowid + 1000 WHERE rowid = (SELECT MAX(rowid) FROM "OutboxEvent")`,
        ),
      );
      expect((await drain(tail, here, core.clock.now())).end).toBeNull();
    });
  });
}
