import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCore, domainErrorOf, newPublicPerson, testProviders, type TestCore } from "../../testing/index.js";
import type { Actor } from "../shared/actor.js";
import type { SwapView } from "./types.js";

type Person = Actor & { handle: string };

/** Who the viewer is in the swap and who the others are, by handle: what a door would print. */
const sides = (swap: SwapView) => ({
  you: swap.you.handle,
  role: swap.you.role,
  partners: swap.partners.map((p) => p.handle),
});

describe.each(testProviders())("a swap seen by one of its people, on %s", (provider) => {
  let core: TestCore;
  let ana: Person;
  let bea: Person;
  let cy: Person;
  const swaps = () => core.services.swaps;

  beforeAll(async () => {
    core = await createTestCore(provider);
    ana = await newPublicPerson(core, "ana", { Guitar: 4 });
    bea = await newPublicPerson(core, "bea", { Spanish: 5 });
    cy = await newPublicPerson(core, "cy", { Chess: 3 });
  });
  afterAll(() => core.close());

  it("tells the requester they may cancel, and the recipient they may accept or decline", async () => {
    const asked = await swaps().request(ana, { to: bea.handle, want: "Spanish", offer: "Guitar" });
    expect(sides(asked)).toEqual({ you: ana.handle, role: "requester", partners: [bea.handle] });
    expect(asked.you).toMatchObject({ teaches: { name: "Guitar" }, learns: { name: "Spanish" } });
    expect(asked.moves).toEqual(["cancel"]);

    const seenByBea = await swaps().get(bea, asked.id);
    expect(sides(seenByBea)).toEqual({ you: bea.handle, role: "recipient", partners: [ana.handle] });
    expect(seenByBea.you).toMatchObject({ teaches: { name: "Spanish" }, learns: { name: "Guitar" } });
    expect(seenByBea.moves).toEqual(["accept", "decline"]);
    await swaps().cancel(ana, asked.id);
  });

  it("lets both call off an accepted swap, say it is done and schedule a session; then each may review once", async () => {
    const asked = await swaps().request(ana, { to: bea.handle, want: "Spanish", offer: "Guitar" });
    const accepted = await swaps().accept(bea, asked.id);
    expect(accepted.moves).toEqual(["cancel", "complete", "schedule"]);
    expect((await swaps().get(ana, asked.id)).moves).toEqual(["cancel", "complete", "schedule"]);

    const half = await swaps().complete(ana, asked.id);
    expect(half.moves).toEqual(["cancel", "schedule"]);
    expect((await swaps().get(bea, asked.id)).moves).toEqual(["cancel", "complete", "schedule"]);

    const done = await swaps().complete(bea, asked.id);
    expect(done.status).toBe("completed");
    expect(done.moves).toEqual(["review"]);
    await core.services.reviews.submit(bea, asked.id, { rating: 5, text: "Patient teacher" });
    expect((await swaps().get(bea, asked.id)).moves).toEqual([]);
    expect((await swaps().get(ana, asked.id)).moves).toEqual(["review"]);
  });

  it("shows each person of a three-person swap their own side and their two partners", async () => {
    const cycle = await swaps().requestCycle(ana, {
      next: bea.handle,
      after: cy.handle,
      youTeach: "Guitar",
      nextTeaches: "Spanish",
      afterTeaches: "Chess",
    });
    expect(sides(cycle)).toEqual({ you: ana.handle, role: "requester", partners: [bea.handle, cy.handle] });
    expect(cycle.moves).toEqual(["cancel"]);

    const seenByBea = await swaps().accept(bea, cycle.id);
    expect(sides(seenByBea)).toEqual({ you: bea.handle, role: "recipient", partners: [ana.handle, cy.handle] });
    expect(seenByBea.you).toMatchObject({ accepted: true, teaches: { name: "Spanish" }, learns: { name: "Guitar" } });
    expect(seenByBea.moves).toEqual([]);

    const seenByCy = await swaps().get(cy, cycle.id);
    expect(sides(seenByCy)).toEqual({ you: cy.handle, role: "recipient", partners: [ana.handle, bea.handle] });
    expect(seenByCy.moves).toEqual(["accept", "decline"]);
    await swaps().cancel(ana, cycle.id);
  });

  it("lists every swap from the viewer's side", async () => {
    const asked = await swaps().request(cy, { to: ana.handle, want: "Guitar" });
    const { swaps: listed } = await swaps().list(ana, { limit: 50 });
    expect(listed.every((swap) => swap.you.handle === ana.handle)).toBe(true);
    expect(listed.find((swap) => swap.id === asked.id)).toMatchObject({
      you: { handle: ana.handle, role: "recipient", teaches: { name: "Guitar" }, learns: null },
      partners: [{ handle: cy.handle, role: "requester" }],
      moves: ["accept", "decline"],
    });
    await swaps().cancel(cy, asked.id);
  });

  it("shows someone outside the swap nothing at all", async () => {
    const asked = await swaps().request(ana, { to: bea.handle, want: "Spanish" });
    expect((await domainErrorOf(() => swaps().get(cy, asked.id))).code).toBe("SWAP.NOT_FOUND");
    await swaps().cancel(ana, asked.id);
  });
});
