import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "../../config.js";
import { acceptedSwap, createTestCore, newPublicPerson, type TestCore } from "../../testing/index.js";

const hour = 60 * 60 * 1000;

/**
 * Watches every pg connection: the most queries one connection was handed before answering the previous one,
 * and pg's own deprecation warning. pg warns only once a query already waits behind the running one (the third
 * at once), and once per process, though its message deprecates any query sent while one runs: hence the count.
 */
function watchConnections() {
  const prototype = pg.Client.prototype;
  const send = Reflect.get(prototype, "query") as (this: pg.Client, ...args: unknown[]) => unknown;
  const inFlight = new WeakMap<pg.Client, number>();
  const watch = { mostAtOnce: 0, warnings: [] as string[] };
  const onWarning = (warning: Error) => {
    if (warning.message.includes("already executing a query")) watch.warnings.push(warning.message);
  };
  function counted(this: pg.Client, ...args: unknown[]): unknown {
    const busy = (inFlight.get(this) ?? 0) + 1;
    inFlight.set(this, busy);
    watch.mostAtOnce = Math.max(watch.mostAtOnce, busy);
    const done = () => {
      inFlight.set(this, (inFlight.get(this) ?? 1) - 1);
    };
    const sent = send.apply(this, args);
    // Prisma's adapter always takes the promise form; a query with a callback is not counted.
    if (sent instanceof Promise) sent.then(done, done);
    else done();
    return sent;
  }
  beforeAll(() => {
    process.on("warning", onWarning);
    Reflect.set(prototype, "query", counted);
  });
  afterAll(() => {
    process.off("warning", onWarning);
    Reflect.set(prototype, "query", send);
  });
  beforeEach(() => {
    watch.mostAtOnce = 0;
    watch.warnings = [];
  });
  afterEach(() => {
    expect(watch.warnings).toEqual([]);
    expect(watch.mostAtOnce).toBeLessThanOrEqual(1);
  });
  return watch;
}

describe.skipIf(testDatabaseUrl() === undefined)("queries inside a PostgreSQL transaction", () => {
  const watch = watchConnections();
  let core: TestCore;
  beforeAll(async () => {
    core = await createTestCore("postgresql");
  });
  afterAll(() => core.close());

  it("reach the connection one at a time when Prisma loads several relations of a row", async () => {
    const ana = await newPublicPerson(core, "ana", { Guitar: 4 });
    const rows = await core.database.db.$transaction((tx) =>
      tx.user.findMany({
        where: { id: { in: [ana.userId] } },
        select: {
          handle: true,
          location: { select: { name: true } },
          skills: { select: { skillId: true, availability: { select: { weekday: true } } } },
          availability: { select: { weekday: true } },
          reviewsReceived: { select: { rating: true } },
          memberships: { select: { communityId: true } },
        },
      }),
    );
    expect(rows).toEqual([expect.objectContaining({ handle: ana.handle, skills: [expect.anything()] })]);
    // A watch that saw no query at all would pass anything.
    expect(watch.mostAtOnce).toBe(1);
  });

  it("reach the connection one at a time through the swap, session, review and conversation moves", async () => {
    const s = core.services;
    const { ana, bea, swapId, conversationId } = await acceptedSwap(core, ["ann", "ben"]);
    await s.conversations.post(ana, conversationId, { text: "Tuesday?" });
    const at = (hours: number) => new Date(core.clock.now().getTime() + hours * hour).toISOString();
    const dropped = await s.sessions.schedule(ana, swapId, { startsAt: at(1), mode: "online", skill: "Spanish" });
    await s.sessions.cancel(bea, dropped.id);
    const held = await s.sessions.schedule(ana, swapId, { startsAt: at(1), mode: "online", skill: "Spanish" });
    await s.sessions.reschedule(ana, held.id, { startsAt: at(2) });
    core.clock.advance(3 * hour);
    await s.sessions.dispute(bea, held.id);
    await s.sessions.confirm(bea, held.id);
    await s.sessions.confirm(ana, held.id);
    const review = await s.reviews.submit(ana, swapId, { rating: 5 });
    await s.reviews.edit(ana, review.id, { rating: 4 });
    await s.reviews.reply(bea, review.id, { text: "Thanks!" });
    const later = await s.sessions.schedule(ana, swapId, { startsAt: at(1), mode: "online", skill: "Spanish" });
    core.clock.advance(2 * hour);
    await s.sessions.confirm(ana, later.id);
    core.clock.advance(4 * 24 * hour);
    expect(await s.sessions.completeDue()).toBe(1);
    expect((await s.swaps.complete(ana, swapId)).status).toBe("accepted");

    const [dee, ed, fay] = [
      await newPublicPerson(core, "dee", { Guitar: 4 }),
      await newPublicPerson(core, "ed", { Chess: 4 }),
      await newPublicPerson(core, "fay", { Drums: 4 }),
    ];
    const refused = await s.swaps.request(ed, { to: dee.handle, want: "Guitar" });
    expect((await s.swaps.decline(dee, refused.id)).status).toBe("declined");
    const withdrawn = await s.swaps.request(ed, { to: dee.handle, want: "Guitar" });
    expect((await s.swaps.cancel(ed, withdrawn.id)).status).toBe("cancelled");
    const cycle = await s.swaps.requestCycle(dee, {
      next: ed.handle,
      after: fay.handle,
      youTeach: "Guitar",
      nextTeaches: "Chess",
      afterTeaches: "Drums",
    });
    await s.swaps.accept(ed, cycle.id);
    await s.swaps.request(fay, { to: ed.handle, want: "Chess" });
    core.clock.advance(30 * 24 * hour);
    expect(await s.swaps.expireDue()).toBeGreaterThan(0);
  });
});
